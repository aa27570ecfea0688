"""Opening phrases: known openers, also/further order, gender agreement."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Iterator

from reslint_rules._shared import statement_sections

from reslint.lexicon import Lexicon, load_lexicon, words_table
from reslint.model import Document, Node, NodeKind, Opener
from reslint.morphology import Judgement, Verdict, judge, suggest
from reslint.rule import Rule
from reslint.violations import Applicability, Fix, Severity, Violation


@cache
def _first_words(language: str, kind: str, size: int = 1) -> dict[str, str]:
    lexicon = load_lexicon(language)
    phrases = lexicon.all_preambular if kind == "preambular" else lexicon.all_operative
    return {
        lexicon.fold(" ".join(phrase.split()[:size])): phrase
        for phrase in sorted(phrases, key=lambda p: -lexicon.attested.get(p, 0))
        if len(phrase.split()) >= size
    }


def split_clitic(lexicon: Lexicon, word: str) -> tuple[str, str]:
    """Return (clitic, rest) of a word that starts with one of the language's clitics."""
    for clitic in lexicon.orthography.clitics:
        if word.startswith(clitic) and len(word) > len(clitic) + 1:
            return clitic, word[len(clitic) :]
    return "", word


def suggestion(lexicon: Lexicon, kind: str, word: str) -> str | None:
    """Return the lexicon phrase closest to a misspelt first word (or words), if any is close.

    A leading clitic (Arabic و) is not part of the phrase looked for."""
    word = split_clitic(lexicon, word)[1]
    words = _first_words(lexicon.language, kind, max(1, len(word.split())))
    close = difflib.get_close_matches(lexicon.fold(word), list(words), n=1, cutoff=0.8)
    return words[close[0]] if close else None


@dataclass(frozen=True)
class OpenerOptions:
    """Options of OP001 and OP002."""

    extra_phrases: tuple[str, ...] = field(
        default=(),
        metadata={"doc": "extra opening phrases the project accepts (case-insensitive)"},
    )


def _accepted(node: Node, extra_phrases: tuple[str, ...]) -> bool:
    """Return whether the paragraph opens with one of the project's extra phrases."""
    opener = node.opener
    if opener is None or not extra_phrases:
        return False
    start = node.view.text.find(opener.text) if opener.text else -1
    rest = node.view.text[start:] if start >= 0 else node.view.text
    rest = " ".join(rest.split()).casefold()
    return any(
        phrase.split() and rest.startswith(" ".join(phrase.split()).casefold())
        for phrase in extra_phrases
    )


_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the a an this that these those it its they their we our some such each every all "
        "in for at by on of to with as if when where while no none any other both either "
        "neither there".split()
    ),
    "fr": frozenset(
        "le la les l un une des du de d ce cet cette ces c il elle ils elles on nous son sa ses "
        "leur leurs chaque tout tous toute toutes aucun aucune par pour dans en au aux à avec "
        "sur sous si lorsque quand n".split()
    ),
    "es": frozenset(
        "el la los las lo un una unos unas este esta estos estas ese esa esos esas cada todo "
        "todos toda todas en por para con sin sobre de del al a si cuando ellos ellas "
        "nosotros".split()
    ),
}
"""Articles, pronouns and prepositions: under a heading, a paragraph opening with one is a
sentence of an annexed text, not a misspelt opener (checked after the lexicon)."""


def _judged(document: Document, node: Node, kind: str) -> tuple[int, Judgement]:
    """Judge the opener by the language's dictionary: (its offset in the view, verdict)."""
    opener = node.opener
    assert opener is not None
    lexicon = load_lexicon(document.language)
    text = node.view.text
    start = max(text.find(opener.text), 0)
    return start, judge(lexicon.morphology, kind, text[start:], lexicon.before_opener)


def _misspelling(
    rule: Rule, document: Document, node: Node, kind: str, what: str, at: int, judged: Judgement
) -> Violation:
    """Report a word that is in no dictionary of the language, with the likeliest word."""
    lexicon = load_lexicon(document.language)
    span = node.view.original_span(at + judged.start, at + judged.end)
    proposal = suggest(lexicon.morphology, kind, judged.word, _candidates(lexicon, kind))
    severity = Severity.ERROR if rule.severity == type(rule).severity else rule.severity
    if proposal is None:
        message = f"misspelt {what} '{judged.word}': not a word of the dictionary"
        return Violation(rule.code, rule.name, message, span, severity, None)
    fix = Fix.replace(span, proposal, f"Replace with '{proposal}'", Applicability.UNSAFE)
    message = f"misspelt {what} '{judged.word}'; did you mean '{proposal}'?"
    return Violation(rule.code, rule.name, message, span, severity, fix)


def _candidates(lexicon: Lexicon, kind: str) -> tuple[str, ...]:
    """Return the words a misspelt opener is compared with first: the lexicon's."""
    return _candidate_words(lexicon.language, kind)


@cache
def _candidate_words(language: str, kind: str) -> tuple[str, ...]:
    lexicon = load_lexicon(language)
    words = {phrase.split()[0] for phrase in _first_words(language, kind).values()}
    markers = (*lexicon.also, *lexicon.further)
    words |= {m[:1].upper() + m[1:] for m in markers if " " not in m}
    if lexicon.morphology is not None:
        words |= {w[:1].upper() + w[1:] for w in lexicon.morphology.before}
    return tuple(sorted(words))


def _misspelt_first_word(rule: Rule, document: Document, node: Node) -> Iterator[Violation]:
    """Report the first word of an unknown opener when it is in no dictionary."""
    opener = node.opener
    if opener is None or opener.known or not opener.text:
        return
    at, judged = _judged(document, node, "operative")
    if judged.verdict is Verdict.MISSPELT and judged.start == 0:
        yield _misspelling(rule, document, node, "operative", "operative verb", at, judged)


def _misspelt_adverb(
    rule: Rule, document: Document, node: Node, kind: str, what: str
) -> Iterator[Violation]:
    """Report a misspelt adverb before a known phrase ("Profonément préoccupée"): the
    lexicon takes any word formed like an adverb there, the dictionary says if it is one."""
    opener = node.opener
    assert opener is not None
    if not _word_before_phrase(load_lexicon(document.language), opener):
        return
    at, judged = _judged(document, node, kind)
    if judged.verdict is Verdict.MISSPELT and judged.start == 0:
        yield _misspelling(rule, document, node, kind, what, at, judged)


def _word_before_phrase(lexicon: Lexicon, opener: Opener) -> bool:
    """Return whether a known opener has a word before its phrase for the dictionary to
    judge (an adverb, maybe misspelt), where the language has a dictionary."""
    words = opener.text.split()
    if lexicon.morphology is None or len(words) < 2:
        return False
    phrase_first = opener.phrase.split()[0].casefold()
    if words[0].casefold() == phrase_first or opener.marker_before:
        return False
    # the word split by text extraction ("Décid e") is not an adverb before it
    return (words[0] + words[1]).casefold() != phrase_first


def _nothing_to_report(lexicon: Lexicon, node: Node) -> bool:
    """Return whether an opener can give no finding: there is none, or it is known and
    has no word before its phrase; then whether it is an operative verb at all need not
    be asked (matching it against the lexicon again, after each comma)."""
    opener = node.opener
    if opener is None or not opener.text:
        return True
    return opener.known and not _word_before_phrase(lexicon, opener)


def _unknown(
    rule: Rule,
    document: Document,
    node: Node,
    kind: str,
    what: str,
    statement: bool = False,
) -> Iterator[Violation]:
    opener = node.opener
    if opener is not None and opener.known:
        yield from _misspelt_adverb(rule, document, node, kind, what)
        return
    if opener is None or not opener.text:
        return
    if _accepted(node, rule.options.extra_phrases):
        return
    at, judged = _judged(document, node, kind)
    if judged.verdict is Verdict.MISSPELT:
        # not a word of the language: a misspelling wherever it stands, headings or not
        yield _misspelling(rule, document, node, kind, what, at, judged)
        return
    if judged.verdict is Verdict.RIGHT_CLASS:
        return  # a real form of the right class, only not seen in adopted texts (OP005)
    if statement:
        return
    if node.section and opener.text.casefold() in _FUNCTION_WORDS.get(document.language, ()):
        # "Mesures à prendre / 4. Les États, en collaboration…": under a heading, a numbered
        # sentence of an annexed programme or declaration, not a misspelt verb
        return
    lexicon = load_lexicon(document.language)
    proposal = suggestion(lexicon, kind, opener.text)
    if node.section and proposal is None:
        # under a heading ("Action", "Problem"), a numbered sentence that opens with a
        # word of another class and close to no opener is annexed text ("4. States, …")
        return
    clitic, bare = split_clitic(lexicon, opener.text)
    size = len(bare.split())
    # a phrase attested with its clitic ("وإذ تكرر تأكيد") is compared without it
    proposed = split_clitic(lexicon, proposal)[1] if proposal is not None else ""
    if proposal is not None and lexicon.fold(" ".join(proposed.split()[:size])) == lexicon.fold(
        bare
    ):
        yield rule.violation(
            opener.span,
            f"'{opener.text}' is not followed by a known {what} phrase; did you mean '{proposal}'?",
        )
    elif proposal is not None:
        first = clitic + " ".join(proposed.split()[:size])
        yield rule.violation(
            opener.span,
            f"unknown {what} '{opener.text}'; did you mean '{first}'?",
            Fix.replace(opener.span, first, f"Replace with '{first}'", Applicability.UNSAFE),
        )
    else:
        yield rule.violation(opener.span, f"unknown {what} '{opener.text}'")


class UnknownPreambularOpener(Rule):
    """Preambular paragraphs open with a participle or adjective phrase in use at the UN.

    The phrase is looked up in the language's lexicon (``reslint/lexicons``): the
    hand-written phrases and those the UN's own AKN markup attests in each of the six
    languages (``<lang>-attested.toml``). Russian openers are in lower case
    (``ссылаясь``); Arabic ones may carry the conjunction و (``وإذ تشير`` is
    ``إذ تشير``) and vowel marks; Chinese ones are written without spaces
    (``回顾其决议``). A close misspelling gets a "did you mean".

    ## Why
    Each preambular paragraph begins with a present, past or perfect participle,
    a participial phrase or an adjective (UN Editorial Manual), or a compound
    preposition that stands for one ("In pursuance of", "With consideration to"). An unknown opener
    is usually a typo or a paragraph that is not preambular at all.

    ## Example
    ```text
    The General Assembly,
    Recaling its resolution 58/170,
    ```

    ## Use instead
    ```text
    The General Assembly,
    Recalling its resolution 58/170,
    ```

    ## Fix safety
    Unsafe: the suggested word may not be the one the drafter meant.

    ## Options
    `extra-phrases`: a list of further opening phrases the project accepts; a
    paragraph starting with one of them (case-insensitively) is not reported.
    """

    code = "OP001"
    name = "unknown-preambular-opener"
    summary = "Preambular paragraph opening with an unknown phrase"
    fix_availability = Applicability.UNSAFE
    Options = OpenerOptions

    def check(self, document: Document) -> Iterator[Violation]:
        for node in document.preambular:
            yield from _unknown(self, document, node, "preambular", "preambular opener")


def _fronted_verb(lexicon: Lexicon, text: str) -> bool:
    """Return whether an operative verb follows a fronted clause ("In this regard, requests")."""
    for comma in re.finditer(r"[,،，]\s*", text[:240]):
        rest = text[comma.end() :]
        if not rest[:1].isupper() and lexicon.match_operative(rest[:1].upper() + rest[1:]):
            return True  # lower case, or a script without case
    return False


class UnknownOperativeVerb(Rule):
    """Operative paragraphs open with an operative verb in the present tense.

    ## Why
    Operative paragraphs open with a verb in the present indicative, third person
    ("Decides", "Décide", "Decide"). An unknown verb is usually a typo, a wrong
    form ("Decided", "Deciding") or a paragraph that is not operative.

    ## Example
    ```text
    2. Reqests the Secretary-General to report thereon.
    ```

    ## Use instead
    ```text
    2. Requests the Secretary-General to report thereon.
    ```

    ## Fix safety
    Unsafe: the suggested word may not be the one the drafter meant.

    ## Options
    `extra-phrases`: a list of further operative verbs or phrases the project
    accepts; a paragraph starting with one of them (case-insensitively) is not
    reported.
    """

    code = "OP002"
    name = "unknown-operative-verb"
    summary = "Operative paragraph opening with an unknown verb"
    severity = Severity.ERROR
    fix_availability = Applicability.UNSAFE
    Options = OpenerOptions

    def check(self, document: Document) -> Iterator[Violation]:
        lexicon = load_lexicon(document.language)
        statements = statement_sections(document)
        for node in document.operative:
            if _nothing_to_report(lexicon, node):
                continue
            statement = (node.part, node.section) in statements
            body = node.text[node.opener.span.start - node.span.start :] if node.opener else ""
            if not statement and (lexicon.match_preambular(body) or _fronted_verb(lexicon, body)):
                # a participle in a numbered paragraph, or "In this regard, requests": but a
                # first word that is no word at all is a misspelling all the same
                yield from _misspelt_first_word(self, document, node)
                continue
            # in a declaration or programme adopted in numbered paragraphs only misspellings
            yield from _unknown(self, document, node, "operative", "operative verb", statement)


class UnattestedOpener(Rule):
    """An opener that is a real word of the right class but no adopted text opens with.

    OP001 and OP002 report misspellings and words of the wrong class; a real
    participle, adjective or present-tense verb that the lexicons have not seen
    in adopted resolutions ("Heartened by", "Calls the attention") is reported
    here, off by default, for a drafter who wants to keep to attested wording.

    ## Why
    Resolutions reuse established formulas; an unusual one is worth a second look,
    but it is not a mistake.

    ## Example
    ```text
    The General Assembly,
    Heartened by the progress made,
    ```

    ## Use instead
    ```text
    The General Assembly,
    Encouraged by the progress made,
    ```

    ## Fix safety
    No fix: the choice of words is the drafter's.
    """

    code = "OP005"
    languages = ("en", "fr", "es")  # the languages with a lexicon of opening phrases
    name = "unattested-opener"
    summary = "Opener of the right class not found in adopted texts"
    severity = Severity.INFO
    default_enabled = False

    def check(self, document: Document) -> Iterator[Violation]:
        statements = statement_sections(document)
        for node in (*document.preambular, *document.operative):
            opener = node.opener
            if opener is None or opener.known or not opener.text:
                continue
            if node.kind is NodeKind.OPERATIVE and (node.part, node.section) in statements:
                continue
            kind = "preambular" if node.kind is NodeKind.PREAMBULAR else "operative"
            at, judged = _judged(document, node, kind)
            if judged.verdict is Verdict.RIGHT_CLASS:
                span = node.view.original_span(at + judged.start, at + judged.end)
                article = "an" if kind == "operative" else "a"
                yield self.violation(
                    span,
                    f"no adopted text opens {article} {kind} paragraph with '{judged.word}'",
                )


_INSTRUMENTAL = {
    "ru": re.compile(r"со?\s+(?:[а-яё]+(?:ой|ей|ым|им)\s+)?[а-яё]+(?:ем|ём|ом|ью|ами|ями)\s+"),
}
"""A prepositional phrase in the instrumental case before a Russian verb: "с удовлетворением",
"с глубокой озабоченностью", "с признательностью"."""


def _same_verb(lexicon: Lexicon, words: list[str]) -> list[str]:
    """Return ``words`` with a verb written another way ("تعيد تأكيد", "تعيد التأكيد",
    "تؤكد من جديد": reaffirms) spelt as the first way of its group, whatever follows it."""
    for size in range(len(words), 0, -1):
        first = lexicon.same_verb.get(lexicon.fold(" ".join(words[:size])))
        if first is not None:
            return [*first.split(), *words[size:]]
    return words


def _verb_of(phrase: str, lexicon: Lexicon | None = None) -> str:
    """Return the verb an also/further series is about ("Se déclarant gravement préoccupé"
    and "Se déclarant préoccupé" are one series, as are "Taking note" and "Taking"; the
    particle of "إذ تشير" is not the verb)."""
    words = phrase.casefold().replace("’", "'").split()
    if lexicon is not None:
        words = [w for w in words if not lexicon.orthography.is_particle(w)] or words
        # an adverb before the word is not the series ("Deeply concerned" then "Further
        # concerned", "Strongly encourages" then "Also encourages")
        while len(words) > 1 and re.fullmatch(lexicon.adverb_pattern, words[0]):
            words = words[1:]
        # nor is a noun in the instrumental case after "с" ("с удовлетворением напоминает"
        # then "напоминает также": recalls with appreciation, also recalls)
        adverbial = _INSTRUMENTAL.get(lexicon.language)
        found = adverbial.match(" ".join(words)) if adverbial else None
        if found and found.end() < len(" ".join(words)):
            words = " ".join(words)[found.end() :].split()
        words = _same_verb(lexicon, words)
    if words and words[0] in ("se", "s'") and len(words) > 1:
        return " ".join(words[:2])
    if words and words[0].startswith("s'"):
        return words[0]
    return words[0] if words else ""


_ADVERBIAL = re.compile(r"^.*?[\u4e00-\u9fff]地(?=[\u4e00-\u9fff])")
"""An adverbial phrase in 地 before a Chinese verb ("赞赏地注意到", "表示赞赏地注意到")."""


def _series_of(phrase: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Return what an also/further series of ``phrase`` is keyed by.

    Where words are spaced, the verb (:func:`_verb_of`). Chinese writes no spaces and
    puts the words round the verb in either order: "重申" and "又重申承诺" (reaffirms, also
    reaffirms its commitment), "深为关切" and "还表示关切" (deeply concerned, further
    expressing concern), "赞赏地注意到" and "又表示赞赏地注意到": once an adverbial phrase
    in 地 is left out, two phrases are of one series when they share their first or their
    last two characters. A verb written in two ways ("确认", "认识到": recognizes) is one.
    """
    if lexicon.orthography.spaced:
        return (_verb_of(phrase, lexicon),)
    head = _ADVERBIAL.sub("", phrase)
    for way in sorted(lexicon.same_verb, key=len, reverse=True):
        if head.startswith(way):
            head = lexicon.same_verb[way] + head[len(way) :]
            break
    return tuple(dict.fromkeys(("<" + head[:2], head[-2:] + ">")))


def _marked_phrase(opener: Opener, lexicon: Lexicon) -> str:
    """Return the phrase of which ``opener`` is the "also" or "further" form.

    In two verbs joined by "and", a marker after the "and" belongs to the second:
    "Welcomes and further encourages" is the "further" form of "Encourages".
    """
    if not opener.marker or opener.marker_before:
        return opener.phrase
    connectors = {w.casefold() for w in words_table(lexicon.language).get("list_connectors", ())}
    words = [w.casefold() for w in opener.text.split()]
    marker = opener.marker.casefold().split()
    for at in range(1, len(words) - len(marker)):
        if words[at : at + len(marker)] == marker and words[at - 1] in connectors:
            verb = " ".join(opener.text.split()[at + len(marker) :])
            return verb[:1].upper() + verb[1:] if opener.phrase[:1].isupper() else verb
    return opener.phrase


@lru_cache(maxsize=4096)
def _language_series(language: str, phrase: str) -> tuple[str, ...]:
    """Return :func:`_series_of` a phrase of the built-in lexicon of ``language`` (the same
    few hundred phrases open the paragraphs of every resolution: worked out once each)."""
    return _series_of(phrase, load_lexicon(language))


class AlsoFurtherOrder(Rule):
    """A repeated opener runs bare, then "also", then "further".

    ``Recalling`` → ``Recalling also`` → ``Recalling further`` (FR ``Rappelant`` →
    ``Rappelant également`` → ``Rappelant en outre``; ES ``Recordando`` →
    ``Recordando también`` → ``Recordando además``; RU ``ссылаясь`` → ``ссылаясь
    также`` → ``ссылаясь далее``; AR ``إذ تشير`` → ``وإذ تشير أيضا`` → ``وإذ تشير
    كذلك``; ZH ``回顾`` → ``又回顾`` → ``还回顾``, the marker written on the verb).
    The bare form may come back after the others. The order is tracked per opener,
    separately in the preamble and the operative part of each resolution.

    Two steps are checked: an "also" or "further" form needs an earlier bare form
    (all languages), and in every language but English the first "further" form
    (``en outre``, ``además``, ``далее``, ``كذلك``, ``还``) needs an earlier "also"
    form (``également``, ``también``, ``также``, ``أيضا``, ``又``). An "also" form
    after a "further" one is accepted: adopted
    General Assembly texts do it in both languages, and English texts use "also"
    and "further" in either order. An adverb before the word does not start a
    series of its own ("Deeply concerned" is the bare form of "Further
    concerned"), "further" before a noun is an adjective, not the marker
    ("Encourages further steps"), and in two verbs joined by "and" a marker
    after the "and" belongs to the second ("Welcomes and further encourages"
    follows "Encourages").

    ## Why
    Observed UN practice (French Security Council texts: no exception in 167
    sequences; English: bare first in 200 of 201, "further" before "also" in 4
    of 27).

    ## Example
    ```text
    Rappelant sa résolution 58/170,
    Rappelant en outre la Déclaration du Millénaire,
    ```

    ## Use instead
    ```text
    Rappelant sa résolution 58/170,
    Rappelant également la Déclaration du Millénaire,
    ```

    ## Fix safety
    No fix: reordering paragraphs or changing markers is the drafter's decision.
    """

    code = "OP003"
    name = "also-further-order"
    summary = '"also"/"further" opener out of order'

    def check(self, document: Document) -> Iterator[Violation]:
        strict = document.language != "en"
        lexicon = load_lexicon(document.language)
        seen: dict[tuple[int, NodeKind, str], set[str]] = {}
        for node in document.nodes:
            if node.kind not in (NodeKind.PREAMBULAR, NodeKind.OPERATIVE):
                continue
            opener = node.opener
            if opener is None or not opener.known:
                continue
            phrase = _marked_phrase(opener, lexicon)
            series = _language_series(document.language, phrase)
            keys = [(node.part, node.kind, verb) for verb in series]
            degrees = set().union(*(seen.get(key, set()) for key in keys))
            for key in keys:
                seen.setdefault(key, set()).add(opener.degree)
            if opener.degree and "" not in degrees:
                yield self.violation(opener.span, f"'{opener.text}' with no earlier '{phrase}'")
            elif not strict:
                pass
            elif opener.degree == "further" and "also" not in degrees:
                yield self.violation(
                    opener.span,
                    f"'{opener.text}' (further) comes before any 'also' form of '{phrase}'",
                )


class OpenerGenderAgreement(Rule):
    """Adjective and past-participle openers agree with the organ's gender.

    French and Spanish openers agree with the organ: ``L'Assemblée générale``
    (feminine) is ``Profondément préoccupée``, ``Le Conseil de sécurité``
    (masculine) is ``Profondément préoccupé``; ``La Asamblea General`` is
    ``Profundamente preocupada``. In Russian, short participles agree
    (``будучи убеждена`` for the Assembly, ``будучи убежден`` for a Council); in
    Arabic, verbs — operative ones too — and pronouns do (``إذ تشير``, ``تطلب``
    for the Assembly; ``إذ يشير``, ``يطلب`` for a Council). The pairs are those
    the UN's markup attests, each form seen with organs of one gender.

    ## Why
    The organ is the grammatical subject of every paragraph.

    ## Example
    ```text
    L'Assemblée générale,
    Profondément préoccupé par la situation,
    ```

    ## Use instead
    ```text
    L'Assemblée générale,
    Profondément préoccupée par la situation,
    ```

    ## Fix safety
    Unsafe: the form is taken from the lexicon's masculine/feminine pair; check
    that the organ line is right before accepting it.
    """

    code = "OP004"
    name = "opener-gender-agreement"
    summary = "Opener does not agree with the organ's gender"
    languages = ("fr", "es", "ar", "ru")
    fix_availability = Applicability.UNSAFE

    def check(self, document: Document) -> Iterator[Violation]:
        if document.organ_gender not in ("m", "f"):
            return
        lexicon = load_lexicon(document.language)
        pairs = {**lexicon.gendered, **lexicon.operative_gendered}
        feminine = {lexicon.fold(m): f for m, f in pairs.items()}
        masculine = {lexicon.fold(f): m for m, f in pairs.items()}
        for node in (*document.preambular, *document.operative):
            opener = node.opener
            if opener is None or not opener.gender or opener.gender == document.organ_gender:
                continue
            table = feminine if document.organ_gender == "f" else masculine
            wanted = table.get(lexicon.fold(opener.phrase))
            if wanted is None:
                continue
            phrase_span = opener.span
            words = document.text[opener.span.start : opener.span.end].split()
            marker_words = opener.marker.split()
            inner = (
                next(
                    (
                        i
                        for i in range(1, len(words) - len(marker_words))
                        if [w.casefold() for w in words[i : i + len(marker_words)]]
                        == [w.casefold() for w in marker_words]
                    ),
                    None,
                )
                if opener.marker and not opener.marker_before
                else None
            )
            if opener.marker and opener.marker_before:
                phrase_span = type(opener.span)(
                    opener.span.end - len(opener.phrase), opener.span.end
                )
            elif inner is not None:
                # marker inside the phrase ("Se déclarant également profondément
                # préoccupé"): keep it where it stands in the replacement
                parts = wanted.split()
                wanted = " ".join(
                    parts[:inner] + words[inner : inner + len(marker_words)] + parts[inner:]
                )
            elif opener.marker:
                phrase_span = type(opener.span)(
                    opener.span.start, opener.span.start + len(opener.phrase)
                )
            organ = "feminine" if document.organ_gender == "f" else "masculine"
            yield self.violation(
                phrase_span,
                f"'{document.text[phrase_span.start : phrase_span.end]}' does not agree with the "
                f"{organ} organ; use '{wanted}'",
                Fix.replace(phrase_span, wanted, f"Use '{wanted}'", Applicability.UNSAFE),
            )


RULES = (
    UnknownPreambularOpener,
    UnknownOperativeVerb,
    AlsoFurtherOrder,
    OpenerGenderAgreement,
    UnattestedOpener,
)
