"""Derive the attested opening phrases of each language from the UN's AKN4UN markup.

    python -m reslint.lexicons.derive AKN_DIR [--write] [--half all|tuning]

``AKN_DIR`` holds one folder per language (``en``, ``fr``, ``es``, ``ar``, ``ru``,
``zh``) of official AKN files.  Every ``preamble/container`` ``name`` is a
preambular opener; the emphasised first words of every numbered ``mainBody``
paragraph are an operative verb phrase.  A phrase is stored in its base form —
also/further markers, an Arabic clitic and optional vowel marks taken off — with
the number of texts it was seen in, in ``reslint/lexicons/<lang>-attested.toml``
(``--write``).  Pairs of forms that agree with feminine and masculine organs
("будучи убеждена" / "будучи убежден", "إذ تشير" / "إذ يشير") are found from the
``FRBRauthor`` of the texts they were seen in and the language's ``[agreement]``
rewrites.

The files are split in two halves by a stable hash of the resolution's name
(sha1 of the file name without its language letter, so that the language
versions of one resolution fall in the same half).  The report gives, per
language, the share of preambular openers and operative verb phrases of the
held-out half that a lexicon built from the tuning half recognises, through
the same matcher the linter uses — the figure to expect on unseen texts.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from reslint.gold import GoldDocument, read_gold
from reslint.language import LANGUAGES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

HERE = Path(__file__).parent
_LANGUAGE_LETTER = re.compile(r"[_-]?[EFSARC](?=\.xml$)")
MAX_WORDS = 6
"""Longer container names are sentences mislabelled as names, not opening phrases."""


def resolution_key(path: Path) -> str:
    """Return the file name without its language letter (``75_102_E.xml`` → ``75_102.xml``)."""
    return _LANGUAGE_LETTER.sub("", path.name)


def in_tuning_half(path: Path) -> bool:
    """Return whether the file belongs to the tuning half (even sha1 of its resolution key)."""
    digest = hashlib.sha1(resolution_key(path).encode("utf-8")).digest()
    return digest[-1] % 2 == 0


def base_config(language: str) -> dict[str, Any]:
    """Return the hand-written lexicon data of ``language``."""
    return tomllib.loads((HERE / f"{language}.toml").read_text("utf-8"))


@dataclass
class Canonicaliser:
    """Turn a phrase as marked up into its base form and its also/further degree."""

    language: str
    also: tuple[str, ...]
    further: tuple[str, ...]
    clitics: tuple[str, ...]
    followers: tuple[str, ...]
    ignorable: re.Pattern[str] | None
    spaced: bool
    subject: re.Pattern[str] | None = None
    """A sentence's subject ("We will leave no one behind", the headings of a declaration's
    commitments, emphasised like openers): a phrase opening with it is no opener."""

    @classmethod
    def for_language(cls, language: str) -> Canonicaliser:
        data = base_config(language)
        markers = data.get("markers", {})
        orthography = data.get("orthography", {})
        ignorable = orthography.get("ignorable")
        return cls(
            language,
            tuple(markers.get("also", ())),
            tuple(markers.get("further", ())),
            tuple(orthography.get("clitics", ())),
            tuple(orthography.get("followers", ())),
            re.compile(f"[{ignorable}]") if ignorable else None,
            bool(orthography.get("spaced", True)),
            re.compile(subject) if (subject := markers.get("subject")) else None,
        )

    def clean(self, phrase: str) -> str:
        phrase = " ".join(phrase.split()).strip(" ,،，:;؛；.")
        if self.ignorable is not None:
            phrase = self.ignorable.sub("", phrase)
        return phrase

    def split(self, phrase: str) -> tuple[str, str]:
        """Return (base phrase, degree) of a cleaned phrase."""
        if not self.spaced:
            for degree, markers in (("further", self.further), ("also", self.also)):
                for marker in markers:
                    if phrase.startswith(marker) and len(phrase) > len(marker):
                        return phrase[len(marker) :], degree
            return phrase, ""
        words = phrase.split()
        folded = [w.casefold() for w in words]
        for degree, markers in (("further", self.further), ("also", self.also)):
            for marker in markers:
                size = len(marker.split())
                target = marker.casefold().split()
                for i in range(1, len(words) - size + 1):
                    if folded[i : i + size] == target:
                        return " ".join(words[:i] + words[i + size :]), degree
                if len(words) > size and folded[:size] == target:
                    rest = " ".join(words[size:])
                    if phrase[:1].isupper():  # "Also requests" → "Requests"
                        rest = rest[:1].upper() + rest[1:]
                    return rest, degree
        return phrase, ""

    def without_clitic(self, phrase: str, known: set[str]) -> str:
        """Take a leading clitic or a trailing follower off when the rest is attested too
        ("وإذ تشير" → "إذ تشير")."""
        for clitic in self.clitics:
            rest = phrase[len(clitic) :]
            if phrase.startswith(clitic) and rest[:1].isalpha() and rest in known:
                return rest
        for follower in self.followers:
            rest = phrase[: -len(follower)]
            if phrase.endswith(follower) and rest in known:
                return rest  # "回顾其" → "回顾"
        return phrase


@dataclass
class Attested:
    """Phrases of one language and kind: texts seen in, and by the organ's gender."""

    texts: Counter[str] = field(default_factory=Counter)
    by_gender: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


def organ_genders(language: str) -> dict[str, str]:
    """Return the grammatical gender of each organ key in ``language``."""
    return {k: str(v.get("gender", "")) for k, v in base_config(language).get("organs", {}).items()}


def collect(documents: Iterable[GoldDocument], language: str) -> tuple[dict[str, Attested], int]:
    """Count the base opening phrases of ``documents`` per kind; return them and the text count."""
    canon = Canonicaliser.for_language(language)
    genders = organ_genders(language)
    raw: list[tuple[str, dict[str, set[str]]]] = []
    texts = 0
    for document in documents:
        texts += 1
        phrases: dict[str, set[str]] = {"preambular": set(), "operative": set()}
        for kind, paragraphs in (
            ("preambular", document.preambular),
            ("operative", document.operative),
        ):
            for paragraph in paragraphs:
                cleaned = canon.clean(paragraph.phrase)
                if not cleaned or len(cleaned.split()) > MAX_WORDS:
                    continue
                if not canon.spaced and len(cleaned) > 12:
                    continue
                if canon.subject is not None and canon.subject.match(cleaned):
                    continue
                phrases[kind].add(canon.split(cleaned)[0])
        raw.append((genders.get(document.organ, ""), phrases))
    known = {p for _, phrases in raw for kind in phrases.values() for p in kind}
    result = {"preambular": Attested(), "operative": Attested()}
    for gender, phrases in raw:
        for kind, found in phrases.items():
            bases = {canon.without_clitic(p, known) for p in found}
            result[kind].texts.update(bases)
            result[kind].by_gender[gender].update(bases)
    for attested in result.values():
        attested.texts = drop_truncated(attested.texts)
    return result, texts


TRUNCATED_RATIO = 5
"""A phrase seen in one text whose words begin a phrase seen in this many more is a truncated
emphasis ("Calls" once, "Calls upon" in 91 texts), not an opener of its own."""


def drop_truncated(counts: Counter[str]) -> Counter[str]:
    """Return ``counts`` without the single sightings that cut a frequent phrase short."""
    kept = Counter(counts)
    for phrase, count in counts.items():
        if count > 1:
            continue
        if any(
            other.startswith(phrase + " ") and other_count >= TRUNCATED_RATIO * count
            for other, other_count in counts.items()
        ):
            del kept[phrase]
    return kept


def _rewrites(word: str, prefixes: list[list[str]], suffixes: list[list[str]]) -> set[str]:
    forms = {word}
    for fem, masc in prefixes:
        if word.startswith(fem) and len(word) > len(fem) + 1:
            forms.add(masc + word[len(fem) :])
    for fem, masc in suffixes:
        for form in list(forms):
            if form.endswith(fem) and len(form) > len(fem) + 1:
                forms.add(form[: len(form) - len(fem)] + masc)
    return forms


DOMINANCE = 5
"""A phrase is of one gender when seen at least this many times more often with organs of that
gender: masculine councils quote feminine texts (an ECOSOC resolution recommending a draft
to the General Assembly), so a form is rarely seen with one gender alone."""


def gendered_pairs(attested: Attested, language: str) -> dict[str, str]:
    """Return masculine → feminine pairs of phrases each attested (mostly) with one gender."""
    agreement = base_config(language).get("agreement", {})
    prefixes = agreement.get("prefixes", [])
    suffixes = agreement.get("suffixes", [])
    if not prefixes and not suffixes:
        return {}
    feminine = attested.by_gender.get("f", Counter())
    masculine = attested.by_gender.get("m", Counter())
    pairs: dict[str, str] = {}
    for phrase in sorted(feminine):
        if feminine[phrase] < DOMINANCE * masculine[phrase]:
            continue
        words = [_rewrites(w, prefixes, suffixes) for w in phrase.split()]
        for candidate in itertools.product(*words):
            form = " ".join(candidate)
            if form != phrase and masculine[form] >= max(1, DOMINANCE * feminine[form]):
                pairs.setdefault(form, phrase)
                break
    return pairs


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(language: str, found: dict[str, Attested], texts: int, source: str) -> str:
    """Return the ``<lang>-attested.toml`` text."""
    lines = [
        f"# Opening phrases of {language!r} resolutions as the UN marked them up (AKN4UN):",
        "# preamble/container names and the emphasised first words of numbered mainBody",
        "# paragraphs, in base form, with the number of texts each was seen in.",
        f"# Written by `python -m reslint.lexicons.derive {source} --write`; do not edit.",
        f'language = "{language}"',
        f"texts = {texts}",
    ]
    for kind in ("preambular", "operative"):
        attested = found[kind]
        lines += ["", f"[{kind}.attested]"]
        for phrase, count in sorted(attested.texts.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"{_toml_string(phrase)} = {count}")
        pairs = gendered_pairs(attested, language)
        if pairs:
            lines += ["", f"[{kind}.gendered]"]
            lines += [f"{_toml_string(m)} = {_toml_string(f)}" for m, f in sorted(pairs.items())]
    return "\n".join(lines) + "\n"


def documents_of(folder: Path, half: str = "all") -> tuple[list[GoldDocument], list[str]]:
    """Read the AKN files of one folder (``half``: all, tuning or held-out)."""
    documents, errors = [], []
    for path in sorted(folder.glob("*.xml")):
        if half != "all" and in_tuning_half(path) != (half == "tuning"):
            continue
        try:
            documents.append(read_gold(path))
        except ValueError as error:
            errors.append(str(error))
    return documents, errors


def recognition(language: str, tuning: dict[str, Attested], held_out: list[GoldDocument]) -> str:
    """Return the share of held-out openers a lexicon of the tuning half recognises."""
    from reslint.lexicon import lexicon_with_attested, load_base_lexicon_data

    data = load_base_lexicon_data(language)
    attested_data = {
        kind: {"attested": dict(found.texts), "gendered": gendered_pairs(found, language)}
        for kind, found in tuning.items()
    }
    lexicon = lexicon_with_attested(data, attested_data)
    parts = []
    for kind, match in (
        ("preambular", lexicon.match_preambular),
        ("operative", lexicon.match_operative),
    ):
        total = hits = 0
        for document in held_out:
            paragraphs = document.preambular if kind == "preambular" else document.operative
            for paragraph in paragraphs:
                if not paragraph.phrase:
                    continue
                total += 1
                text = _TEXT_START.sub("", paragraph.text, count=1)
                hits += match(text) is not None
        share = 100.0 * hits / total if total else 100.0
        parts.append(f"{kind} {hits}/{total} ({share:.1f} %)")
    return ", ".join(parts)


_TEXT_START = re.compile(r"^\s*[0-9\u0660-\u0669]{1,3}\s*[-.\u2013\u2014]?\s+")


def main(argv: list[str] | None = None) -> int:
    """Run the derivation."""
    parser = argparse.ArgumentParser(prog="python -m reslint.lexicons.derive")
    parser.add_argument("akn", type=Path, help="folder with en/ fr/ es/ ar/ ru/ zh/ of AKN files")
    parser.add_argument("--write", action="store_true", help="write <lang>-attested.toml")
    parser.add_argument(
        "--half", choices=("all", "tuning"), default="all", help="derive from these files"
    )
    parser.add_argument("--languages", nargs="*", default=list(LANGUAGES))
    args = parser.parse_args(argv)
    if not args.akn.is_dir():
        print(f"reslint: error: {args.akn}: not a folder", file=sys.stderr)
        return 2
    for language in args.languages:
        folder = args.akn / language
        if not folder.is_dir():
            print(f"{language}: no folder {folder}", file=sys.stderr)
            continue
        documents, errors = documents_of(folder, args.half)
        found, texts = collect(documents, language)
        tuning, _ = collect(documents_of(folder, "tuning")[0], language)
        held_out = documents_of(folder, "held-out")[0]
        print(
            f"{language}: {texts} texts ({len(errors)} unreadable), "
            f"{len(found['preambular'].texts)} preambular and "
            f"{len(found['operative'].texts)} operative phrases; "
            f"held-out half recognised: {recognition(language, tuning, held_out)}"
        )
        if args.write:
            out = HERE / f"{language}-attested.toml"
            out.write_text(render(language, found, texts, "AKN_DIR"), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
