"""A Hunspell dictionary read for look-ups only, its entries built on first use.

``spylls.hunspell.Dictionary.from_files`` turns every line of the ``.dic`` file into
a ``Word`` (its flags parsed, its capitalisation guessed, two indexes filled) and
prepares the suggester over all of them: 0.7–2 s for each LibreOffice dictionary,
of which a run of the linter looks up a few dozen words.  Here the ``.dic`` file
is only split into lines grouped by stem, and a stem's entries are built — by
spylls' own ``read_dic``, from the very same lines, in the same order — the first
time a look-up asks for that stem.  Lines that carry data tags, tabs, escapes or a
leading slash (``ph:`` tags change the affix file's REP table as they are read)
are built at once, as ``read_dic`` would.  The case-insensitive index (asked for
words in capitals only) and the suggester are built whole when first needed.

The dictionary files stay the one source: nothing is generated or cached on disk,
and ``lookup`` gives what spylls' own reading gives (tests/test_morphology.py
compares the two on real words).
"""

from __future__ import annotations

from functools import cached_property
from typing import Iterator

from spylls.hunspell import Dictionary
from spylls.hunspell.algo import lookup, suggest
from spylls.hunspell.algo.capitalization import Type as CapType
from spylls.hunspell.data.aff import Aff
from spylls.hunspell.data.dic import Dic, Word
from spylls.hunspell.readers import read_aff, read_dic
from spylls.hunspell.readers.aff import Context
from spylls.hunspell.readers.dic import COUNT_REGEXP
from spylls.hunspell.readers.file_reader import FileReader

from reslint.affix_stems import AffixStems, affix_stems

_BOM = "\xef\xbb\xbf"  # as spylls' FileReader strips it from the first line


def _numbered_lines(path: str, encoding: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, stripped line) of the non-empty lines, as spylls' FileReader."""
    with open(path, encoding=encoding, errors="surrogateescape") as file:
        text = file.read()
    for number, line in enumerate(text.split("\n"), 1):
        if number == 1 and line.startswith(_BOM):
            line = line.replace(_BOM, "")
        line = line.strip()
        if line:
            yield number, line


def _simple_stem(line: str) -> str:
    """Return the stem ``read_dic`` finds on a line without tags, tabs, escapes or a leading
    slash: the text before the one slash ("stem/flags"), else the whole line."""
    parts = line.split("/", 2)
    return parts[0] if len(parts) == 2 else line


class LazyDic(Dic):
    """The entries of a ``.dic`` file, each stem's ``Word`` objects built on first look-up."""

    def __init__(self, path: str, aff: Aff, context: Context) -> None:
        self._aff = aff
        self._context = context
        self._pending: dict[str, list[tuple[int, str]]] = {}
        self._built: dict[str, list[tuple[int, Word]]] = {}
        self.index: dict[str, list[Word]] = {}
        self._lowercase_index: dict[str, list[Word]] | None = None
        eager: list[tuple[int, str]] = []
        ignore = context.ignore.tr if context.ignore else None
        for number, line in _numbered_lines(path, context.encoding):
            if number == 1 and COUNT_REGEXP.match(line):
                continue
            if line[0] == "/" or ":" in line or "\t" in line or "\\" in line:
                eager.append((number, line))
                continue
            stem = _simple_stem(line)
            if ignore is not None:
                stem = stem.translate(ignore)
            self._pending.setdefault(stem, []).append((number, line))
        for number, word in self._read(eager):
            self._built.setdefault(word.stem, []).append((number, word))

    def _read(self, lines: list[tuple[int, str]]) -> list[tuple[int, Word]]:
        """Build the entries of ``lines`` with spylls' reader, keeping their line numbers."""
        words = read_dic(iter(lines), aff=self._aff, context=self._context).words
        return [(number, word) for (number, _), word in zip(lines, words)]

    def _entries(self, stem: str) -> list[Word]:
        try:
            return self.index[stem]
        except KeyError:
            pass
        built = self._built.get(stem, [])
        pending = self._pending.pop(stem, None)
        if pending:
            built = sorted([*built, *self._read(pending)], key=lambda entry: entry[0])
            self._built[stem] = built
        words = [word for _, word in built]
        if words:
            self.index[stem] = words
        return words

    def has_stem(self, stem: str) -> bool:
        """Return whether the dictionary has an entry for ``stem`` (building none)."""
        return stem in self._pending or stem in self._built

    def homonyms(self, stem: str, *, ignorecase: bool = False) -> list[Word]:
        if ignorecase:
            return self.lowercase_index.get(stem, [])
        return self._entries(stem)

    @property
    def words(self) -> list[Word]:  # type: ignore[override]
        """Every entry in the order of the file (builds them all)."""
        for stem in [*self._pending]:
            self._entries(stem)
        numbered = [entry for built in self._built.values() for entry in built]
        return [word for _, word in sorted(numbered, key=lambda entry: entry[0])]

    @property
    def lowercase_index(self) -> dict[str, list[Word]]:  # type: ignore[override]
        """The entries by lower-cased stem, filled as ``read_dic`` fills it (built whole)."""
        if self._lowercase_index is None:
            index: dict[str, list[Word]] = {}
            casing = self._aff.casing
            for word in self.words:
                captype = casing.guess(word.stem)
                # read_dic hands over the stem itself when it is in lower case already,
                # and Dic.append then indexes it under each of its characters
                lower = casing.lower(word.stem) if captype != CapType.NO else word.stem
                for lowered in lower:
                    index.setdefault(lowered, []).append(word)
            self._lowercase_index = index
        return self._lowercase_index

    def __repr__(self) -> str:
        return f"LazyDic({len(self._pending) + len(self._built)} stems)"


class Lookup(lookup.Lookup):
    """spylls' look-up, which does not search for forms the affix file cannot make.

    spylls' ``compound_forms`` first reads every affixed form of the word again (to see
    whether a forbidden form stops compounding) and only then asks whether the affix file
    allows compounds at all; without COMPOUNDFLAG, COMPOUNDBEGIN or COMPOUNDRULE it yields
    nothing either way.  For the French, Spanish and Russian dictionaries that second
    reading was half the time of looking up a word that is not in them — every look-up
    of a misspelling's one-letter edits.

    Likewise ``desuffix``, after each suffix it strips, looks for a second suffix whose
    continuation flags hold the first one's flag, checking the flags of every suffix the
    stem ends with; when no suffix of the affix file continues with that flag (none does
    in the English, French and Russian files) there is nothing to find.

    And ``affix_forms`` first works out the stems the word could be found under as plain
    text (``reslint.affix_stems``): when the dictionary has none of them, spylls' search
    through every affix the word could carry is not made.
    """

    @cached_property
    def _affix_stems(self) -> AffixStems | None:
        return affix_stems(self.aff, self._continuation_flags)

    def _may_have_stem(self, word: str) -> bool:
        """Return whether a stem ``word`` could be found under is in the dictionary."""
        stems, dic = self._affix_stems, self.dic
        if stems is None or not isinstance(dic, LazyDic):
            return True
        return any(dic.has_stem(stem) for stem in stems.stems(word))

    def affix_forms(  # type: ignore[no-untyped-def]
        self,
        word: str,
        captype: CapType,
        allow_nosuggest: bool = True,
        prefix_flags: list[str] | None = None,
        suffix_flags: list[str] | None = None,
        forbidden_flags: list[str] | None = None,
        compoundpos: lookup.CompoundPos | None = None,
        with_forbidden: bool = False,
    ):
        # every form spylls yields has a stem in the dictionary, except those of a word in
        # capitals (looked up case-insensitively) and a compound's first part (which may
        # be looked up in lower case)
        if compoundpos is None and captype != CapType.ALL and not self._may_have_stem(word):
            return iter(())
        return super().affix_forms(
            word,
            captype,
            allow_nosuggest=allow_nosuggest,
            prefix_flags=prefix_flags or [],
            suffix_flags=suffix_flags or [],
            forbidden_flags=forbidden_flags or [],
            compoundpos=compoundpos,
            with_forbidden=with_forbidden,
        )

    @cached_property
    def _continuation_flags(self) -> frozenset[str]:
        """The flags any suffix allows another suffix to follow it with."""
        return frozenset().union(
            *(suffix.flags for suffixes in self.aff.SFX.values() for suffix in suffixes)
        )

    def desuffix(  # type: ignore[no-untyped-def]
        self,
        word: str,
        required_flags: list[str],
        forbidden_flags: list[str],
        nested: bool = False,
        crossproduct: bool = False,
    ):
        # a suffix is kept only when it carries every required flag
        if not self._continuation_flags.issuperset(required_flags):
            return iter(())
        return super().desuffix(word, required_flags, forbidden_flags, nested, crossproduct)

    def compound_forms(self, word: str, captype: CapType, allow_nosuggest: bool = True):  # type: ignore[no-untyped-def]
        aff = self.aff
        if not (aff.COMPOUNDBEGIN or aff.COMPOUNDFLAG or aff.COMPOUNDRULE):
            return iter(())
        return super().compound_forms(word, captype, allow_nosuggest)


class LookupDictionary(Dictionary):
    """A spylls ``Dictionary`` over a ``LazyDic``; its suggester is built when first asked."""

    def __init__(self, aff: Aff, dic: Dic) -> None:
        self.aff = aff
        self.dic = dic
        self.lookuper = Lookup(aff, dic)

    @cached_property
    def suggester(self) -> suggest.Suggest:  # type: ignore[override]
        return suggest.Suggest(self.aff, self.dic, self.lookuper)


def read_dictionary(path: str) -> LookupDictionary:
    """Read ``path.aff`` whole and ``path.dic`` lazily (``path`` as for ``from_files``)."""
    aff, context = read_aff(FileReader(path + ".aff"))
    return LookupDictionary(aff, LazyDic(path + ".dic", aff, context))
