"""reslint compare: language versions of one resolution checked against each other."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from reslint.comparison import ComparisonRule, LanguageVersions, VersionFinding, compare
from reslint.hookspecs import hookimpl
from reslint.parser import parse_document
from reslint.plugins import plugin_manager
from reslint.registry import build_registry
from reslint.version_anchors import anchors_of, readings_of
from reslint.versions import _label_ranks, label_rank, profile
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

AR = """إن الجمعية العامة،

إذ تشير إلى قرارها 46/182 المؤرخ 19 كانون الأول/ديسمبر 1991،

وإذ تشير أيضا إلى قرارها 74/93 المؤرخ 13 كانون الأول/ديسمبر 2019،

وقد نظرت في تقرير الأمين العام[^1]،

1 - ترحب بتقرير الأمين العام؛

2 - تقرر أن تعتمد مبلغ 1 250 000 دولار لعام 2021؛

3 - تطلب إلى الأمين العام أن يقدم إليها تقريرا في دورتها السادسة والسبعين؛

4 - تقرر أن تبقي المسألة قيد نظرها.

[^1]: A/75/64.
"""

RU = """Генеральная Ассамблея,

ссылаясь на свою резолюцию 46/182 от 19 декабря 1991 года,

ссылаясь также на свою резолюцию 74/93 от 13 декабря 2019 года,

рассмотрев доклад Генерального секретаря[^1],

1. приветствует доклад Генерального секретаря;

2. постановляет ассигновать 1 250 000 долл. США на 2021 год;

3. просит Генерального секретаря представить ей доклад на ее семьдесят шестой сессии;

4. постановляет продолжать заниматься этим вопросом.

[^1]: A/75/64.
"""

ZH = """大会，

回顾其1991年12月19日第46/182号决议，

又回顾其2019年12月13日第74/93号决议，

审议了秘书长的报告，[^1]

1. 欢迎秘书长的报告；

2. 决定为2021年批款1 250 000美元；

3. 请秘书长向大会第七十六届会议提出报告；

4. 决定继续处理此案。

[^1]: A/75/64.
"""

SIX = {
    "en": EN.replace(
        "Requests the Secretary-General:\n\n(a) To report to it at its seventy-sixth session;"
        "\n\n(b) To consult Member States;",
        "Requests the Secretary-General to report to it at its seventy-sixth session;",
    ),
    "fr": FR.replace(
        "Prie le Secrétaire général :\n\na) De lui faire rapport à sa soixante-seizième "
        "session ;\n\nb) De consulter les États Membres ;",
        "Prie le Secrétaire général de lui faire rapport à sa soixante-seizième session ;",
    ),
    "es": ES.replace(
        "Solicita al Secretario General:\n\na) Que la informe en su septuagésimo sexto "
        "período de sesiones;\n\nb) Que consulte a los Estados Miembros;",
        "Solicita al Secretario General que la informe en su septuagésimo sexto período de "
        "sesiones;",
    ),
    "ar": AR,
    "ru": RU,
    "zh": ZH,
}
"""One resolution in the six languages (without subparagraphs, which plain Arabic text
does not yet give)."""


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


def test_a_note_on_one_versions_issue_is_not_a_dropped_footnote(tmp_path: Path) -> None:
    # "* Nouveau tirage …": a note on the French issue of the document, not on its text
    fr = FR.replace("\n\n[^1]:", "\n\n* Nouveau tirage pour raisons techniques.\n\n[^1]:")
    assert any(n.text.startswith("* ") for n in parse_document(fr, "fr").footnotes)
    assert _compare(tmp_path, {"en": EN, "fr": fr, "es": ES}) == []


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
    # a stretched or presentation-form letter, the 27th Arabic label, numerals of a second level
    assert label_rank("(هـ)") == label_rank("(ﻫ)") == label_rank("(e)") == 5
    assert label_rank("أ أ") == label_rank("(aa)") == 27
    assert label_rank("(i)", nested=True) == label_rank("’1‘") == label_rank("㈠") == 1
    assert label_rank("(x)", nested=True) == label_rank("’10‘") == label_rank("㈩") == 10


def test_roman_labels_under_letters_are_read_as_numerals_from_their_sequence() -> None:
    def ranks(*labels: str) -> tuple[int, ...]:
        document = parse_document("The General Assembly,\n\n1. Decides:\n", "en")
        nodes = [replace(document.nodes[-1], number=label) for label in labels]
        return _label_ranks(nodes)

    assert ranks("a", "i", "ii", "v", "x", "b", "c") == (1, 1, 2, 5, 10, 2, 3)
    assert ranks("g", "h", "i", "j") == (7, 8, 9, 10)
    assert ranks("a", "㈠", "㈡", "b") == ranks("أ", "’1‘", "’2‘", "ب") == (1, 1, 2, 2)


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


def test_six_versions_that_agree_give_no_finding(tmp_path: Path) -> None:
    assert all(text.count("\n\n") == SIX["en"].count("\n\n") for text in SIX.values())
    assert _compare(tmp_path, SIX) == []


_AMOUNT = {"en": "1,250,000", "fr": "1 250 000", "es": "1.250.000"}
_DATE = {
    "en": ("13 December 2019", "31 December 2019"),
    "fr": ("13 décembre 2019", "31 décembre 2019"),
    "es": ("13 de diciembre de 2019", "31 de diciembre de 2019"),
    "ar": ("13 كانون الأول/ديسمبر 2019", "31 كانون الأول/ديسمبر 2019"),
    "ru": ("13 декабря 2019", "31 декабря 2019"),
    "zh": ("2019年12月13日", "2019年12月31日"),
}


def _seeded(language: str, kind: str) -> str:
    """Return one version of SIX with one difference seeded into it."""
    text = SIX[language]
    paragraphs = text.split("\n\n")
    if kind == "deleted paragraph":
        return "\n\n".join(paragraphs[:2] + paragraphs[3:])
    if kind == "changed symbol":
        return text.replace("46/182", "46/128")
    if kind == "dropped footnote":
        return text.replace("[^1]", "", 1).replace("[^1]: A/75/64.\n", "")
    if kind == "changed amount":
        amount = _AMOUNT.get(language, "1 250 000")
        return text.replace(amount, amount.replace("250", "520"))
    old, new = _DATE[language]
    return text.replace(old, new)


_SEEDS = {  # the rule that catches each difference, and the line it points at
    "deleted paragraph": ("LV001", 5),
    "changed symbol": ("LV004", 3),
    "dropped footnote": ("LV003", 7),
    "changed amount": ("LV005", 11),
    "changed date": ("LV006", 5),
}


@pytest.mark.parametrize("kind", sorted(_SEEDS))
@pytest.mark.parametrize("language", sorted(SIX))
def test_a_difference_seeded_in_one_of_six_versions_is_one_finding_there(
    tmp_path: Path, language: str, kind: str
) -> None:
    found = _compare(tmp_path, {**SIX, language: _seeded(language, kind)})
    code, row = _SEEDS[kind]
    assert [(f["code"], Path(f["filename"]).name) for f in found] == [
        (code, f"resolution.{language}.md")
    ], found
    assert found[0]["location"]["row"] == row


def test_habits_of_translation_are_not_findings(tmp_path: Path) -> None:
    texts = {
        # a year named in one version only, a date whose year is given once for two days
        "en": EN.replace("for 2021", "for the year 2021").replace(
            "Recalling also its resolution 74/93 of 13 December 2019,",
            "Recalling also its resolutions 74/93 and 74/94 of 13 and 14 December 2019,",
        ),
        "fr": FR.replace(" pour 2021", "").replace(
            "Rappelant également sa résolution 74/93 du 13 décembre 2019,",
            "Rappelant également ses résolutions 74/93 du 13 décembre 2019 et 74/94 du "
            "14 décembre 2019,",
        ),
        "es": ES.replace(
            "Recordando también su resolución 74/93, de 13 de diciembre de 2019,",
            "Recordando también sus resoluciones 74/93 y 74/94, de 13 y 14 de diciembre "
            "de 2019, respectivamente,",
        ),
    }
    assert _compare(tmp_path, texts) == []


def test_dates_are_read_alike_however_each_language_groups_them() -> None:
    def dates(text: str, language: str) -> list[tuple[int, int, int]]:
        return sorted(anchors_of(text, language)[1])

    two = [(1967, 7, 4), (1967, 12, 19)]
    assert dates("of 4 July and 19 December 1967", "en") == two
    assert dates("en date du 4 juillet et du 19 décembre 1967", "fr") == two
    assert dates("de 4 de julio y 19 de diciembre de 1967", "es") == two
    assert dates("1967年7月4日和12月19日", "zh") == two
    week = [(2021, 4, 12), (2021, 4, 15)]
    assert dates("from Monday, 12 April, to Thursday, 15 April 2021", "en") == week
    assert dates("du lundi 12 au jeudi 15 avril 2021", "fr") == week
    assert dates("с понедельника, 12 апреля, по четверг, 15 апреля 2021 года", "ru") == week
    assert (
        dates("من يوم الاثنين، 12 نيسان/أبريل، إلى يوم الخميس، 15 نيسان/أبريل 2021", "ar") == week
    )
    assert dates("2021年4月12日星期一至4月15日星期四", "zh") == week
    # a place between the dates and the year they share; "the same year" in Chinese
    assert dates("в Киншасе 27–31 мая и Луанде 25–29 ноября 2019 года", "ru") == [
        (2019, 5, 27),
        (2019, 5, 31),
        (2019, 11, 25),
        (2019, 11, 29),
    ]
    assert dates("2011年2月访问后，向同年9月12至30日举行的", "zh") == [
        (2011, 2, 0),
        (2011, 9, 12),
        (2011, 9, 30),
    ]
    # the year before the dates it gives, in the same clause
    held = [(2015, 4, 27), (2015, 5, 22)]
    assert dates("held from 27 April to 22 May 2015", "en") == held
    assert dates("en 2015, qui s’est tenue du 27 avril au 22 mai, n’est pas", "fr") == held
    assert dates("en 2015. Le 27 avril et le 22 mai", "fr") == []
    # the year of a full date is that date's: a day without a year is a day of every year
    proclaimed = "du 25 juillet 2019, dans laquelle elle a proclamé le 5 avril"
    assert dates(proclaimed, "fr") == [(2019, 7, 25)]
    # a figure after a date, COVID-19's number, "may" the verb, a stretched Arabic month
    assert anchors_of("13 декабря 2019 года, 1 250 000 долл.", "ru")[2] == ["1250000"]
    assert dates("(COVID-19), 74/274 of 20 April 2020", "en") == [(2020, 4, 20)]
    assert dates("States may 2 … in May 2019", "en") == [(2019, 5, 0)]
    assert dates("1 تمــــوز/يوليــــه 2021", "ar") == [(2021, 7, 1)]


def test_figures_are_read_alike_however_each_language_writes_them() -> None:
    def figures(text: str, language: str) -> list[str]:
        return anchors_of(text, language)[2]

    # a billion in words, a range sharing its scale, an ordinal, COVID-19's year
    assert figures("below 1 billion", "en") == figures("sous la barre du milliard", "fr")
    assert figures("ما دون البليون نسمة", "ar") == ["1000000000"]
    assert figures("half a billion", "en") == figures("d’un demi-milliard", "fr") == ["500000000"]
    assert figures("почти полмиллиарда", "ru") == figures("5亿", "zh") == ["500000000"]
    assert figures("أكثر من بليونين", "ar") == figures("2 billion", "en") == ["2000000000"]
    assert figures("1,7 mil millones", "es") == figures("1.7 billion", "en") == ["1700000000"]
    assert figures("entre 720 y 811 millones", "es") == ["720000000", "811000000"]
    assert figures("from 563.7 million in 2012", "en") == ["563700000", "2012"]
    assert figures("its 144th session", "en") == figures("a sa 144e session", "fr") == []
    assert figures("137‑й Ассамблеей", "ru") == figures("第144届会议", "zh") == []
    assert figures("coronavirus disease 2019 (COVID-19)", "en") == []
    assert figures("enfermedad por coronavirus de 2019", "es") == []
    assert figures("the “Space2030” Agenda", "en") == figures("Espace 2030", "fr") == ["2030"]
    assert figures("第一百、一百零四和一百零五条", "zh") == ["100", "104", "105"]
    # symbols: a part letter written against the number, year spans, a national law
    assert anchors_of("45/55B", "ru")[0] == ["45/55"]
    assert anchors_of("2020/2021", "ar")[0] == anchors_of("2020/21", "en")[0] == ["2020/21"]
    assert anchors_of("VII/11", "en")[0] == anchors_of("7/11", "ar")[0] == ["7/11"]
    assert anchors_of("Law No. 10/2018", "en") == ([], [], [])


def test_arabic_figures_and_symbols_in_visual_order_are_read_as_the_others_read_them(
    tmp_path: Path,
) -> None:
    assert readings_of("مبلغ 500 251 510 دولار والقرار 157/75") == (
        ("500251510", "510251500"),
        ("157/75", "75/157"),
    )
    en = SIX["en"].replace("1,250,000 dollars", "510,251,500 dollars (resolution 75/157)")
    ar = SIX["ar"].replace("1 250 000 دولار", "500 251 510 دولار (القرار 157/75)")
    fr = SIX["fr"].replace("1 250 000 dollars", "510 251 500 dollars (résolution 75/157)")
    assert _compare(tmp_path, {"en": en, "ar": ar, "fr": fr}) == []
    changed = ar.replace("500 251 510", "500 251 511")
    found = _compare(tmp_path, {"en": en, "ar": changed, "fr": fr})
    assert [(f["code"], f["location"]["row"]) for f in found] == [("LV005", 11)]


def test_a_paragraph_read_as_the_other_kind_is_one_finding_where_it_stands() -> None:
    from reslint.model import NodeKind

    documents = {lang: parse_document(SIX[lang], lang) for lang in ("en", "fr", "es")}
    french = documents["fr"]
    moved = next(n for n in french.nodes if n.text.startswith("Ayant examiné"))
    nodes = [replace(n, kind=NodeKind.OPERATIVE) if n is moved else n for n in french.nodes]
    documents["fr"] = replace(french, nodes=nodes)
    versions = tuple(profile(lang, document) for lang, document in documents.items())
    registry = build_registry(plugin_manager(load_plugins=False)[0])
    rules = [registry.get(f"LV00{i}")() for i in range(1, 7)]  # type: ignore[misc]
    found, crashes = compare(versions, rules)
    assert not crashes and [len(f) for f in found] == [0, 1, 0]
    assert found[1][0].code == "LV001" and "read as operative here" in found[1][0].message
    assert found[1][0].span.start >= moved.span.start
