"""Hostile inputs: each runs in a child limited to 30 s and 1 GB, or is refused in one line.

Every case names what it feeds reslint, the exit code it must end with and a
part of the one-line message it must print (None: no message).  The child's
limits are set with ``resource.setrlimit``; what breaks a limit, prints a
traceback, an "internal error" or a crash fails the case.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from reslint.limits import Limits
from tests import adversarial_files as files
from tests.adversarial import run_limited

Setup = Callable[[Path], list[str]]


@dataclass(frozen=True)
class Case:
    name: str
    setup: Setup
    code: int
    message: str | None
    limits: Limits | None = None
    needs: str | None = None


def _check(*arguments: str) -> list[str]:
    return ["check", "--no-cache", "--no-plugins", *arguments]


def _plain(folder: Path) -> str:
    path = folder / "draft.txt"
    path.write_text(f"{files.ORGAN}1. Decides to act.\n", "utf-8")
    return str(path)


# text and numbers read from it -----------------------------------------------------------------


def superscript_eight_digits(folder: Path) -> list[str]:
    return _check(str(files.pdf_like_with_superscript(folder, 8)))


def superscript_too_many_digits(folder: Path) -> list[str]:
    return _check(str(files.pdf_like_with_superscript(folder, 5000)))


def superscript_too_many_digits_parse(folder: Path) -> list[str]:
    return ["parse", str(files.pdf_like_with_superscript(folder, 5000))]


def paragraph_number_too_many_digits(folder: Path) -> list[str]:
    path = folder / "long.txt"
    path.write_text(f"{files.ORGAN}{'7' * 5000}. Decides to act;\n\n(a{'9' * 5000}) To act.\n")
    return _check(str(path))


def chinese_session(folder: Path) -> list[str]:
    return _check("--language", "zh", "--lint-non-resolutions", str(files.session_text(folder)))


def input_over_the_size_limit(folder: Path) -> list[str]:
    big = files.sparse_file(folder / "big.txt", 1 << 30, files.ORGAN.encode())
    return _check(str(big), _plain(folder))


def input_over_a_lowered_size_limit(folder: Path) -> list[str]:
    return _check("--max-file-size", "10", _plain(folder))


def text_over_the_character_budget(folder: Path) -> list[str]:
    path = folder / "long.txt"
    path.write_text(files.ORGAN + "1. Decides to act;\n\n" * 200_000, "utf-8")
    return _check(str(path), _plain(folder))


def text_over_the_character_budget_parse(folder: Path) -> list[str]:
    return ["parse", text_over_the_character_budget(folder)[-2]]


def input_is_a_device(folder: Path) -> list[str]:
    return _check("/dev/zero", _plain(folder))


def input_is_a_fifo(folder: Path) -> list[str]:
    return _check(str(files.fifo(folder / "pipe.txt")), _plain(folder))


# configuration ---------------------------------------------------------------------------------


def extend_dev_zero(folder: Path) -> list[str]:
    files.config_extending(folder, "/dev/zero")
    return _check(_plain(folder))


def extend_fifo(folder: Path) -> list[str]:
    files.fifo(folder / "base.toml")
    files.config_extending(folder, "base.toml")
    return _check(_plain(folder))


def extend_socket(folder: Path) -> list[str]:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "s.toml"))
    files.config_extending(folder, "s.toml")
    return _check(_plain(folder))


def extend_chain(folder: Path) -> list[str]:
    files.extend_chain(folder, 3000)
    return _check(_plain(folder))


def extend_cycle(folder: Path) -> list[str]:
    files.config_extending(folder, "reslint.toml")
    return _check(_plain(folder))


def extend_long_name(folder: Path) -> list[str]:
    files.config_extending(folder, "x" * 5000)
    return _check(_plain(folder))


def config_nested(folder: Path) -> list[str]:
    files.nested_toml(folder, 100_000)
    return _check(_plain(folder))


def config_gigabyte(folder: Path) -> list[str]:
    files.sparse_file(folder / "reslint.toml", 1 << 30, b'select = ["PU"]\n#')
    return _check(_plain(folder))


def baseline_nested(folder: Path) -> list[str]:
    files.nested_baseline(folder, 100_000)
    return _check(_plain(folder))


# Word ------------------------------------------------------------------------------------------


def word_start_ten_billion(folder: Path) -> list[str]:
    path = files.simple_draft(
        folder / "d.docx", numbering_xml=files.numbering("10000000000", number_format="lowerLetter")
    )
    return _check(str(path))


def word_odd_level_and_start(folder: Path) -> list[str]:
    path = files.simple_draft(folder / "d.docx", numbering_xml=files.numbering("²", ilvl="x"))
    return _check(str(path))


def word_zip_bomb(folder: Path) -> list[str]:
    return _check(str(files.zip_bomb_entry(folder / "bomb.docx", 1 << 30)))


def word_many_parts(folder: Path) -> list[str]:
    return _check(str(files.simple_draft(folder / "parts.docx", extra_parts=60)))


def annotate_odd_footnote_ids(folder: Path) -> list[str]:
    paragraphs = [
        files.paragraph("The General Assembly,"),
        files.paragraph("Recalling the Declaration,", note="x"),
        files.paragraph("Recalling the Charter,", note="99999999999999999999999"),
        files.paragraph("Decides to act.", numbered=True),
    ]
    notes = files.footnotes(["x", "99999999999999999999999"])
    path = files.word_draft(folder / "d.docx", paragraphs, footnotes_xml=notes)
    return ["annotate", "--no-plugins", str(path)]


# Akoma Ntoso -----------------------------------------------------------------------------------


def akn_utf7(folder: Path) -> list[str]:
    return _check(str(files.akn(folder, "<p>+AGEA-</p>", declaration="UTF-7")))


def akn_deep(folder: Path) -> list[str]:
    return _check(str(files.akn(folder, "<div>" * 100_000 + "</div>" * 100_000)))


def akn_many_elements(folder: Path) -> list[str]:
    return _check(str(files.akn(folder, "<p>a</p>" * 2_000)))


# PDF -------------------------------------------------------------------------------------------


def _pdf(folder: Path, data: bytes) -> list[str]:
    path = folder / "hostile.pdf"
    path.write_bytes(data)
    return _check(str(path))


def pdf_page_tree_loop(folder: Path) -> list[str]:
    return _pdf(folder, files.pdf_page_tree_loop())


def pdf_bad_predictor(folder: Path) -> list[str]:
    return _pdf(folder, files.pdf_bad_predictor())


def pdf_many_glyphs(folder: Path) -> list[str]:
    return _pdf(folder, files.pdf_many_glyphs(100_000))


CASES = (
    Case("superscript call of eight digits", superscript_eight_digits, 1, None),
    Case("superscript run of 5000 digits", superscript_too_many_digits, 1, None),
    Case("superscript run of 5000 digits, parse", superscript_too_many_digits_parse, 0, None),
    Case("paragraph numbers of 5000 digits", paragraph_number_too_many_digits, 1, None),
    Case("Chinese text naming a session", chinese_session, 1, None),
    Case("input of 1 GB", input_over_the_size_limit, 2, "over the limit of 64 MB"),
    Case("input over --max-file-size", input_over_a_lowered_size_limit, 2, "over the limit"),
    Case(
        "text of 200000 paragraphs",
        text_over_the_character_budget,
        2,
        "text of 4,000,023 characters is over the limit of 2,000,000",
    ),
    Case(
        "text of 200000 paragraphs, parse",
        text_over_the_character_budget_parse,
        2,
        "over the limit of 2,000,000",
    ),
    Case("input is /dev/zero", input_is_a_device, 2, "a character device, not a file"),
    Case("input is a FIFO", input_is_a_fifo, 2, "a FIFO, not a file"),
    Case("extend = /dev/zero", extend_dev_zero, 2, "a character device"),
    Case("extend names a FIFO", extend_fifo, 2, "a FIFO, not a configuration file"),
    Case("extend names a socket", extend_socket, 2, "a socket, not a configuration file"),
    Case("extend chain of 3000 files", extend_chain, 2, "chain longer than 32"),
    Case("extend cycle", extend_cycle, 2, "forms a cycle"),
    Case("extend name of 5000 characters", extend_long_name, 2, "cannot be used"),
    Case("TOML nested 100000 deep", config_nested, 2, "nested deeper than 100 levels"),
    Case("configuration of 1 GB", config_gigabyte, 2, "over the limit of 1 MB"),
    Case("baseline JSON nested 100000 deep", baseline_nested, 2, "nested deeper than 100"),
    Case(
        "Word list starting at ten billion, letters",
        word_start_ten_billion,
        2,
        "numbering start value 10000000000 is out of range",
        needs="docx",
    ),
    Case("Word level 'x', start '²'", word_odd_level_and_start, 1, None, needs="docx"),
    Case("Word part inflating to 1 GiB", word_zip_bomb, 2, "inflates", needs="docx"),
    Case(
        "Word package of too many parts",
        word_many_parts,
        2,
        "parts (the limit is 50)",
        Limits(zip_parts=50),
        needs="docx",
    ),
    Case("annotate with odd footnote ids", annotate_odd_footnote_ids, 1, None, needs="docx"),
    Case("AKN declared UTF-7", akn_utf7, 2, "cannot decode the XML"),
    Case("AKN nested 100000 deep", akn_deep, 2, "nested deeper than 256"),
    Case(
        "AKN over the element budget",
        akn_many_elements,
        2,
        "more than 1000 elements",
        Limits(xml_elements=1_000),
    ),
    Case("PDF page tree containing itself", pdf_page_tree_loop, 2, None, needs="pypdfium2"),
    Case("PDF stream with a bad predictor", pdf_bad_predictor, 2, None, needs="pypdfium2"),
    Case(
        "PDF page of 100000 glyphs",
        pdf_many_glyphs,
        2,
        # a budget far below what 100,000 glyphs take on any machine, so the watchdog
        # is what ends the reading whatever the machine's speed
        "more than 0.1 s on page 1",
        Limits(pdf_seconds_per_page=0.1),
        needs="pypdfium2",
    ),
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input_is_bounded_and_reported_in_one_line(case: Case, tmp_path: Path) -> None:
    if case.needs:
        pytest.importorskip(case.needs)
    argv = case.setup(tmp_path)
    outcome = run_limited(argv, tmp_path, limits=case.limits)
    assert outcome.problems() == [], (outcome.err[-2000:], outcome.out[-500:])
    assert outcome.code == case.code, outcome.err[-2000:]
    if case.message is not None:
        assert case.message in outcome.err, outcome.err[-2000:]
    if case.code == 2:
        assert outcome.err.strip(), "an error must be reported"
