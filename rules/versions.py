"""Language versions compared: paragraphs, numbering, footnotes, citations and dates."""

from __future__ import annotations

import re
from typing import Iterator

from reslint.comparison import ComparisonRule, LanguageVersions, Unit, VersionFinding
from reslint.versions import KINDS, ParagraphProfile


def _where(kind: str, position: int) -> str:
    return f"{kind} paragraph {position + 1}"


def _opening(paragraph: ParagraphProfile, limit: int = 40) -> str:
    text = " ".join(paragraph.node.text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _year_like(figure: str) -> bool:
    return figure.isdigit() and 1900 <= int(figure) <= 2100


def _round(figure: str) -> bool:
    """Return whether a figure is a power of ten (a hundred, a thousand, a million …)."""
    return re.fullmatch(r"10+", figure) is not None


class ParagraphWithoutCounterpart(ComparisonRule):
    """Every version has the same preambular and operative paragraphs.

    The versions are aligned by position and by what each paragraph cites
    (symbols, dates, figures, footnotes, subparagraphs), so a paragraph missing
    from one version is one finding, in that version, where the paragraph should
    stand; a paragraph that only one version has is one finding at that paragraph; a
    paragraph read as operative in one version where the others have a preambular one
    (a preamble closed one paragraph early), or the reverse, is one finding at it.

    ## Why
    The language versions of a resolution are equally authentic: a paragraph
    lost in translation or left in one version after an amendment changes what
    that version decides.

    ## Example
    ```versions
    --- en
    The General Assembly,
    Recalling its resolution 74/93,
    Noting the report of the Secretary-General,
    1. Decides to remain seized of the matter.
    --- fr
    L'Assemblée générale,
    Rappelant sa résolution 74/93,
    1. Décide de rester saisie de la question.
    ```

    ## Use instead
    ```versions
    --- en
    The General Assembly,
    Recalling its resolution 74/93,
    Noting the report of the Secretary-General,
    1. Decides to remain seized of the matter.
    --- fr
    L'Assemblée générale,
    Rappelant sa résolution 74/93,
    Prenant note du rapport du Secrétaire général,
    1. Décide de rester saisie de la question.
    ```

    ## Fix safety
    No fix: the missing text has to be translated.
    """

    code = "LV001"
    name = "paragraph-without-counterpart"
    summary = "A paragraph missing from a language version, or found only in one"

    def compare(self, versions: LanguageVersions) -> Iterator[VersionFinding]:
        reference = versions.reference
        for kind in KINDS:
            for position, unit in enumerate(versions.units[kind]):
                model = unit.members[reference]
                assert model is not None
                for index, member in enumerate(unit.members):
                    if (kind, position, index) in versions.moved and member is not None:
                        yield self.finding(
                            index,
                            member.span,
                            f"this paragraph is read as {member.kind} here; it stands where "
                            f"{_where(kind, position)} of the {versions.name(reference)} "
                            f"version ('{_opening(model)}') stands",
                        )
                    elif member is None:
                        yield self.finding(
                            index,
                            versions.missing_span(index, kind, position),
                            f"{_where(kind, position)} of the {versions.name(reference)} "
                            f"version ('{_opening(model)}') has no counterpart here",
                        )
            for index, extra in versions.extras[kind]:
                yield self.finding(
                    index,
                    extra.span,
                    f"this {kind} paragraph has no counterpart in the "
                    f"{versions.name(reference)} version",
                )


class NumberingDisagreement(ComparisonRule):
    """Operative paragraphs carry the same numbers and subparagraph labels in every version.

    Numbers are compared step by step (a version that numbers 1, 2, 4 where the
    others number 1, 2, 3 is reported once); subparagraph labels by rank, so
    ``(a)``, ``a)``, ``(أ)`` and ``(一)`` are the same label.

    ## Why
    Paragraphs are cited by number ("paragraph 5 of resolution 75/1"): a number
    that differs between versions makes the citation point at different text.

    ## Example
    ```versions
    --- en
    The General Assembly,
    1. Decides to convene a meeting;
    2. Requests a report;
    3. Decides to remain seized of the matter.
    --- fr
    L'Assemblée générale,
    1. Décide de convoquer une réunion;
    2. Demande un rapport;
    4. Décide de rester saisie de la question.
    ```

    ## Use instead
    ```versions
    --- en
    The General Assembly,
    1. Decides to convene a meeting;
    2. Requests a report;
    3. Decides to remain seized of the matter.
    --- fr
    L'Assemblée générale,
    1. Décide de convoquer une réunion;
    2. Demande un rapport;
    3. Décide de rester saisie de la question.
    ```

    ## Fix safety
    No fix: which version is right is the editors' decision.
    """

    code = "LV002"
    name = "numbering-disagreement"
    summary = "Paragraph numbers or subparagraph labels differ between language versions"

    def compare(self, versions: LanguageVersions) -> Iterator[VersionFinding]:
        units = versions.units["operative"]
        for position, unit in enumerate(units):
            previous = units[position - 1] if position else None

            def step(member: ParagraphProfile, index: int, previous=previous) -> object:
                before = previous.members[index] if previous is not None else None
                if member.number is None:
                    return None
                if previous is None:
                    return member.number
                if before is None or before.number is None:
                    return "gap"  # next to a missing paragraph: reported by LV001
                return member.number - before.number

            # a paragraph read without a number is NU001's business in its own version
            numbered = Unit(
                unit.kind,
                tuple(m if m is not None and m.number is not None else None for m in unit.members),
            )
            steps = {i: step(m, i) for i, m in enumerate(numbered.members) if m is not None}
            by_member = {id(m): steps[i] for i, m in enumerate(numbered.members) if m is not None}
            if "gap" not in steps.values():
                winner, odd = versions.dissenters(numbered, lambda m, table=by_member: table[id(m)])
                for index in odd:
                    member = unit.members[index]
                    assert member is not None
                    yield self.finding(
                        index,
                        member.span,
                        f"operative paragraph numbered {member.number}: the other versions "
                        f"number it {_expected(versions, unit, winner, steps)}",
                    )
            winner, odd = versions.dissenters(unit, lambda m: m.labels)
            for index in odd:
                member = unit.members[index]
                assert member is not None
                yield self.finding(
                    index,
                    member.span,
                    f"{len(member.labels)} subparagraphs here, {len(winner)} in the other versions"
                    if len(member.labels) != len(winner)
                    else "subparagraph labels differ from the other versions",
                )


def _expected(versions: LanguageVersions, unit, winner: object, steps: dict) -> str:  # type: ignore[no-untyped-def,type-arg]
    for index, member in enumerate(unit.members):
        if member is not None and steps.get(index) == winner and member.number is not None:
            return str(member.number)
    return str(winner)


class FootnoteDisagreement(ComparisonRule):
    """Each paragraph calls as many footnotes in every version, and the versions have as
    many footnotes.

    ## Why
    Footnotes give the sources a paragraph relies on (a report, a convention): a
    footnote dropped in one version leaves its readers without the reference.

    ## Example
    ```versions
    --- en
    The General Assembly,
    Having considered the report of the Secretary-General,[^1]
    1. Decides to remain seized of the matter.
    [^1]: A/75/64.
    --- fr
    L'Assemblée générale,
    Ayant examiné le rapport du Secrétaire général,
    1. Décide de rester saisie de la question.
    ```

    ## Use instead
    ```versions
    --- en
    The General Assembly,
    Having considered the report of the Secretary-General,[^1]
    1. Decides to remain seized of the matter.
    [^1]: A/75/64.
    --- fr
    L'Assemblée générale,
    Ayant examiné le rapport du Secrétaire général,[^1]
    1. Décide de rester saisie de la question.
    [^1]: A/75/64.
    ```

    ## Fix safety
    No fix: the footnote has to be restored in its place.
    """

    code = "LV003"
    name = "footnote-disagreement"
    summary = "Footnotes differ between language versions"

    def compare(self, versions: LanguageVersions) -> Iterator[VersionFinding]:
        reported: set[int] = set()
        for kind in KINDS:
            for unit in versions.units[kind]:
                winner, odd = versions.dissenters(unit, lambda m: m.calls)
                for index in odd:
                    member = unit.members[index]
                    assert member is not None
                    reported.add(index)
                    yield self.finding(
                        index,
                        member.span,
                        f"this paragraph calls {member.calls} footnote(s), the other "
                        f"versions {winner}",
                    )
        counts = [v.footnotes for v in versions.versions]
        usual = max(set(counts), key=lambda c: (counts.count(c), c == counts[versions.reference]))
        for index, count in enumerate(counts):
            if count != usual and index not in reported:
                document = versions.versions[index].document
                span = document.footnotes[0].span if document.footnotes else document.organ_span
                yield self.finding(
                    index,
                    span or versions.missing_span(index, "preambular", -1),
                    f"{count} footnotes here, {usual} in the other versions",
                )


class _AnchorRule(ComparisonRule):
    """Shared check of one kind of anchor (not a rule itself)."""

    abstract = True
    what = ""

    @staticmethod
    def anchor(member: ParagraphProfile) -> tuple:  # type: ignore[type-arg]
        raise NotImplementedError

    def compare(self, versions: LanguageVersions) -> Iterator[VersionFinding]:
        for kind in KINDS:
            for unit in versions.units[kind]:
                winner, odd = versions.dissenters(unit, self.anchor)
                for index in odd:
                    member = unit.members[index]
                    assert member is not None
                    here = self.anchor(member)
                    missing = [a for a in winner if a not in here]
                    added = [a for a in here if a not in winner]
                    if not self.counts(missing, added):
                        continue
                    parts = []
                    if missing:
                        parts.append("lacks " + ", ".join(self.show(a) for a in missing))
                    if added:
                        parts.append("has " + ", ".join(self.show(a) for a in added))
                    detail = " and ".join(parts) or "cites them in another number"
                    yield self.finding(
                        index,
                        member.span,
                        f"this paragraph {detail}: {self.what} differ from the other versions",
                    )

    @staticmethod
    def show(anchor: object) -> str:
        return str(anchor)

    @staticmethod
    def counts(missing: list, added: list) -> bool:  # type: ignore[type-arg]
        """Return whether a paragraph that lacks ``missing`` and has ``added`` is reported."""
        return bool(missing or added)


class CitationDisagreement(_AnchorRule):
    """A paragraph cites the same resolutions and documents in every version.

    Symbols are compared as written (``46/182``, ``A/77/1``, ``E/2021/L.1``), with
    Cyrillic letters that look like Latin ones read as Latin.

    ## Why
    A symbol mistyped in one version (``46/128`` for ``46/182``) sends its
    readers to another resolution.

    ## Example
    ```versions
    --- en
    The General Assembly,
    Recalling its resolution 46/182,
    1. Decides to remain seized of the matter.
    --- fr
    L'Assemblée générale,
    Rappelant sa résolution 46/128,
    1. Décide de rester saisie de la question.
    ```

    ## Use instead
    ```versions
    --- en
    The General Assembly,
    Recalling its resolution 46/182,
    1. Decides to remain seized of the matter.
    --- fr
    L'Assemblée générale,
    Rappelant sa résolution 46/182,
    1. Décide de rester saisie de la question.
    ```

    ## Fix safety
    No fix: which symbol is right has to be checked.
    """

    code = "LV004"
    name = "citation-disagreement"
    summary = "Resolutions or documents cited differ between language versions"
    what = "the symbols cited"

    @staticmethod
    def anchor(member: ParagraphProfile) -> tuple:  # type: ignore[type-arg]
        return member.symbols


class FigureDisagreement(_AnchorRule):
    """A paragraph gives the same figures in every version: years, amounts, counts.

    Figures are compared after dates and symbols are set aside, by value: thousands
    separators (``1,000``, ``1 000``), decimal commas, scales (``856.4 million``,
    ``8.564亿``, ``entre 720 y 811 millones``), round numbers in words (``un milliard``,
    ``البليون``) and Arabic figures stored in visual order (``500 251 510`` for
    510 251 500) are read alike.  Ordinals (``144th``, ``144e``, ``第144届``) and the year in
    COVID-19's name are left out.  A figure in place of another is reported, and so is
    an amount or count the other versions give and this one lacks; a year or a round
    number one version leaves out, or a figure only one version gives, is a habit of
    translation and is not.

    ## Why
    An amount or a year that differs between versions changes what is decided.

    ## Example
    ```versions
    --- en
    The General Assembly,
    1. Decides to appropriate 1,250,000 dollars for 2021.
    --- fr
    L'Assemblée générale,
    1. Décide d'ouvrir un crédit de 1 520 000 dollars pour 2021.
    ```

    ## Use instead
    ```versions
    --- en
    The General Assembly,
    1. Decides to appropriate 1,250,000 dollars for 2021.
    --- fr
    L'Assemblée générale,
    1. Décide d'ouvrir un crédit de 1 250 000 dollars pour 2021.
    ```

    ## Fix safety
    No fix: which figure is right has to be checked.
    """

    code = "LV005"
    name = "figure-disagreement"
    summary = "Years, amounts or other figures differ between language versions"
    what = "the figures"

    @staticmethod
    def anchor(member: ParagraphProfile) -> tuple:  # type: ignore[type-arg]
        return member.figures

    @staticmethod
    def counts(missing: list, added: list) -> bool:  # type: ignore[type-arg]
        """A figure changed, or an amount or count missing; not a year or a round number
        missing, nor a figure only this version gives.

        A version names a year another leaves implicit ("in 2019" against "this year",
        "the 2030 Agenda" against "the Agenda") and spells out round numbers ("a billion",
        "une centaine"); one spells out an ordinal another writes in figures ("144th",
        "الرابعة والأربعين بعد المائة"): those are habits of translation.  A figure in place
        of another is a discrepancy, and so is an amount the others give and this version
        lacks."""
        if missing and added:
            return True
        return any(not _year_like(figure) and not _round(figure) for figure in missing)


class DateDisagreement(_AnchorRule):
    """A paragraph gives the same dates in every version.

    Dates are read with each language's month names (``10 December 2020``,
    ``10 décembre 2020``, ``10 de diciembre de 2020``, ``10 декабря 2020 года``,
    ``10 كانون الأول/ديسمبر 2020``, ``2020年12月10日``), from runs of days, months and
    years, so that every day of "des 14 et 15 décembre 1960", "from Monday, 12 April, to
    Thursday, 15 April 2021" or "2019年5月27日至31日和11月25日至29日" is a date with its
    month and year.  A date in place of another is reported, and so is a full date the
    other versions give and this one lacks; a month named in one version only ("in May
    2019" against "in 2019"), or a date only one version gives, is not.

    ## Why
    Resolutions are identified by their date as much as by their number; a date
    that differs between versions points at another decision.

    ## Example
    ```versions
    --- en
    The General Assembly,
    Recalling its resolution 74/93 of 13 December 2019,
    1. Decides to remain seized of the matter.
    --- es
    La Asamblea General,
    Recordando su resolución 74/93, de 31 de diciembre de 2019,
    1. Decide seguir ocupándose de la cuestión.
    ```

    ## Use instead
    ```versions
    --- en
    The General Assembly,
    Recalling its resolution 74/93 of 13 December 2019,
    1. Decides to remain seized of the matter.
    --- es
    La Asamblea General,
    Recordando su resolución 74/93, de 13 de diciembre de 2019,
    1. Decide seguir ocupándose de la cuestión.
    ```

    ## Fix safety
    No fix: which date is right has to be checked.
    """

    code = "LV006"
    name = "date-disagreement"
    summary = "Dates differ between language versions"
    what = "the dates"

    @staticmethod
    def anchor(member: ParagraphProfile) -> tuple:  # type: ignore[type-arg]
        return member.dates

    @staticmethod
    def show(anchor: object) -> str:
        year, month, day = anchor  # type: ignore[misc]
        return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")

    @staticmethod
    def counts(missing: list, added: list) -> bool:  # type: ignore[type-arg]
        """A date changed, or a full date the others give missing; not a month named in one
        version only, nor a date only this version gives.

        "in May 2019" in one version is "on 19 May 2019" or "in 2019" in another, and "the
        Geneva Conventions of 1949" are "du 12 août 1949" in French: a month that one version
        has and another gives a day or no month for, or a date that one version adds, are
        habits of translation."""

        def covered(date: tuple, others: list) -> bool:  # type: ignore[type-arg]
            return any(o[:2] == date[:2] and 0 in (o[2], date[2]) for o in others)

        missing, added = (
            [d for d in missing if not covered(d, added)],
            [d for d in added if not covered(d, missing)],
        )
        if missing and added:
            return True
        return any(day for _, _, day in missing)


RULES = (
    ParagraphWithoutCounterpart,
    NumberingDisagreement,
    FootnoteDisagreement,
    CitationDisagreement,
    FigureDisagreement,
    DateDisagreement,
)
