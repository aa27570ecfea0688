"""``reslint server``: findings and fixes in an editor, over the Language Server Protocol.

An editor that speaks LSP (VS Code, Neovim, Emacs, Helix, Zed, Kate…) starts
``reslint server`` and talks to it over stdio.  Each time a draft is opened,
edited or saved, it is linted in memory with the settings that apply to its
path (the nearest ``reslint.toml`` or ``pyproject.toml [tool.reslint]``), with
plugins loaded, and the findings are published as diagnostics.  Safe fixes are
offered as quick fixes, and ``source.fixAll.reslint`` applies every safe fix,
as ``reslint --fix`` would.  Markdown drafts are rendered by the Markdown
reader, so positions are those of the Markdown text.

The protocol itself — JSON-RPC framing, capability negotiation, incremental
document synchronisation, the position encoding — is left to pygls, the
maintained Python implementation of LSP (with lsprotocol's typed messages);
only the conversion of reslint's code-point offsets to LSP positions is done
here (:mod:`reslint.lsp_positions`), because columns after a character outside
the Basic Multilingual Plane must be counted in UTF-16 units.

A configuration that cannot be read, a rule that crashes or a draft that
cannot be parsed is shown to the user (``window/showMessage``, once per
distinct message) and never stops the server.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Callable

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from reslint import __version__
from reslint.api import Linter
from reslint.baseline import BASELINE_NAME, BaselineError
from reslint.config import CONFIG_FILES, ConfigError, Settings
from reslint.fixes import FixDidNotConverge
from reslint.formatters.json import DOCS_PATH
from reslint.lsp_positions import LspPosition, PositionIndex
from reslint.readers.builtin import render_text
from reslint.readers.markdown import render_markdown
from reslint.session import LintSession
from reslint.text import Span
from reslint.violations import Applicability, Edit, Severity, Violation

SOURCE = "reslint"
FIX_ALL_KIND = "source.fixAll.reslint"
FIX_ALL_TITLE = "Fix all safe reslint problems"
MARKDOWN_SUFFIXES = (".md", ".markdown")
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_WATCHED_NAMES = frozenset({*CONFIG_FILES, BASELINE_NAME})
_DOCS_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class LintedDocument:
    """A document as last linted, with what fixing it again needs."""

    uri: str
    version: int | None
    text: str
    violations: tuple[Violation, ...]
    session: LintSession
    """How the text was linted: fixing it again lints it the same way."""

    @property
    def path(self) -> str | None:
        """Return the file system path of the document, if it has one."""
        return self.session.path


def docs_uri(code: str) -> str | None:
    """Return the URI of a rule's documentation page when the page is at hand, else None.

    The pages are ``docs/rules/CODE.md`` in the source tree (the path SARIF
    gives as ``helpUri``); an editor needs an absolute URI, so one is given
    only when the page exists, as it does in a checkout or editable install.
    """
    page = _DOCS_ROOT / DOCS_PATH.format(code=code)
    return page.as_uri() if page.is_file() else None


def lsp_range(index: PositionIndex, span: Span) -> types.Range:
    """Return the LSP range of a span of code-point offsets."""
    start, end = index.position(span.start), index.position(span.end)
    return types.Range(
        start=types.Position(line=start.line, character=start.character),
        end=types.Position(line=end.line, character=end.character),
    )


def wanted(kind: str, only: list[str] | None) -> bool:
    """Return whether a code action of ``kind`` is among the kinds the client asked for."""
    return only is None or any(kind == asked or kind.startswith(f"{asked}.") for asked in only)


def changed_region(before: str, after: str) -> Edit:
    """Return one edit that turns ``before`` into ``after``, as small as the texts allow.

    Replacing the whole document would move the editor's cursor and folds;
    replacing only the stretch between the common prefix and suffix does not.
    A ``\\r\\n`` pair is never split, so the edit maps to whole LSP positions.
    """
    limit = min(len(before), len(after))
    start = 0
    while start < limit and before[start] == after[start]:
        start += 1
    if 0 < start < len(before) and before[start - 1] == "\r" and before[start] == "\n":
        start -= 1
    end = 0
    while end < limit - start and before[-1 - end] == after[-1 - end]:
        end += 1
    stop = len(before) - end
    if 0 < stop < len(before) and before[stop - 1] == "\r" and before[stop] == "\n":
        stop += 1
        end -= 1
    return Edit(Span(start, stop), after[start : len(after) - end])


def _plain(method: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Wrap a bound method in a function (pygls marks its handlers with attributes)."""

    def handler(params: Any) -> Any:
        return method(params)

    handler.__name__ = handler.__qualname__ = getattr(method, "__name__", "handler")
    return handler


class ReslintServer(LanguageServer):
    """The language server: one :class:`reslint.api.Linter`, rebuilt when configuration changes."""

    def __init__(self, linter_options: dict[str, Any]) -> None:
        super().__init__("reslint", __version__)
        self.linter_options = linter_options
        self.linter = Linter(**linter_options)
        self.linted: dict[str, LintedDocument] = {}
        self.open_documents: dict[str, None] = {}
        """The URIs the editor has open, as it spells them (in opening order)."""
        self.shutdown_requested = False
        self._shown: set[str] = set()
        for method, handler, options in (
            (types.INITIALIZED, self.initialized, None),
            (types.SHUTDOWN, self.on_shutdown, None),
            (types.TEXT_DOCUMENT_DID_OPEN, self.did_open, None),
            (types.TEXT_DOCUMENT_DID_CHANGE, self.did_change, None),
            (types.TEXT_DOCUMENT_DID_SAVE, self.did_save, types.SaveOptions(include_text=False)),
            (types.TEXT_DOCUMENT_DID_CLOSE, self.did_close, None),
            (types.WORKSPACE_DID_CHANGE_WATCHED_FILES, self.watched_files_changed, None),
            (
                types.TEXT_DOCUMENT_CODE_ACTION,
                self.code_action,
                types.CodeActionOptions(
                    code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]
                ),
            ),
            (types.TEXT_DOCUMENT_HOVER, self.hover, None),
        ):
            self.feature(method, options)(_plain(handler))

    # messages -----------------------------------------------------------------

    def show(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        """Show ``message`` to the user once (linting runs on every keystroke)."""
        if message in self._shown:
            return
        self._shown.add(message)
        self.window_show_message(types.ShowMessageParams(type=kind, message=f"reslint: {message}"))

    # configuration ------------------------------------------------------------

    def _root(self) -> Path:
        root = self.workspace.root_path
        return Path(root) if root else Path.cwd()

    def _use_default_baseline(self) -> None:
        """Suppress the findings of ``reslint-baseline.json`` where the command line would."""
        root = self._root()
        try:
            config = self.linter.resolver.for_path(root).path
        except ConfigError:
            return  # reported when a document under it is linted
        target = (config.parent if config else root) / BASELINE_NAME
        if target.is_file():
            try:
                self.linter.use_baseline(target)
            except BaselineError as error:
                self.show(str(error))

    def reload(self) -> None:
        """Build the linter again (configuration or baseline changed) and relint open drafts."""
        self.linter = Linter(**self.linter_options)
        self._shown.clear()
        self._use_default_baseline()
        for uri in list(self.open_documents):
            self.lint(uri)

    def _settings(self, path: Path | None) -> Settings:
        return self.linter.resolver.for_path(path if path is not None else self._root())

    # linting ------------------------------------------------------------------

    def encoding(self) -> str:
        """Return the position encoding agreed with the client (UTF-16 unless told otherwise)."""
        encoding = self.workspace.position_encoding
        return str(encoding.value if isinstance(encoding, types.PositionEncodingKind) else encoding)

    def lint(self, uri: str) -> LintedDocument | None:
        """Lint the document ``uri`` as the editor holds it and publish its diagnostics."""
        document = self.workspace.get_text_document(uri)
        text = document.source
        fs_path = to_fs_path(uri)
        path = Path(fs_path) if fs_path else None
        where = fs_path or uri
        try:
            settings = self._settings(path)
            rules = self.linter.rules_for(settings, path)
        except ConfigError as error:
            self.show(str(error))
            self.linted.pop(uri, None)
            self.publish(uri, [], document.version)
            return None
        markdown = document.language_id == "markdown" or (
            path is not None and path.suffix.lower() in MARKDOWN_SUFFIXES
        )
        render = render_markdown if markdown else render_text
        session = LintSession.of(
            rules,
            render=render,
            language=settings.language,
            path=fs_path,
            suppressions=self.linter.suppressions(path),
            source_format="markdown" if markdown else "text",
        )
        try:
            result = session.lint(text)
        except Exception as error:
            self.show(f"{where}: internal error while parsing: {type(error).__name__}: {error}")
            self.linted.pop(uri, None)
            self.publish(uri, [], document.version)
            return None
        for crash in result.crashes:
            self.show(f"{where}: {crash.message}", types.MessageType.Warning)
        linted = LintedDocument(
            uri,
            document.version,
            text,
            tuple(result.violations),
            session,
        )
        self.linted[uri] = linted
        index = PositionIndex(text, self.encoding())
        self.publish(uri, [self.diagnostic(v, index) for v in linted.violations], document.version)
        return linted

    def publish(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None) -> None:
        """Send the diagnostics of one document (an empty list clears them)."""
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def current(self, uri: str) -> LintedDocument | None:
        """Return the lint of the document as the editor holds it now."""
        if uri not in self.open_documents:
            return None
        linted = self.linted.get(uri)
        document = self.workspace.get_text_document(uri)
        if linted is None or linted.version != document.version or linted.text != document.source:
            linted = self.lint(uri)
        return linted

    # conversions --------------------------------------------------------------

    def diagnostic(self, violation: Violation, index: PositionIndex) -> types.Diagnostic:
        """Return the LSP diagnostic of a violation."""
        href = docs_uri(violation.code)
        return types.Diagnostic(
            range=lsp_range(index, violation.span),
            message=violation.message,
            severity=SEVERITIES[violation.severity],
            code=violation.code,
            code_description=types.CodeDescription(href=href) if href else None,
            source=SOURCE,
        )

    def workspace_edit(
        self, linted: LintedDocument, edits: tuple[Edit, ...], index: PositionIndex
    ) -> types.WorkspaceEdit:
        """Return a workspace edit of one document, versioned when the client supports it."""
        text_edits: list[types.TextEdit | types.AnnotatedTextEdit | types.SnippetTextEdit] = [
            types.TextEdit(
                range=lsp_range(index, edit.span),
                new_text=edit.replacement,
            )
            for edit in edits
        ]
        capabilities = self.client_capabilities.workspace
        versioned = bool(
            capabilities
            and capabilities.workspace_edit
            and capabilities.workspace_edit.document_changes
        )
        if versioned:
            identifier = types.OptionalVersionedTextDocumentIdentifier(
                uri=linted.uri, version=linted.version
            )
            return types.WorkspaceEdit(
                document_changes=[
                    types.TextDocumentEdit(text_document=identifier, edits=text_edits)
                ]
            )
        return types.WorkspaceEdit(changes={linted.uri: list(text_edits)})  # type: ignore[dict-item]

    # handlers -----------------------------------------------------------------

    def initialized(self, params: types.InitializedParams) -> None:
        """Report plugins that failed to load; watch configuration files when the client can."""
        self._use_default_baseline()
        for problem in self.linter.plugin_errors:
            self.show(problem.message)
        watched = self.client_capabilities.workspace
        if watched and watched.did_change_watched_files:
            if watched.did_change_watched_files.dynamic_registration:
                watchers = [
                    types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in _WATCHED_NAMES
                ]
                self.client_register_capability(
                    types.RegistrationParams(
                        registrations=[
                            types.Registration(
                                id="reslint-configuration",
                                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                    watchers=watchers
                                ),
                            )
                        ]
                    )
                )

    def on_shutdown(self, params: None) -> None:
        """Remember that the client asked to shut down (``exit`` then ends with code 0)."""
        self.shutdown_requested = True

    def did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        """Lint a document the editor opened."""
        self.open_documents[params.text_document.uri] = None
        self.lint(params.text_document.uri)

    def did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        """Lint a document again after an edit (pygls has applied the change)."""
        self.lint(params.text_document.uri)

    def did_save(self, params: types.DidSaveTextDocumentParams) -> None:
        """Lint on save; a saved configuration file rebuilds the linter."""
        if Path(to_fs_path(params.text_document.uri) or "").name in _WATCHED_NAMES:
            self.reload()
        if params.text_document.uri in self.open_documents:
            self.lint(params.text_document.uri)

    def did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        """Clear the diagnostics of a closed document."""
        self.open_documents.pop(params.text_document.uri, None)
        self.linted.pop(params.text_document.uri, None)
        self.publish(params.text_document.uri, [], None)

    def watched_files_changed(self, params: types.DidChangeWatchedFilesParams) -> None:
        """Rebuild the linter when a configuration or baseline file changed on disk."""
        if any(Path(to_fs_path(c.uri) or "").name in _WATCHED_NAMES for c in params.changes):
            self.reload()

    def code_action(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        """Offer the safe fixes of the findings in the range, and a fix-all source action."""
        linted = self.current(params.text_document.uri)
        if linted is None:
            return None
        index = PositionIndex(linted.text, self.encoding())
        start = index.offset(LspPosition(params.range.start.line, params.range.start.character))
        end = index.offset(LspPosition(params.range.end.line, params.range.end.character))
        only = params.context.only
        fixable = [
            v
            for v in linted.violations
            if v.fix is not None and v.fix.applicability is Applicability.SAFE and v.fix.edits
        ]
        actions: list[types.CodeAction] = []
        if wanted(types.CodeActionKind.QuickFix, only):
            for violation in fixable:
                if not (violation.span.start <= end and start <= violation.span.end):
                    continue
                assert violation.fix is not None
                actions.append(
                    types.CodeAction(
                        title=violation.fix.title or f"Fix {violation.code}",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[self.diagnostic(violation, index)],
                        edit=self.workspace_edit(linted, violation.fix.edits, index),
                        is_preferred=True,
                    )
                )
        if fixable and wanted(FIX_ALL_KIND, only):
            try:
                fixed = linted.session.fix(linted.text, Applicability.SAFE).text
            except FixDidNotConverge as error:
                self.show(f"{linted.path or linted.uri}: {error}", types.MessageType.Warning)
            else:
                if fixed != linted.text:
                    edit = changed_region(linted.text, fixed)
                    actions.append(
                        types.CodeAction(
                            title=FIX_ALL_TITLE,
                            kind=FIX_ALL_KIND,
                            edit=self.workspace_edit(linted, (edit,), index),
                        )
                    )
        return actions

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        """Show the documentation of the rules whose findings are under the cursor."""
        from reslint.docs import rule_page

        linted = self.current(params.text_document.uri)
        if linted is None:
            return None
        index = PositionIndex(linted.text, self.encoding())
        offset = index.offset(LspPosition(params.position.line, params.position.character))
        here = [v for v in linted.violations if v.span.start <= offset <= v.span.end]
        pages: list[str] = []
        for code in dict.fromkeys(v.code for v in here):
            rule = self.linter.registry.get(code)
            if rule is not None:
                pages.append(rule_page(rule))
        if not pages:
            return None
        first = here[0]
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value="\n---\n\n".join(pages)
            ),
            range=lsp_range(index, first.span),
        )


class _ExitIsNotAnError(logging.Filter):
    """Drop asyncio's report of the SystemExit that ends a connection on the client's ``exit``."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], SystemExit))


def start_io(server: LanguageServer, stdin: BinaryIO, stdout: BinaryIO) -> None:
    """Serve over stdio like pygls's ``start_io``, reading with :mod:`reslint.lsp_stream`.

    pygls's own reading loop stalls for good after one malformed header and
    leaves some requests unanswered; the rest (protocol, handlers, writer) is
    pygls's.
    """
    import asyncio
    import threading

    from pygls.io_ import StdoutWriter

    from reslint.lsp_stream import BoundedReader, MessageStream, log_in_one_line

    log_in_one_line()
    stop = threading.Event()
    server._stop_event = stop  # what pygls's shutdown sets to end the loop
    server.protocol.set_writer(StdoutWriter(stdout))
    stream = MessageStream(server.protocol, BoundedReader(stdin, server.thread_pool), stop)
    try:
        asyncio.run(stream.run())
    except BrokenPipeError:
        logging.getLogger("reslint.server").error("the client closed the connection")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.shutdown()


def serve(linter_options: dict[str, Any], tcp: tuple[str, int] | None = None) -> int:
    """Run the server until the client says ``exit``; return the process exit code.

    The code is 0 when the client asked to shut down first, 1 otherwise (as the
    protocol says).  Over stdio, anything a plugin prints goes to stderr, so that
    it cannot corrupt the protocol stream on stdout.
    """
    server = ReslintServer(linter_options)
    if tcp is not None:
        # pygls ends a TCP connection by raising SystemExit in the connection callback,
        # which asyncio would log with a traceback as if it were a crash
        logging.getLogger("asyncio").addFilter(_ExitIsNotAnError())
        try:
            server.start_tcp(*tcp)
        except SystemExit:
            pass  # the "exit" notification ends the event loop this way
        except OSError as error:
            host, port = tcp
            sys.stderr.write(
                f"reslint: error: cannot listen on {host}:{port}: {error.strerror or error}\n"
            )
            return 2
    else:
        stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
        sys.stdout = sys.stderr
        try:
            start_io(server, stdin, stdout)
        finally:
            sys.stdout = sys.__stdout__
    return 0 if server.shutdown_requested else 1
