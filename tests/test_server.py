"""``reslint server``: real LSP exchanges over the pipes of a ``python -m reslint server``.

The client is pygls's own :class:`LanguageClient`; every step has a timeout,
so a server that hangs fails the test instead of hanging the run.  Expected
positions are computed here from the draft texts (UTF-16 code units, as the
protocol counts them), independently of :mod:`reslint.lsp_positions`.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from pathlib import Path
from typing import Any, Awaitable, Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from reslint.lsp_positions import UTF8, UTF16, UTF32, LspPosition, PositionIndex
from reslint.registry import Registry
from tests.helpers import ROOT, reslint

STEP = 10.0
"""Seconds any one exchange may take."""
SCENARIO = 30.0
"""Seconds a whole scenario may take."""
BROKEN = (
    "The General Assembly,\n\n1. Decides to act.\n\n2. Requests the Secretary-General to report.\n"
)
CLEAN = BROKEN.replace("act.", "act;")
LSP_SEVERITY = {"error": 1, "warning": 2, "info": 3}


def utf16_column(line: str, index: int) -> int:
    """Return the UTF-16 code-unit column of code point ``index`` in ``line``."""
    return len(line[:index].encode("utf-16-le")) // 2


def lsp_offset(text: str, line: int, character: int) -> int:
    """Return the code-point offset of an LSP position (UTF-16 units; ``\\n`` line ends)."""
    lines = text.split("\n")
    offset = sum(len(before) + 1 for before in lines[:line])
    units = 0
    for char in lines[line]:
        if units >= character:
            break
        units += len(char.encode("utf-16-le")) // 2
        offset += 1
    return offset


def apply_text_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits to ``text``, last first so earlier ranges stay valid."""
    spans = [
        (
            lsp_offset(text, e.range.start.line, e.range.start.character),
            lsp_offset(text, e.range.end.line, e.range.end.character),
            e.new_text,
        )
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    """Return the text edits a code action makes to ``uri`` (either workspace-edit shape)."""
    assert action.edit is not None
    if action.edit.document_changes:
        return [
            edit
            for change in action.edit.document_changes
            if isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri
            for edit in change.edits
        ]
    assert action.edit.changes is not None
    return list(action.edit.changes[uri])


def the_range(text: str, needle: str, length: int = 1, at: int = 0) -> types.Range:
    """Return the LSP range of ``length`` characters at ``at`` inside the only ``needle``."""
    assert text.count(needle) == 1
    offset = text.index(needle) + at
    line = text.count("\n", 0, offset)
    line_start = text.rfind("\n", 0, offset) + 1
    line_text = text[line_start:].split("\n")[0]
    column = offset - line_start
    return types.Range(
        start=types.Position(line=line, character=utf16_column(line_text, column)),
        end=types.Position(line=line, character=utf16_column(line_text, column + length)),
    )


class Editor:
    """A language client driving one ``python -m reslint server`` process over stdio."""

    def __init__(
        self,
        cwd: Path,
        env: dict[str, str] | None = None,
        capabilities: types.ClientCapabilities | None = None,
    ) -> None:
        self.cwd = cwd
        self.env = env
        self.capabilities = capabilities or types.ClientCapabilities()
        self.client = LanguageClient("reslint-tests", "0")
        self.messages: list[types.ShowMessageParams] = []
        self._diagnostics: dict[str, asyncio.Queue[types.PublishDiagnosticsParams]] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: types.PublishDiagnosticsParams) -> None:
            self._queue(params.uri).put_nowait(params)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def _shown(params: types.ShowMessageParams) -> None:
            self.messages.append(params)

    def _queue(self, uri: str) -> asyncio.Queue[types.PublishDiagnosticsParams]:
        return self._diagnostics.setdefault(uri, asyncio.Queue())

    @property
    def process(self) -> asyncio.subprocess.Process:
        process = self.client._server  # the server process pygls started
        assert process is not None
        return process

    async def start(self) -> types.InitializeResult:
        environment = dict(os.environ)
        environment.pop("RESLINT_DISABLE_PLUGIN_AUTOLOAD", None)
        environment.update(self.env or {})
        await self.client.start_io(
            sys.executable, "-m", "reslint", "server", cwd=str(self.cwd), env=environment
        )
        result = await asyncio.wait_for(
            self.client.initialize_async(
                types.InitializeParams(
                    capabilities=self.capabilities, root_uri=from_fs_path(str(self.cwd))
                )
            ),
            STEP,
        )
        self.client.initialized(types.InitializedParams())
        return result

    async def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        """Wait for the next diagnostics published for ``uri``."""
        published = await asyncio.wait_for(self._queue(uri).get(), STEP)
        return list(published.diagnostics)

    def open(self, uri: str, text: str, language_id: str = "plaintext") -> None:
        item = types.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))

    def change(self, uri: str, version: int, change: Any) -> None:
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[change],
            )
        )

    async def code_actions(
        self, uri: str, where: types.Range, only: list[str] | None = None
    ) -> list[types.CodeAction]:
        result = await asyncio.wait_for(
            self.client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    range=where,
                    context=types.CodeActionContext(diagnostics=[], only=only),
                )
            ),
            STEP,
        )
        return [a for a in result or [] if isinstance(a, types.CodeAction)]

    async def finish(self) -> tuple[int, str]:
        """Shut down and exit as a client does; return the exit code and the server's stderr."""
        await asyncio.wait_for(self.client.shutdown_async(None), STEP)
        self.client.exit(None)
        code = await asyncio.wait_for(self.process.wait(), STEP)
        assert self.process.stderr is not None
        errors = (await self.process.stderr.read()).decode("utf-8", "replace")
        return code, errors

    async def stop(self) -> None:
        """Kill the server if it is still running (a failed test) and release the client."""
        if self.client._server is not None and self.process.returncode is None:
            self.process.kill()
        await asyncio.wait_for(self.client.stop(), STEP)


def run_editor(
    cwd: Path,
    scenario: Callable[[Editor], Awaitable[None]],
    env: dict[str, str] | None = None,
    capabilities: types.ClientCapabilities | None = None,
) -> None:
    """Start a server, run ``scenario`` against it within ``SCENARIO`` seconds, then clean up."""

    async def main() -> None:
        editor = Editor(cwd, env, capabilities)
        try:
            await editor.start()
            await asyncio.wait_for(scenario(editor), SCENARIO)
        finally:
            await editor.stop()

    asyncio.run(main())


def test_editor_gets_diagnostics_fixes_and_a_clean_exit(tmp_path: Path, registry: Registry) -> None:
    uri = from_fs_path(str(tmp_path / "draft.txt"))
    rule = registry.get("PU002")
    assert rule is not None

    async def scenario(editor: Editor) -> None:
        editor.open(uri, BROKEN)
        (diagnostic,) = await editor.diagnostics(uri)
        assert diagnostic.code == "PU002"
        assert diagnostic.source == "reslint"
        assert diagnostic.range == the_range(BROKEN, "act.", at=3)
        assert diagnostic.severity == LSP_SEVERITY[rule.severity.value]
        assert diagnostic.code_description is not None
        assert diagnostic.code_description.href == (ROOT / "docs/rules/PU002.md").as_uri()

        actions = await editor.code_actions(uri, diagnostic.range)
        quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
        fix_all = [a for a in actions if a.kind == "source.fixAll.reslint"]
        assert len(quick) == 1 and len(fix_all) == 1
        assert quick[0].diagnostics and quick[0].diagnostics[0].code == "PU002"
        fixed = apply_text_edits(BROKEN, edits_of(quick[0], uri))
        assert fixed == CLEAN
        assert apply_text_edits(BROKEN, edits_of(fix_all[0], uri)) == CLEAN

        # the edit, made in the editor, clears the finding
        editor.change(uri, 2, types.TextDocumentContentChangeWholeDocument(text=fixed))
        assert await editor.diagnostics(uri) == []
        assert await editor.code_actions(uri, diagnostic.range) == []

        # an incremental change that breaks the paragraph again
        editor.change(
            uri,
            3,
            types.TextDocumentContentChangePartial(range=the_range(CLEAN, "act;", at=3), text="."),
        )
        (again,) = await editor.diagnostics(uri)
        assert again.code == "PU002" and again.range == diagnostic.range

        # a quick fix is offered only where the cursor is
        elsewhere = the_range(BROKEN, "Requests")
        assert [a.kind for a in await editor.code_actions(uri, elsewhere)] == [
            "source.fixAll.reslint"
        ]

        editor.client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        assert await editor.diagnostics(uri) == []

        code, errors = await editor.finish()
        assert code == 0
        assert "Traceback" not in errors
        assert editor.messages == []

    run_editor(tmp_path, scenario)


def test_columns_are_utf16_code_units_in_text_and_markdown(tmp_path: Path) -> None:
    text = BROKEN.replace("Decides to act.", "Decides 🌍🎉 to act.")
    uri = from_fs_path(str(tmp_path / "première ébauche.txt"))  # percent-encoded in the URI
    assert "%20" in uri
    versioned = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True)
        )
    )

    async def scenario(editor: Editor) -> None:
        editor.open(uri, text)
        (diagnostic,) = await editor.diagnostics(uri)
        line = text.split("\n")[diagnostic.range.start.line]
        code_point_column = line.index("act.") + 3
        # two characters outside the BMP: two UTF-16 units each
        assert diagnostic.range.start.character == code_point_column + 2
        assert diagnostic.range == the_range(text, "act.", at=3)
        editor.client.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        assert await editor.diagnostics(uri) == [diagnostic]
        hover = await asyncio.wait_for(
            editor.client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    position=diagnostic.range.end,
                )
            ),
            STEP,
        )
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        assert hover.contents.value.startswith("# PU002 operative-terminator")
        assert hover.range == diagnostic.range
        (quick,) = await editor.code_actions(uri, diagnostic.range, ["quickfix"])
        assert quick.edit is not None and quick.edit.document_changes
        identifier = quick.edit.document_changes[0].text_document  # type: ignore[union-attr]
        assert identifier.version == 1
        fixed = apply_text_edits(text, edits_of(quick, uri))
        assert fixed == text.replace("act.", "act;")

        # Markdown is linted as rendered, but positions are those of the Markdown text
        markdown = text.replace("Decides 🌍🎉 to act.", "*Decides* 🌍 to **act**.")
        untitled = "untitled:Untitled-1"
        editor.open(untitled, markdown, language_id="markdown")
        (diagnostic,) = await editor.diagnostics(untitled)
        assert diagnostic.code == "PU002"
        assert diagnostic.range == the_range(markdown, "**.", at=2)
        (fix_all,) = await editor.code_actions(untitled, diagnostic.range, ["source.fixAll"])
        fixed = apply_text_edits(markdown, edits_of(fix_all, untitled))
        assert fixed == markdown.replace("**.", "**;")

        code, _ = await editor.finish()
        assert code == 0

    run_editor(tmp_path, scenario, capabilities=versioned)


def test_settings_near_the_file_apply_and_bad_ones_are_shown(tmp_path: Path) -> None:
    quiet = tmp_path / "quiet"
    broken = tmp_path / "broken"
    quiet.mkdir()
    broken.mkdir()
    (quiet / "reslint.toml").write_text('ignore = ["PU002"]\n', "utf-8")
    (broken / "reslint.toml").write_text("no-such-key = 1\n", "utf-8")
    quiet_uri = from_fs_path(str(quiet / "draft.txt"))
    broken_uri = from_fs_path(str(broken / "draft.txt"))
    plain_uri = from_fs_path(str(tmp_path / "draft.txt"))

    async def scenario(editor: Editor) -> None:
        editor.open(quiet_uri, BROKEN)
        assert await editor.diagnostics(quiet_uri) == []
        editor.open(broken_uri, BROKEN)
        assert await editor.diagnostics(broken_uri) == []
        assert len(editor.messages) == 1
        message = editor.messages[0]
        assert message.type == types.MessageType.Error
        assert "reslint.toml" in message.message and "no-such-key" in message.message
        # the server is still serving
        editor.open(plain_uri, BROKEN)
        assert [d.code for d in await editor.diagnostics(plain_uri)] == ["PU002"]

        # the configuration is corrected on disk: the open drafts are linted again
        (broken / "reslint.toml").write_text('select = ["PU"]\n', "utf-8")
        editor.client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[
                    types.FileEvent(
                        uri=from_fs_path(str(broken / "reslint.toml")),
                        type=types.FileChangeType.Changed,
                    )
                ]
            )
        )
        relinted = {
            uri: [d.code for d in await editor.diagnostics(uri)]
            for uri in (quiet_uri, broken_uri, plain_uri)
        }
        assert relinted == {quiet_uri: [], broken_uri: ["PU002"], plain_uri: ["PU002"]}
        code, errors = await editor.finish()
        assert code == 0 and "Traceback" not in errors

    run_editor(tmp_path, scenario)


def test_tcp_serves_the_same_protocol(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a free port on the loopback interface
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    uri = from_fs_path(str(tmp_path / "draft.txt"))

    async def main() -> None:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            *("-m", "reslint", "server", "--tcp", f"127.0.0.1:{port}"),
            cwd=str(tmp_path),
            stderr=asyncio.subprocess.PIPE,
        )
        client = LanguageClient("reslint-tests", "0")
        published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: types.PublishDiagnosticsParams) -> None:
            published.put_nowait(params)

        try:
            for _ in range(100):  # until the server listens (at most STEP seconds)
                try:
                    await client.start_tcp("127.0.0.1", port)
                    break
                except OSError:
                    await asyncio.sleep(STEP / 100)
            await asyncio.wait_for(
                client.initialize_async(
                    types.InitializeParams(capabilities=types.ClientCapabilities())
                ),
                STEP,
            )
            client.initialized(types.InitializedParams())
            item = types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=BROKEN)
            client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
            diagnostics = (await asyncio.wait_for(published.get(), STEP)).diagnostics
            assert [d.code for d in diagnostics] == ["PU002"]
            await asyncio.wait_for(client.shutdown_async(None), STEP)
            client.exit(None)
            assert await asyncio.wait_for(process.wait(), STEP) == 0
            assert process.stderr is not None
            assert "Traceback" not in (await process.stderr.read()).decode()
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()

    asyncio.run(main())


CRASHING_PLUGIN = '''
from reslint import Rule, hookimpl


class AlwaysCrashes(Rule):
    """Raises on every document."""

    code = "XC001"
    name = "always-crashes"
    summary = "Crashes"

    def check(self, document):
        raise ValueError("boom")


@hookimpl
def reslint_rules():
    return [AlwaysCrashes]
'''


def test_a_crashing_rule_is_shown_and_the_others_still_report(tmp_path: Path) -> None:
    # an installed distribution as importlib.metadata finds it: module, METADATA, entry point
    site = tmp_path / "site"
    info = site / "crashy_plugin-0.1.dist-info"
    info.mkdir(parents=True)
    (site / "crashy_plugin.py").write_text(CRASHING_PLUGIN, "utf-8")
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: crashy-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[reslint]\ncrashy = crashy_plugin\n", "utf-8")
    uri = from_fs_path(str(tmp_path / "draft.txt"))

    async def scenario(editor: Editor) -> None:
        editor.open(uri, BROKEN)
        assert [d.code for d in await editor.diagnostics(uri)] == ["PU002"]
        (message,) = editor.messages
        assert message.type == types.MessageType.Warning
        assert "XC001" in message.message and "ValueError: boom" in message.message
        editor.change(uri, 2, types.TextDocumentContentChangeWholeDocument(text=CLEAN))
        assert await editor.diagnostics(uri) == []
        assert len(editor.messages) == 1  # shown once, not on every keystroke
        code, errors = await editor.finish()
        assert code == 0 and "Traceback" not in errors

    run_editor(tmp_path, scenario, env={"PYTHONPATH": str(site)})


def test_without_pygls_the_command_says_how_to_install_it(tmp_path: Path) -> None:
    # an empty package shadows the installed pygls: its modules cannot be imported
    (tmp_path / "pygls").mkdir()
    (tmp_path / "pygls" / "__init__.py").write_text("", "utf-8")
    run = reslint("server", env={"PYTHONPATH": str(tmp_path)}, stdin="")
    assert run.code == 2
    assert run.err.count("\n") == 1
    assert run.err.startswith("reslint: error: ")
    assert "pip install 'reslint[lsp]'" in run.err


@pytest.mark.parametrize("encoding", [UTF8, UTF16, UTF32])
def test_positions_count_the_units_of_the_encoding(encoding: str) -> None:
    text = "é🎉x\r\nab\rc\n"
    index = PositionIndex(text, encoding)
    codec = {UTF8: "utf-8", UTF16: "utf-16-le", UTF32: "utf-32-le"}[encoding]
    width = {UTF8: 1, UTF16: 2, UTF32: 4}[encoding]
    x = text.index("x")
    assert index.position(x) == LspPosition(0, len(text[:x].encode(codec)) // width)
    assert index.position(text.index("b")) == LspPosition(1, 1)
    assert index.position(text.index("c")) == LspPosition(2, 0)
    assert index.end == LspPosition(3, 0)
    assert index.offset(LspPosition(0, 99)) == text.index("\r")
    assert index.offset(LspPosition(9, 0)) == len(text)


@given(st.text(alphabet=st.sampled_from("a\n\r é🎉\U0001f30d"), max_size=40), st.data())
def test_offsets_survive_a_round_trip(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    for encoding in (UTF8, UTF16, UTF32):
        index = PositionIndex(text, encoding)
        inside_crlf = 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n"
        expected = offset - 1 if inside_crlf else offset
        assert index.offset(index.position(offset)) == expected


@given(
    st.text(alphabet=st.sampled_from("ab;.\r\n🎉"), max_size=30),
    st.text(alphabet=st.sampled_from("ab;.\r\n🎉"), max_size=30),
)
def test_the_fix_all_edit_is_one_small_edit_that_keeps_crlf_whole(before: str, after: str) -> None:
    from reslint.fixes import apply_edits
    from reslint.server import changed_region

    edit = changed_region(before, after)
    assert apply_edits(before, [edit]) == after
    for offset in (edit.span.start, edit.span.end):
        assert before[offset - 1 : offset + 1] != "\r\n" or offset == 0
