"""reslint compare: language versions of one resolution checked against each other."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reslint.comparison import ComparisonRule, LanguageVersions, VersionFinding, compare
from reslint.hookspecs import hookimpl
from reslint.parser import parse_document
from reslint.plugins import plugin_manager
from reslint.registry import build_registry
from reslint.versions import anchors_of, label_rank, profile
from tests.conftest import SHARED
from tests.helpers import reslint

EN = """The General Assembly,

Recalling its resolution 46/182 of 19 December 1991,

Recalling also its resolution 74/93 of 13 December 2019,

Having considered the report of the Secretary-General,[^1]

1. Welcomes the report of the Secretary-General;

2. Decides to appropriate 1,250,000 dollars for 2021;

3. Requests the Secretary-General:

(a) To report to it at its seventy-sixth session;

(b) To consult Member States;

4. Decides to remain seized of the matter.

[^1]: A/75/64.
"""

FR = """L'Assemblée générale,

Rappelant sa résolution 46/182 du 19 décembre 1991,

Rappelant également sa résolution 74/93 du 13 décembre 2019,

Ayant examiné le rapport du Secrétaire général[^1],

1. Accueille avec satisfaction le rapport du Secrétaire général ;

2. Décide d'ouvrir un crédit de 1 250 000 dollars pour 2021 ;

3. Prie le Secrétaire général :

a) De lui faire rapport à sa soixante-seizième session ;

b) De consulter les États Membres ;

4. Décide de rester saisie de la question.

[^1]: A/75/64.
"""

ES = """La Asamblea General,

Recordando su resolución 46/182, de 19 de diciembre de 1991,

Recordando también su resolución 74/93, de 13 de diciembre de 2019,

Habiendo examinado el informe del Secretario General[^1],

1. Acoge con beneplácito el informe del Secretario General;

2. Decide consignar 1.250.000 dólares para 2021;

3. Solicita al Secretario General:

a) Que la informe en su septuagésimo sexto período de sesiones;

b) Que consulte a los Estados Miembros;

4. Decide seguir ocupándose de la cuestión.

[^1]: A/75/64.
"""


def _write(folder: Path, texts: dict[str, str]) -> list[Path]:
    paths = []
    for language, text in texts.items():
        path = folder / f"resolution.{language}.md"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def _compare(folder: Path, texts: dict[str, str]) -> list[dict]:  # type: ignore[type-arg]
    run = reslint("compare", "--output-format", "json", *map(str, _write(folder, texts)))
    assert run.code in (0, 1), run.err
    return json.loads(run.out)


def test_versions_that_agree_give_no_finding(tmp_path: Path) -> None:
    assert _compare(tmp_path, {"en": EN, "fr": FR, "es": ES}) == []


def test_a_deleted_paragraph_is_one_finding_where_it_should_stand(tmp_path: Path) -> None:
    fr = FR.replace("Rappelant également sa résolution 74/93 du 13 décembre 2019,\n\n", "")
    found = _compare(tmp_path, {"en": EN, "fr": fr, "es": ES})
    assert [(f["code"], Path(f["filename"]).name) for f in found] == [("LV001", "resolution.fr.md")]
    assert found[0]["location"]["row"] == 5  # at the paragraph that now follows it
    assert "preambular paragraph 2" in found[0]["message"]


def test_a_changed_resolution_number_is_one_finding_at_its_paragraph(tmp_path: Path) -> None:
    es = ES.replace("resolución 46/182", "resolución 46/128")
    found = _compare(tmp_path, {"en": EN, "fr": FR, "es": es})
    assert [(f["code"], Path(f["filename"]).name) for f in found] == [("LV004", "resolution.es.md")]
    assert found[0]["location"]["row"] == 3
    assert "46/182" in found[0]["message"] and "46/128" in found[0]["message"]


def test_a_dropped_footnote_is_one_finding_at_its_paragraph(tmp_path: Path) -> None:
    fr = FR.replace("Secrétaire général[^1],", "Secrétaire général,").replace(
        "[^1]: A/75/64.\n", ""
    )
    found = _compare(tmp_path, {"en": EN, "fr": fr, "es": ES})
    assert [(f["code"], Path(f["filename"]).name) for f in found] == [("LV003", "resolution.fr.md")]
    assert found[0]["location"]["row"] == 7


def test_a_changed_amount_and_date_and_a_renumbered_paragraph(tmp_path: Path) -> None:
    fr = FR.replace("1 250 000", "1 520 000").replace("13 décembre 2019", "31 décembre 2019")
    es = ES.replace("4. Decide seguir", "5. Decide seguir")
    found = _compare(tmp_path, {"en": EN, "fr": fr, "es": es})
    assert sorted((f["code"], Path(f["filename"]).name) for f in found) == [
        ("LV002", "resolution.es.md"),
        ("LV005", "resolution.fr.md"),
        ("LV006", "resolution.fr.md"),
    ]


def test_between_two_versions_the_second_is_reported_and_exit_codes(tmp_path: Path) -> None:
    paths = _write(tmp_path, {"en": EN, "fr": FR.replace("46/182", "46/128")})
    run = reslint("compare", *map(str, paths))
    assert run.code == 1 and "resolution.fr.md" in run.out and "LV004" in run.out
    run = reslint("compare", str(paths[0]), str(tmp_path / "missing.txt"))
    assert run.code == 2 and run.err.count("\n") == 2  # the file, and too few versions
    assert reslint("compare", str(paths[0]), str(paths[0])).code == 0


def test_subparagraph_labels_are_compared_by_rank() -> None:
    assert label_rank("(a)") == label_rank("a)") == label_rank("(أ)") == label_rank("(一)") == 1
    assert label_rank("(iv)") == 4 and label_rank("(ب)") == 2


def test_anchors_are_read_alike_in_every_language() -> None:
    expected = (["74/93"], [(2019, 12, 13)], ["1250000"])
    assert anchors_of("74/93 of 13 December 2019, 1,250,000 dollars", "en") == expected
    assert anchors_of("74/93 المؤرخ 13 كانون الأول/ديسمبر 2019، 1 250 000 دولار", "ar") == expected
    assert anchors_of("74/93 от 13 декабря 2019 года, 1 250 000 долл.", "ru") == expected
    assert anchors_of("2019年12月13日第74/93号决议，125万美元", "zh") == expected
    # the Arabic session of an old resolution, a Chinese article number, HIV/AIDS
    assert anchors_of("القرار 1970 (د-18)", "ar") == ([], [], ["1970"])
    assert anchors_of("《宪章》第七十三条", "zh")[2] == []  # 73: under 100, not compared
    assert anchors_of("HIV/AIDS", "en") == ([], [], [])


class SameOrganLine(ComparisonRule):
    """Every version has an organ line.

    ## Why
    A test plugin.

    ## Example
    ```versions
    --- en
    Recalling its resolution 74/93,
    ```

    ## Use instead
    ```versions
    --- en
    The General Assembly,
    ```

    ## Fix safety
    No fix.
    """

    code = "XV001"
    name = "same-organ-line"
    summary = "A version without an organ line"

    def compare(self, versions: LanguageVersions):  # type: ignore[no-untyped-def]
        for index, version in enumerate(versions.versions):
            if version.document.organ_span is None:
                yield VersionFinding(index, self.violation(version.document.nodes[0].span, "no"))


class _Plugin:
    @hookimpl
    def reslint_comparison_rules(self):  # type: ignore[no-untyped-def]
        return [SameOrganLine]


def test_a_third_party_adds_a_comparison_rule_through_the_hook() -> None:
    manager, _ = plugin_manager(load_plugins=False)
    manager.register(_Plugin(), "third-party")
    registry = build_registry(manager)
    assert registry.get("XV001") is SameOrganLine and not registry.errors
    versions = tuple(
        profile(name, parse_document(text, language))
        for name, text, language in (("a", EN, "en"), ("b", "Recalling its resolution,\n", "en"))
    )
    found, crashes = compare(versions, [SameOrganLine()])
    assert not crashes and [len(f) for f in found] == [0, 1]


_VERSIONS = re.compile(r"## (Example|Use instead)\n```versions\n(.*?)```", re.S)


def test_documentation_examples_of_comparison_rules(tmp_path: Path) -> None:
    from reslint.comparison import is_comparison

    manager, _ = plugin_manager(load_plugins=False)
    registry = build_registry(manager)
    rules = [r for r in registry.sorted() if is_comparison(r)]
    assert {r.code for r in rules} >= {f"LV00{i}" for i in range(1, 7)}
    for rule in rules:
        blocks = _VERSIONS.findall(rule.documentation())
        assert [kind for kind, _ in blocks] == ["Example", "Use instead"], rule.code
        for kind, block in blocks:
            texts = {}
            for part in re.split(r"^--- ", block, flags=re.M)[1:]:
                language, body = part.split("\n", 1)
                texts[language.strip()] = body.replace("\n", "\n\n")
            folder = tmp_path / f"{rule.code}-{kind.replace(' ', '')}"
            folder.mkdir()
            run = reslint("compare", "--select", rule.code, *map(str, _write(folder, texts)))
            assert run.code == (1 if kind == "Example" else 0), (rule.code, kind, run.out)


AKN = SHARED / "realdocs" / "akn"


@pytest.mark.skipif(not (AKN / "en" / "75_102_E.xml").is_file(), reason="needs ../shared/realdocs")
def test_a_real_six_language_set_and_a_seeded_deletion(tmp_path: Path) -> None:
    names = {"en": "E", "fr": "F", "es": "S", "ar": "A", "ru": "R", "zh": "C"}
    paths = [AKN / lang / f"75_102_{letter}.xml" for lang, letter in names.items()]
    run = reslint("compare", "--output-format", "json", *map(str, paths))
    assert run.code == 0, run.out
    russian = paths[4].read_text("utf-8")
    start = russian.index('<container name="подчеркивая"')
    end = russian.index("</container>", start) + len("</container>")
    seeded = tmp_path / "75_102_R.xml"
    seeded.write_text(russian[:start] + russian[end:], "utf-8")
    run = reslint("compare", "--output-format", "json", *map(str, [*paths[:4], seeded, paths[5]]))
    found = json.loads(run.out)
    assert [(f["code"], Path(f["filename"]).name) for f in found] == [("LV001", "75_102_R.xml")]
