"""Opening phrases derived from AKN markup: base forms, counts, gender pairs, halves."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from reslint.gold import read_gold
from reslint.lexicon import load_lexicon
from reslint.lexicons.derive import (
    collect,
    drop_truncated,
    gendered_pairs,
    in_tuning_half,
    main,
    render,
)
from tests.akn_samples import Sample, akn


def _write(folder: Path, name: str, sample: Sample) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(akn(sample), "utf-8")
    return path


def test_markers_and_clitics_are_taken_off_and_texts_counted(tmp_path: Path) -> None:
    ga = Sample(
        "ar",
        "إن الجمعية العامة",
        [("إذ تشير", "إلى قرارها 74/93،"), ("وإذ تشير أيضاً", "إلى قرارها 74/94،")],
        [("تطلب", "إلى الأمين العام تقديم تقرير؛", []), ("تطلب أيضا", "إلى اللجنة.", [])],
        dash_numbers=True,
    )
    ecosoc = Sample(
        "ar",
        "إن المجلس الاقتصادي والاجتماعي",
        [("إذ يشير", "إلى قراره 2020/1،")],
        [("يطلب", "إلى الأمين العام.", [])],
        author="ecosoc",
        dash_numbers=True,
    )
    documents = [
        read_gold(_write(tmp_path, "75_1_A.xml", ga)),
        read_gold(_write(tmp_path, "E_1_A.xml", ecosoc)),
    ]
    found, texts = collect(documents, "ar")
    assert texts == 2
    assert found["preambular"].texts == Counter({"إذ تشير": 1, "إذ يشير": 1})
    assert found["operative"].texts == Counter({"تطلب": 1, "يطلب": 1})
    # seen only with the feminine Assembly and only with the masculine Council: a pair
    assert gendered_pairs(found["preambular"], "ar") == {"إذ يشير": "إذ تشير"}
    assert gendered_pairs(found["operative"], "ar") == {"يطلب": "تطلب"}
    assert '"إذ تشير" = 1' in render("ar", found, texts, "AKN_DIR")


def test_a_leading_marker_is_taken_off_and_the_capital_kept(tmp_path: Path) -> None:
    sample = Sample(
        "en",
        "The General Assembly",
        [("Recalling", "its resolution 74/93,")],
        [("Requests", "the Secretary-General;", []), ("Also requests", "the Committee.", [])],
    )
    found, _ = collect([read_gold(_write(tmp_path, "75_1_E.xml", sample))], "en")
    assert found["operative"].texts == Counter({"Requests": 1})


def test_chinese_markers_are_written_on_the_verb(tmp_path: Path) -> None:
    sample = Sample(
        "zh",
        "大会",
        [("回顾", "其决议，"), ("又回顾", "其决议，"), ("还回顾", "其决议，")],
        [("请", "秘书长。", [])],
    )
    found, _ = collect([read_gold(_write(tmp_path, "75_1_C.xml", sample))], "zh")
    assert found["preambular"].texts == Counter({"回顾": 1})


def test_the_subject_of_a_declaration_sentence_is_no_opener(tmp_path: Path) -> None:
    # the emphasised headings of a declaration's commitments ("7. We will leave no one
    # behind. …", Russian "Мы никого не забудем", Arabic "لن نترك", "سنحمي") are sentences
    for language, name, organ, verb, headings in (
        ("en", "75_1_E.xml", "The General Assembly", "Decides", ["We will build trust"]),
        ("ru", "75_1_R.xml", "Генеральная Ассамблея", "постановляет", ["Мы укрепим доверие"]),
        ("ar", "75_1_A.xml", "إن الجمعية العامة", "تقرر", ["لن نترك أحدا", "سنحمي كوكبنا"]),
        ("es", "75_1_S.xml", "La Asamblea General", "Decide", ["No dejaremos a nadie atrás"]),
    ):
        sample = Sample(
            language,
            organ,
            [],
            [(verb, "…;", []), *((heading, "…;", []) for heading in headings)],
            dash_numbers=language == "ar",
        )
        found, _ = collect([read_gold(_write(tmp_path / language, name, sample))], language)
        assert found["operative"].texts == Counter({verb: 1}), language


def test_a_single_truncated_emphasis_is_not_a_phrase() -> None:
    counts = Counter({"Calls upon": 91, "Calls": 1, "Notes": 1})
    assert drop_truncated(counts) == Counter({"Calls upon": 91, "Notes": 1})


def test_the_halves_keep_the_language_versions_of_a_resolution_together() -> None:
    names = ["A_RES_76_103-2118709{}.xml", "75_102_{}.xml", "E_RES_2021_1-2010157{}.xml"]
    for name in names:
        halves = {in_tuning_half(Path(name.format(letter))) for letter in "EFSARC"}
        assert len(halves) == 1


def test_the_command_writes_nothing_without_write(tmp_path: Path, capsys) -> None:
    sample = Sample("ru", "Генеральная Ассамблея", [("ссылаясь", "на резолюцию,")], [])
    _write(tmp_path / "ru", "75_1_R.xml", sample)
    assert main([str(tmp_path), "--languages", "ru"]) == 0
    assert "ru: 1 texts" in capsys.readouterr().out


def test_shipped_lexicons_recognise_attested_openers_with_their_orthography() -> None:
    ar, ru, zh = load_lexicon("ar"), load_lexicon("ru"), load_lexicon("zh")
    found = ar.match_preambular("وإذ تشير أيضاً إلى قرارها 74/93،")
    assert found is not None and found.phrase == "إذ تشير" and found.degree == "also"
    assert found.start == 1  # the clitic و is not part of the phrase
    found = ru.match_preambular("ссылаясь далее на свою резолюцию 74/93,")
    assert found is not None and found.degree == "further"
    assert ru.gender_of("будучи убежден") == "m" and ru.gender_of("будучи убеждена") == "f"
    found = zh.match_preambular("还回顾其2019年12月13日第74/93号决议，")
    assert found is not None and found.phrase == "回顾" and found.degree == "further"
    found = zh.match_operative("又请秘书长提交报告；")
    assert found is not None and found.phrase == "请" and found.degree == "also"
    assert ar.attested["إذ تشير"] > 50
