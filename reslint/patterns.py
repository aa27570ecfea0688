"""Every number, label and symbol pattern of a resolution, in one place.

Paragraph numbers ("12."), subparagraph labels ("(a)", "iv)"), resolution numbers
("59/187", "1244 (1999)"), document symbols ("A/RES/79/1"), footnote calls and
bodies, page and job numbers and meeting numbers are written here once, as
regular-expression *source* (strings), and composed into the patterns the
layout, the grammar, the parser, the readers and the rules use.  A module that
needs one compiles it itself, when it is imported, so nothing here costs
anything at start-up.

Words of a language (meeting, annex, "See"/"Voir") are not written here: they
live in the ``[words]`` table of the language's lexicon
(``reslint/lexicons/<lang>.toml``), and the functions at the end of this module
build the patterns that need them from the words of all six lexicons, on first
use (cached).

Naming: a bare noun (``PARAGRAPH_DIGITS``) is a fragment to build with; a name
ending in ``_LINE`` must match a whole stripped line; ``_START`` matches at the
start of a text; the other names say what they find.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Callable, Iterable

# --------------------------------------------------------------------------- figures

FIGURES = r"[0-9\u0660-\u0669]"
"""A figure in Western or Arabic-Indic digits ("12", "١٢")."""

# --------------------------------------------------------------------------- words

SPLIT_FIRST_WORD = (
    r"(?:(?:se|s')\s+)?(?:[^\W\d_]( )[^\W\d_]{3,}|[^\W\d_]{3,}( )[^\W\d_]{1,2}(?!\w))"
)
"""A paragraph's first word split by a space, as text extraction leaves it, with a letter or
two on one side: "G ravement", "C onstate", "Décid e", "Se félicitan t" (the space: group 1
or 2)."""

# --------------------------------------------------------------------------- paragraph numbers

PARAGRAPH_DIGITS = r"\d{1,4}"
"""The figures of an operative paragraph number (1 … 9999)."""

NUMBER_DOT = rf"{PARAGRAPH_DIGITS}\s*\."
"""A paragraph number with its dot: "12." ("12 ." as PDF extraction leaves it)."""

NUMBERED_START = rf"{NUMBER_DOT}(?:\s|$)"
"""A text that starts with a numbered paragraph's number: "12. Decides", "12."."""

NUMBERED_ANY_MARK_START = rf"{PARAGRAPH_DIGITS}\s*[.-](?:\s|$)"
"""A numbered start with a dot or the dash of Arabic texts: "12.", "12 -"."""

NUMBERED_TEXT_START = rf"({PARAGRAPH_DIGITS})\s*\.\s+\S"
"""A numbered paragraph's number followed by its text (group 1: the figures)."""

MISPLACED_MARK_NUMBER = rf"({PARAGRAPH_DIGITS})[ \t]+\.?[ \t]*(?=[^\W\d_])"
"""A paragraph number whose dot was left out or typed after the tab: "5\tEncourages",
"232\t.Recognizes" (group 1: the figures)."""

OPERATIVE_NUMBER_GATE = rf"{PARAGRAPH_DIGITS}\s*[.–-]"
"""The cheap test a block passes before the grammar tries it as a numbered paragraph."""

TYPED_NUMBER = rf"\s*{PARAGRAPH_DIGITS}\s*[.-]?\s*"
"""A paragraph number typed before the text of a block whose reader says it is numbered."""

FIGURE_NUMBER_LINE = rf"\s*({FIGURES}{{1,4}})\s*[-.\u2013\u2014]?\s*$"
"""A paragraph number as Akoma Ntoso's ``<num>`` writes it: "1.", "1 -", "12"."""

FIGURE_NUMBER_START = rf"\s*({FIGURES}{{1,3}})\s*[-.\u2013\u2014]?\s"
"""A paragraph number typed at the start of the text ("1 - ترحب", as in Arabic files).

Three figures at most: "2254 (2015)" at the start of a text is a resolution number.
"""

DECIMAL_NUMBER_START = rf"\s*({FIGURES}{{1,3}})\s*[-.]\s*({FIGURES}{{1,3}})\s*[-.]?\s"
"""A decimal number typed at the start of a text: "2.6 …", Arabic "2-6-\t…"."""

FIGURE_NUMBER_MARKED_START = rf"\s*({FIGURES}{{1,3}})\s*[-.\u2013\u2014]\s"
"""A paragraph number typed with its mark at the start of a text ("1. 表示注意到", "1 - تحيط")."""

GOLD_NUMBER_START = rf"\s*({FIGURES}{{1,3}})\s*[-.\u2013\u2014]?\s"
"""A paragraph number typed at the start of a paragraph of the markup's reference reading."""

CLOSING_NUMBER_START = r"\s*\d+\s*\.\s*"
"""The number before an operative paragraph's text, with the spaces around it."""


def operative_number(style: str) -> str:
    """Return the grammar's operative number: "1." (style ``dot``) or "1 -" (``dash``).

    The figures are the group ``number``; the mark is followed by a space or the end.
    """
    if style == "dash":
        return rf"(?P<number>{PARAGRAPH_DIGITS})\s*(?:\.|-|–)(?=\s|$)"  # en dash too
    return rf"(?P<number>{PARAGRAPH_DIGITS})\s*\.(?=\s|$)"


# --------------------------------------------------------------------------- subparagraph labels

LATIN_LABEL = r"[a-z]{1,2}|[ivxlc]{1,6}"
"""The letters or roman numerals of a subparagraph label: (a), (aa), (iv)."""

CYRILLIC_LABEL = r"[а-я]{1,2}"
"""The letters of a Russian subparagraph label: а), б), в) …"""

ARABIC_LABEL = r"[\u0621-\u064a\ufe80-\ufefc]\u0640?(?: [\u0621-\u064a]\u0640?)?"
"""The letters of an Arabic subparagraph label: (أ), (ب), (هـ), (أ أ), and a letter in its
presentation form ("(ﻫ)", as some texts set it)."""

SUBPARAGRAPH_LABEL = rf"{LATIN_LABEL}|{CYRILLIC_LABEL}|{ARABIC_LABEL}|[一二三四五六七八九十]{{1,3}}"
"""The letters or numerals of a subparagraph label: (a), (aa), (iv), Russian а), Arabic (أ),
Chinese (一)."""

LABEL_OPEN = r"[(（]"
"""The opening parenthesis of a label, half or full width."""

LABEL_CLOSE = r"[)）]"
"""The closing parenthesis of a label, half or full width."""

BULLET = r"[-•–—▪◦]"
"""A bullet or dash that stands for a subparagraph label."""

DOTTED_LABEL = r"[a-z]|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})"
"""The letter or small roman numeral of a label written with a dot and a tab instead of
brackets, as a word processor's list numbering comes out in text: "b.\tthe development of …",
"iv.\t…". Only before a tab: after a space, "l. Recommande" and "b. Prie" are the numbers
"1." and "6." misread in scanned text."""

LABEL = rf"(?:{LABEL_OPEN}?\s?(?:{SUBPARAGRAPH_LABEL})\s?{LABEL_CLOSE}|(?:{DOTTED_LABEL})\.(?=\t))"
"""A subparagraph label: "(a)", "a)", "( iv )", "（一）", "b." before a tab."""

ENCLOSED_NUMERAL_LABEL = r"[\u3220-\u3229]"
"""A second-degree label of Chinese texts, one parenthesised ideograph: "㈠" … "㈩" for (i) …
(x); "(十一)" onwards is typed."""

QUOTED_FIGURE_LABEL = r"[\u2019\u2018']\d{1,3}[\u2018\u2019']"
"""A second-degree label of Arabic texts, the figures between turned commas: "’26‘" for
(xxvi) ("'26‘" once the text is normalised)."""

DECIMAL_LABEL = (
    rf"{FIGURES}{{1,2}}\.{FIGURES}{{1,2}}\.|{FIGURES}{{1,2}}-{FIGURES}{{1,2}}-"
    rf"|{FIGURES}{{1,2}}\.{FIGURES}{{1,2}}(?=[ \t]+(?-i:[A-ZА-ЯЁ]))"
)
"""A point of paragraph 1 numbered under it, its mark after both figures: "1.1.", Arabic
"1-1-" (the objectives of an adopted agenda: "1.1. Raise awareness …"); before a capital,
the last dot may be left out ("3.3 Поощрять исследование …", as a text types it once among
"3.2." and "3.4."), where a figure such as "2.5 per cent" is followed by a small letter."""

LABEL_START = rf"(?:{LABEL}|{DECIMAL_LABEL}|{QUOTED_FIGURE_LABEL}|{ENCLOSED_NUMERAL_LABEL})\s"
"""A text that starts with a subparagraph label and a space."""

SUB_LABEL = (
    rf"(?:{LABEL_OPEN}?\s?(?P<label>{SUBPARAGRAPH_LABEL})\s?{LABEL_CLOSE}"
    rf"|(?P<decimal>{DECIMAL_LABEL})|(?P<quoted>{QUOTED_FIGURE_LABEL})"
    rf"|(?P<enclosed>{ENCLOSED_NUMERAL_LABEL})"
    rf"|(?P<dotted>{DOTTED_LABEL})\.(?=\s)|(?P<bullet>{BULLET}))"
)
"""The grammar's label: the letters (group ``label``, or ``dotted`` for "b."), a decimal
point's number (group ``decimal``), an Arabic second-degree label "’26‘" (group ``quoted``),
a Chinese one "㈠" (group ``enclosed``) or a bullet (group ``bullet``). The grammar reads tabs as
spaces: that "b." had its tab it checks on the block's own text."""

SUBPARAGRAPH_GATE = (
    rf"(?:{LABEL}|{DECIMAL_LABEL}|{QUOTED_FIGURE_LABEL}|{ENCLOSED_NUMERAL_LABEL}|{BULLET}"
    rf"|(?:{DOTTED_LABEL})\.)\s"
)
"""The cheap test a block passes before the grammar tries it as a subparagraph (its text with
tabs read as spaces: that a dotted label had its tab the grammar checks on the block)."""

LINE_START_LABEL = (
    rf"(?:\(?\s?(?:{LATIN_LABEL})\s?\)|(?P<dotted>(?-i:{DOTTED_LABEL})\.)(?=\s)|{BULLET})"
)
"""A Latin label or bullet that can only start a paragraph of plain text (a dotted label
"b." in group ``dotted``: it does only before a tab)."""

TYPED_LABEL = rf"\s*{LABEL_OPEN}?\s?(?:{SUBPARAGRAPH_LABEL})\s?{LABEL_CLOSE}?\s*"
"""A label typed before the text of a block whose reader says it is a list item."""

TYPED_LABEL_ANY_SCRIPT = (
    rf"\s*(?:(?:{LABEL_OPEN}\s?)?({SUBPARAGRAPH_LABEL}|[а-яё]{{1,2}}"
    rf"|[\u0621-\u064a](?: ?[\u0621-\u064a])?)\s?{LABEL_CLOSE}"
    r"|[\u2019\u2018](\d{1,3})[\u2018\u2019])\s"
)
"""A label typed at the start of a paragraph's text, Cyrillic and Arabic letters too.

"(a)\tTo…", "а) …", Arabic "(أ أ)", and Arabic "’26‘" for (xxvi).
"""

MARKUP_LABEL_LINE = r"\s*[(（]?\s*([^\s()（）.]{1,8})\s*[)）.]?\s*$"
"""A label as markup writes it on its own: "(a)", "a)", "(iv)", "(أ)", "(一)"."""

BARE_LABEL_LINE = rf"{NUMBER_DOT}|{LABEL_OPEN}?(?:{SUBPARAGRAPH_LABEL}){LABEL_CLOSE}"
"""A paragraph number or label alone on its line ("6.", "(a)"): its text follows."""

SMALL_ROMAN = r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})"
"""A lowercase roman numeral up to xxxix, the labels of the second degree."""

LABEL_BEFORE_SPACES = (
    r"(?:^|\s)(?:\d{1,4}\.?|\(?[a-z]{1,4}\)|\(?[ivxlc]{1,6}\)|\d{1,3}/\d{1,4}\.?"
    r"|[IVXLC]{1,6}\.|[A-Z]\.)$"
)
"""A paragraph number, label, resolution number or section number just before spaces."""

# --------------------------------------------------------------------------- sections

SECTION_LETTERS = r"(?:[IVXLC]{1,6}|[A-Z])"
"""The number of a section of the operative part or of an annex: "II", "B"."""

SECTION_START = rf"(?:==\s*)?{SECTION_LETTERS}(?:\s*\.|\s|$)"
"""A text that starts with a section number ("II.", "B ", "== III")."""

SECTION_LABEL = rf"(?:==\s*)?{SECTION_LETTERS}(?:\s*==)?(?:\s*\.|(?=\s|$))"
"""The grammar's section number: "II.", "B", "== II ==" (Markdown headings)."""

LONG_TITLE_SECTION_START = r"(?:[IVXLC]{2,6}\.?|[IVXLC]\.)\s"
"""A section number that can only be one, before a title that may run long: "II Mise en
œuvre de l'Accord de 1995 aux fins de …" (not a capital letter that may be a word, "A titre")."""

HEADING_LABEL_START = rf"(?:{SECTION_LETTERS}|[^\W\d_]+\s+\d{{1,3}}[A-Z]?)\.\s"
"""A heading's number at the start of its text: "II. ", "B. ", "Section 27B. " (a word and a
number with its dot, in any language)."""

HEADING_NUMBER_LINE = r"\s*(?:[IVXLC]{1,7}|[A-Z]|[一二三四五六七八九十]{1,3}|[А-ЯЁ])\s*[.、]?\s*$"
"""A division's number as markup writes it: "I.", "B.", "一.", "Б"."""

ROMAN_NUMERAL = r"[IVXLC]+"
"""An uppercase roman numeral: old General Assembly sessions ("3363 (XXX)"), annexes."""

# --------------------------------------------------------------------------- resolution numbers

RESOLUTION_NUMBER = r"(?:E?S-)?\d{1,4}/\d{1,4}"
"""A resolution's number: "59/187", "S-27/2", "ES-10/19"."""

RESOLUTION_NUMBER_PARTS = r"^(?:(E?S)-)?(\d{1,4})/(\d{1,4})"
"""A resolution's number in its parts: special prefix, session, number."""


RESOLUTION_TITLE_START = rf"\s*{RESOLUTION_NUMBER}\s?\.(?:\s|$)"
"""A title that starts with a resolution's number and its dot: "73/3. Title"."""

MARKUP_TITLE = r"^((?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}(?:\s?[A-Z])?\.)\s+(.+)$"
"""A title in markup: the number (group 1) and the words (group 2)."""


SC_NUMBER = r"\d{1,4}\s*\(\d{4}\)"
"""A Security Council resolution's number: "1244 (1999)"."""

SC_NUMBER_SLASH = r"(?P<number>\d{1,4})/(?P<year>\d{4})(?![\d/])"
"""A Security Council resolution's number mis-written with a slash: "1244/1999"."""

SLASH_YEAR = r"/\d{4}(?![\d/])"
"""The slash and year that ``SC_NUMBER_SLASH`` ends with: a paragraph without one cites
no resolution that way, which this tells before the citation's expression is tried."""

SC_LIST_ITEM = rf"(?<![\w/]){SC_NUMBER_SLASH}"
"""One slashed Security Council number in a list of them."""


YEAR_NUMBER = r"(?<!\d)((?:19|20)\d\d)/\d{1,3}\b"
"""A resolution numbered by year (``2020/7``, ECOSOC): group 1 is the year."""

# --------------------------------------------------------------------------- document symbols

DOCUMENT_SYMBOL_LINE = (
    r"(?:[A-Z][A-Za-z]{0,9}(?:\.\d+)?\s?/\s?)+(?:[A-Za-z0-9][A-Za-z0-9.\-]*/)*"
    r"[A-Za-z0-9][A-Za-z0-9.\-]*(?:\s*\(\d{4}\))?(?:\s*\[?\*\]?)?"
    r"(?:\s+\d{1,2}(?:er)?\s+[^\W\d]+\s+\d{4})?"
)
"""A document symbol as a running head prints it: "A/RES/59/187", "S/RES/1244 (1999)",
"A/HRC/RES/52/1 12 avril 2023"."""

RESOLUTION_SYMBOL_LINE = r"(?m)^\s*((?:A|S|E)/(?:[A-Z0-9.\-]+/)*RES/[\w./\-]+(?:\s*\(\d{4}\))?)\s*$"
"""A resolution's own symbol alone on a line of the masthead (group 1)."""

SYMBOL_SESSION = r"^A/(?:HRC/)?(?:RES/)?(\d{1,3})/"
"""The session in a General Assembly or Human Rights Council symbol (group 1)."""

RESOLUTION_SERIES = r"/RES/"
"""What every resolution's symbol holds."""

CITED_SYMBOL = r"(?<![\w/.])(?:A|S|E|ST|TD|DP|CRC)/[\w.\-]+(?:/[\w.\-]+)*"
"""A document symbol cited in the text: "A/58/105", "E/CN.4/2005/L.10/Add.17"."""

SYMBOL_MODIFIER_SLIP = r"(?P<modifier>Rev|Add|Corr|Amend)\.\s?(?P<bad>[lI])(?![\w.])"
"""A symbol's modifier with the letter l or I read for the figure 1: "Rev.l"."""

SYMBOL_COMPONENT_SLIP = r"\d*l\d*|\d+O\d*|\d*O\d+"
"""A symbol's part with l for 1 or O for 0: "l70", "1O5"."""

PROPERTY_SYMBOL = r"[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+"
"""A symbol as a Word file's properties give it: "A/RES/72/4"."""

NOTE_SYMBOL = r"[A-Z]{1,2}/(?:RES/|CONF\.|C\.\d|\d)"
"""The start of a symbol a footnote's text can open with: "A/RES/", "A/CONF.", "A/73"."""

# --------------------------------------------------------------------------- footnotes

FOOTNOTE_RULE_LINE = r"(?:\\?_){5,}|-{10,}"
"""The rule above a page's footnotes, alone on its line: "__________" (Markdown escapes each
underscore), "----------"."""

NOTE_NUMBER = r"\d{1,3}"
"""The figures of a footnote's number (1 … 999)."""

NOTE_NUMBER_LINE = rf"({NOTE_NUMBER})"
"""A footnote number alone on its line (group 1)."""

SUPERSCRIPT_FIGURES = r"[⁰¹²³⁴⁵⁶⁷⁸⁹]"
"""A figure in superscript, as a footnote's number or call is typed in some texts: "²"."""

NOTE_BODY_START = (
    rf"({NOTE_NUMBER}|{SUPERSCRIPT_FIGURES}{{1,3}})(?:\s+|\t)"
    r"(?=[A-Z\u00c0-\u00deА-ЯЁ«“\"(\[*《\u4e00-\u9fff]|[a-z]{1,6}/|Ibid|ibid|\d{1,4}/"
    r"|(?:19|20)\d\d [A-ZА-Я])"
)
"""The number opening a footnote's text at the foot of a page: "3 See …", "² E/1983/87.",
"12 A/73/368.",
"1 Резолюция 49/57.", "2 见A/75/345。", "2 1995 Review and Extension Conference …"."""

NUMBERED_NOTE_START = rf"({NOTE_NUMBER})[ \t]+(?=\S)"
"""A number and a text, whatever the text starts with: below a footnote rule, a note when the
number is the one after the last note's ("1 28 июня 2011 года …",
"10 2020年4月13日第74/548号决定。", Arabic "2 )( A/76/760/Add.7." with its brackets turned,
"1 يصبح القرار 2021/2 …")."""

ASTERISK_NOTE_MARK = r"\*{1,3}[ \t]+(?=\w)"
"""The asterisks that mark a note on the document itself, before its text: "* A/75/150."
("* * *", a separator, has no text after its first asterisk)."""

ASTERISK_NOTE = r"(\*{1,3})[ \t]+(?=\w)(?P<text>[^\n]{1,300}\.)\s*$"
"""A block that is an asterisk note and no more: the asterisks (group 1) and the text, short
and ending with a full stop."""

NOTE_LINE_UNFINISHED = r"[,،，:\-\u2013\u2014(\[]\s*$"
"""The end of a note's line that the next line must continue ("See A/74/PV.5, paras. 12,"
then "13 and 14."): a comma in any script, a colon, a hyphen or dash, an open bracket."""

NOTE_LIKE_START = (
    rf"({NOTE_NUMBER}|{SUPERSCRIPT_FIGURES}{{1,3}})[ \t]+(?=[A-Z\u00c0-\u00de]|\*|«|“|\")(?!\d)"
)
"""A paragraph of the body that reads as a footnote's text: "3 Official Records …",
"² E/1983/87/Add.1, sect. V."."""

MARKDOWN_NOTE_BODY = rf"\[\^({NOTE_NUMBER})\]:\s*"
"""A Markdown footnote's text: "[^3]: See …"."""

MARKDOWN_NOTE_CALL = rf"\[\^({NOTE_NUMBER})\]"
"""A Markdown footnote call: "[^3]"."""

NOTE_BODY_MARK = rf"^\s*(?:\[\^{NOTE_NUMBER}\]:|{NOTE_NUMBER}(?=\s))\s*"
"""The number before a footnote's text, plain or Markdown."""

NOTE_MARKER = NOTE_NUMBER
"""A note marker as markup writes it."""

TYPED_CALLS = rf"\s*{NOTE_NUMBER}(?:\s*,\s*{NOTE_NUMBER})*\s*"
"""Superscript text that can only be note numbers: "13", "4,6"."""

CALL_DIGIT_RUN = r"\d+"
"""The figures of a call."""

SUPERSCRIPT_CALL = r"(?<=\S)[⁰¹²³⁴⁵⁶⁷⁸⁹]+"
"""A call in superscript figures after a word: "rights¹²"."""

CALL_FIGURES = r"\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+"
"""The figures inside a call, plain or superscript."""

GLUED_CALL = r"(?<=[a-zà-ÿœæа-яё]{2})(\d{1,2})(?=[\s,;:.)»”\"]|$)"
"""A call glued to the end of a lowercase word, Latin or Cyrillic: "l'homme3,", "резолюции1,"."""

GLUED_QUOTE_CALL = r"(?<=[a-zà-ÿœæа-яё][”\"’)»])(\d{1,2})(?=[\s,;:.)»]|$)"
"""A call glued after a closing quotation mark: "Agenda 21”4", "«Повестка дня»2"."""

GLUED_HAN_CALL = r"(?<=[\u4e00-\u9fff》”)）])(?<!第)(\d{1,2})(?=[，。；：,;:.)）]|$)"
"""A call glued to Chinese text before a mark: "报告1。", "《议程》2，" ("第5，" is a paragraph)."""

TRAILING_CALLS = rf"(?<=[\w\"”’)\]》）][;:.,，；。：،؛])({NOTE_NUMBER})((?:,{NOTE_NUMBER})*)$"
"""Calls after a paragraph's final mark: "…;3", "….4,5", Chinese "…报告，1", Arabic "…،2"."""

GROUPED_CALL = r",(\d{1,2})"
"""A further call of a group after a paragraph's final mark: the ",17" of "…;16,17"."""

CALL_AFTER_MARK = (
    r"(?<=[^\W\d_][,;:])(\d{1,2})(?=\s|$)|(?:(?<=[a-zà-ÿ]{3}\.)|(?<=\w[;:]))(\d{1,2})$"
)
"""A call glued after a comma, semicolon or colon: "rights,3 and"."""

CALL_GLUED_AFTER = r"[a-zà-ÿœæа-яё”\"’)»,;:.\u4e00-\u9fff》）]"
"""The character a glued call follows: the last characters of the look-behinds of
``GLUED_CALL``, ``GLUED_QUOTE_CALL``, ``CALL_AFTER_MARK`` and ``GLUED_HAN_CALL``.  Figures
after anything else ("A/RES/60/1", a paragraph's "1." at the start) are no glued call,
which this tells without trying the four (a test holds it to them)."""

YEAR_CALL = r"(?<![\d/.,-])((?:1[89]|20)\d\d)(\d{1,2})(?![\d/])"
"""A call glued to a year: "20002" is 2000 and call 2."""

DETACHED_CALL = r"(?<=[^\s\d/.-])(\s+)(\d{1,2})(?=\s*[,;:.)](?!\d)|\s*$)"
"""A call set apart from its word by a space before a mark: "rights 3,"; a figure whose
separator is followed by figures is a number ("d) 3.044.259.055 dólares", "3,5 %")."""

DETACHED_YEAR_CALL = r"(?<=(?:1[89]|20)\d\d)(\s+)(\d{1,2})(?=\s*[,;:.)]|\s+[a-zà-ÿ]|\s*$)"
"""A call set apart from a year: "2000 2,"."""

DETACHED_SPACED_CALL = r"(?<=\d)(\s+)(\d{1,2})(?=[ \t]+[,.](?:\s|$))"
"""A call between figures and a spaced mark: "2000 2 ."."""

CALL_AFTER_PUNCTUATION = r"(?<=[,;])(\s+)(\d{1,2})(?=\s+[a-zà-ÿ])"
"""A call after a comma or semicolon and before running text: "rights, 3 and"."""

# --------------------------------------------------------------------------- quotations

QUOTATION_MARKS = {"\u201c": "\u201d", "\u00ab": "\u00bb", '"': '"', "\u2018": "\u2019"}
"""The marks that open a quotation and the mark that closes each: “ ”, « », " ", ‘ ’."""

# --------------------------------------------------------------------------- page furniture

PAGE_NUMBER_LINE = r"\d{1,4}|\d{1,3}\s*/\s*\d{1,3}|-\s*\d{1,4}\s*-|Page \d+(?: of \d+)?"
"""A page number alone on its line: "12", "3/14", "- 7 -", "Page 2 of 5"."""

JOB_NUMBER_LINE = (
    r"(?:GE\.)?\d{2}-\d{4,6}\*{0,2}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}|\*\d{6,}\*|\d{6}"
    r"|[A-Z]?\d{2}-\d{5}\s+\d{2}/\d{2}/\d{2,4}"
)
"""A job number alone on its line: "04-47718", "GE.23-12345 (F)", "*0447718*"."""

STRAY_SUPERSCRIPT_LINE = r"e|er|re|ème|st|nd|rd|th|ª|º"
"""An ordinal suffix that the extraction set on a line of its own ("e" of "59e")."""

# --------------------------------------------------------------------------- meetings and dates

MEETING_DIGITS = r"\d{1,5}"
"""The figures of a meeting number."""

CJK_DATE_LINE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
"""A date written in Chinese: "2004年12月20日"."""

DATE_LINE = (
    r"(?i)(?:\d{1,2}(?:er|º)?\s+(?:de\s+)?(?P<month>[^\W\d]{3,})\s+(?:de\s+)?\d{4}"
    r"|(?P<month2>[^\W\d]{3,})\s+\d{1,2},?\s+\d{4})\.?"
)
"""An adoption date alone on its line: "20 December 2004", "1er juin 2004", "June 1, 2004"."""

LINE_END_CLOSERS = "\"'\u201d\u2019\u00bb)]*"
"""The characters other than spaces and figures that may follow a line's final mark:
closing quotes and brackets, an asterisk."""

LINE_END_NOISE = rf"(?:[\s{re.escape(LINE_END_CLOSERS)}]|(?<=[,;:.])\s*{NOTE_NUMBER})+$"
"""What may follow a line's final mark: spaces, closing quotes and brackets, calls."""

CALL_ENDING_PARAGRAPH = rf"(?<=[,;:.])\s+{NOTE_NUMBER}\s*$"
"""A footnote call set after a paragraph's final mark, as extracted text puts it: "…, 92"."""


# ------------------------------------------------------------- built from the lexicons' words


def _words(key: str) -> tuple[str, ...]:
    from reslint.lexicon import words_everywhere

    return words_everywhere(key)


def _shaped(shape: str, key: str) -> tuple[str, ...]:
    from reslint.lexicon import words_by_value

    return words_by_value("meeting_shape", shape, key)


def alternation(words: Iterable[str], space: str = r"\s+", either_initial: bool = False) -> str:
    """Return a group matching any of ``words``, the longest first.

    A longer word is tried before a word it starts with ("Annexe" before "Annex"),
    so that a match is never cut short; a space inside a word matches ``space``;
    with ``either_initial``, a word's first letter may be in either case
    ("[Rr]esolution"). An empty list gives a group that never matches.
    """
    ordered = sorted(dict.fromkeys(words), key=len, reverse=True)
    if not ordered:
        return "(?!)"

    def one(word: str) -> str:
        escaped = re.escape(word).replace(r"\ ", space)
        initial = word[:1]
        if either_initial and initial.upper() != initial.lower():
            return f"[{initial.upper()}{initial.lower()}]{escaped[len(re.escape(initial)) :]}"
        return escaped

    return "(?:" + "|".join(one(w) for w in ordered) + ")"


class LazyPattern:
    """A regular expression built and compiled on first use (``match``, ``search`` …)."""

    def __init__(self, build: Callable[[], str], flags: int = 0) -> None:
        self._build = build
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """Return the compiled expression."""
        if self._compiled is None:
            self._compiled = re.compile(self._build(), self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        """Return the compiled expression's attribute, kept on this object: later uses
        (``match`` on every line, say) find it at once instead of coming here again.

        Private names are this object's own: one not set yet (``_compiled`` of a copy being
        restored, which pickle and ``copy`` make without ``__init__``) is missing, rather
        than asked of an expression that would be compiled from it."""
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        setattr(self, name, value)
        return value


def part_connector() -> str:
    """Return the words between part letters of a resolution ("60/251 A and B", "B à D")."""
    return alternation(_words("part_connectors"))


@cache
def resolution_title_number() -> str:
    """Return a resolution's number heading its title: "59/187.", "60/251 A and B"."""
    return (
        rf"(?P<resno>{RESOLUTION_NUMBER}(?:\s+[A-Z](?:\s+{part_connector()}\s+[A-Z])?)?)"
        r"(?:\s*\.|(?=\s|$))"
    )


@cache
def sc_resolution_title() -> str:
    """Return a Security Council resolution's heading: "Resolution 1244 (1999)"."""
    return rf"{alternation(_words('resolution'))}\s+(?P<resno>{SC_NUMBER})"


@cache
def title_gate() -> str:
    """Return the cheap test a block passes before the grammar tries it as a title."""
    return rf"(?:E?S-)?\d{{1,4}}/\d|{alternation(_words('resolution'))}"


@cache
def cited_resolution() -> str:
    """Return a General Assembly resolution cited in the text: "58/170", "3363 (XXX)",
    "60/251 A and B"."""
    return (
        r"(?<![\w/.\-])(?:(?P<session>\d{1,3})/(?P<number>\d{1,4})"
        rf"|(?P<oldnumber>\d{{1,4}})(?:\s+[A-Z])?\s*\(\s*(?P<roman>{ROMAN_NUMERAL})\s*\))"
        rf"(?:\s+[A-Z](?:\s*(?:,|{part_connector()})\s*[A-Z]\b)*)?"
    )


def meeting_number_first() -> str:
    """Return the meeting line of the languages that write the number first: "74th plenary
    meeting", "2nd (resumed) plenary meeting", "74e séance plénière", "74ª sesión"."""
    shape = "number-suffix"
    return (
        rf"{MEETING_DIGITS}\s*{alternation(_shaped(shape, 'ordinal_suffixes'))}?\s+"
        rf"(?:\({alternation(_shaped(shape, 'resumed'))}\)\s+)?"
        rf"(?:{alternation(_shaped(shape, 'plenary'))}\s+)?"
        rf"{alternation(_shaped(shape, 'meeting'))}\b"
    )


@cache
def meeting_line() -> str:
    """Return the meeting line of an adoption in the word orders of the six languages."""
    suffix = "number-suffix"
    ordinal = (
        rf"(?:[^\W\d][\w-]*{alternation(_shaped(suffix, 'ordinal_endings'))}"
        rf"|{alternation(_shaped(suffix, 'ordinals'))})\s+"
        rf"{alternation(_shaped(suffix, 'plenary_meeting'))}\b"
    )  # "Cinquième séance plénière"
    counter = (
        rf"{alternation(_shaped('counter', 'meeting_before'))}\s*{MEETING_DIGITS}\s*"
        rf"{alternation(_shaped('counter', 'meeting'))}"
    )  # "第74次全体会议"
    case = "number-case"
    case_ending = (
        rf"{MEETING_DIGITS}\s*[-\u2011]?\s*{alternation(_shaped(case, 'ordinal_suffixes'))}\s+"
        rf"(?:\({alternation(_shaped(case, 'resumed'))}\)\s+)?"
        rf"(?:{alternation(_shaped(case, 'plenary'))}\s+)?{alternation(_shaped(case, 'meeting'))}"
    )  # "74-е пленарное заседание", also with a non-breaking hyphen
    word = "word-number"
    word_first = (
        rf"{alternation(_shaped(word, 'meeting'))}\s+"
        rf"(?:{alternation(_shaped(word, 'plenary'))}\s+)?{MEETING_DIGITS}"
    )  # "الجلسة العامة 74"
    return "|".join((meeting_number_first(), ordinal, counter, case_ending, word_first))


@cache
def meeting_line_alone() -> str:
    """Return a block that is a meeting line and no more (its date may follow): "20th plenary
    meeting", "20 a sesión plenaria" — not a paragraph, however the markup holds it."""
    return rf"(?i)\s*(?:{meeting_line()})[^.;:،؛。；]{{0,40}}\.?\s*$"


@cache
def adoption_gate() -> str:
    """Return the cheap test a block passes before the grammar tries it as an adoption line."""
    suffix = "number-suffix"
    ordinals = _shaped(suffix, "ordinals")
    plenary_first = [phrase.split()[0] for phrase in _shaped(suffix, "plenary_meeting")]
    return (
        rf"[\d\[]|{alternation(_shaped('counter', 'meeting_before'))}"
        rf"|{alternation(_shaped('word-number', 'meeting'))}"
        r"|[^\W\d]{3,}\s+\d{1,2},?\s+\d{4}"
        rf"|(?:[^\W\d][\w-]*{alternation(_shaped(suffix, 'ordinal_endings'))}"
        rf"|{alternation([*ordinals, *(w[:1].upper() + w[1:] for w in ordinals)])})"
        rf"\s+{alternation(plenary_first)}"
    )


@cache
def vote_line() -> str:
    """Return the vote line of an adoption: "[Adopted without a vote]"."""
    return rf"\[\s*{alternation(_words('vote'))}\b[^\]]*\]?"


@cache
def annex_heading() -> str:
    """Return an annex heading: "Annex", "Annexe II", "ANEXO", "附件", "Приложение 2."."""
    return rf"{alternation(_words('annex'))}(?:\s+(?:[IVXLC]+|[A-Z]|\d{{1,2}}))?\.?"


@cache
def annex_prefixes() -> dict[int, frozenset[str]]:
    """Return the first letters (up to three, lower case) of the annex words, by length."""
    by_length: dict[int, set[str]] = {}
    for word in _words("annex"):
        prefix = word[:3].lower()
        by_length.setdefault(len(prefix), set()).add(prefix)
    return {length: frozenset(found) for length, found in by_length.items()}


@cache
def article() -> str:
    """Return the article at the start of an organ's name ("The", "L'", "Los")."""
    return rf"^{alternation(_words('articles'))}\s*"


@cache
def note_start() -> str:
    """Return how a footnote's text that lost its number starts: "Voir A/73/368, par. 19.",
    "Ibid.", "Official Records …", "Résolution 70/1.", or the asterisk of the note on the
    document itself ("* Nouveau tirage pour raisons techniques (7 janvier 2021).")."""
    return (
        rf"(?:(?:{alternation(_words('note_starts'), ' ')}"
        rf"|{alternation(_words('resolution'))}\s+\d+|{NOTE_SYMBOL})\b|{ASTERISK_NOTE_MARK})"
    )


@cache
def distribution() -> str:
    """Return the distribution line of a masthead: "Distr.: General", "Original: English"."""
    parts = []
    for word in sorted(_words("distribution"), key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"\s+")
        if word.endswith(":"):
            escaped = escaped[:-1] + r"\s*:"
        elif word[-1:].isalnum():
            escaped += r"\b"
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@cache
def session_line(words: str) -> str:
    """Return a session line of a masthead, after ``words`` (its ordinal): "Fifty-ninth
    session", "Tenth special session", "Quincuagésimo noveno período de sesiones"."""
    kinds = alternation((*_words("special_session"), *_words("session_kinds")))
    return rf"{words}\s+(?:{kinds}\s+)?{alternation(_words('session'))}\b"


@cache
def session_of_header() -> str:
    """Return the ordinal (group 1) before the session words of a header line."""
    special = alternation(_words("special_session"))
    return rf"(?i)^(.+?)\s+(?:{special}\s+)?{alternation(_words('session'), ' ')}\b"


@cache
def header_line(words: str) -> str:
    """Return the header lines of a masthead: session, agenda item, "Resolution adopted by",
    "[on the report of …]", "United Nations", "draft resolution"."""
    draft = alternation(_words("draft_resolution"), " ")
    return (
        rf"(?i)(?:{session_line(words)}"
        rf"|(?:{alternation(_words('agenda'))}|{alternation(_words('agenda_numbered'))}\s+\d)"
        rf"|{alternation(_words('adopted_texts'))}s?\s+{alternation(_words('adopted'))}"
        rf"|\[{alternation(_words('bracket_starts'))}\b"
        rf"|{alternation(_words('masthead'), ' ')}\s*$"
        rf"|{draft}"
        rf"|.{{0,300}}:\s*{draft})"
    )


@cache
def paragraph_start() -> str:
    """Return the lines that can only start a paragraph of plain text, besides numbers and
    labels: an annex heading ("Annex II"), a section number alone on its line ("II"), a
    meeting line ("74th plenary meeting"), a vote line ("[Adopted …")."""
    shape = "number-suffix"
    return (
        rf"{alternation(_words('paragraph_start_annex'))}(?:\s+[IVX\d]+)?\s*$"
        r"|(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.?\s*$"
        rf"|{MEETING_DIGITS}\s*{alternation(_words('paragraph_start_suffixes'))}?\s+"
        rf"(?:{alternation(_shaped(shape, 'plenary'))}\s+)?"
        rf"{alternation(_words('paragraph_start_meeting'))}\b"
        rf"|\[{alternation(_words('paragraph_start_vote'))}\b"
    )


@cache
def sc_slash_citation() -> str:
    """Return a Security Council resolution cited with a slash, after others maybe:
    "resolutions 1244 (1999) and 1325/2000" (the last one's number and year)."""
    word = alternation(_words("resolution_words"), either_initial=True)
    listed = (
        rf"(?:{SC_NUMBER}|\d{{1,4}}/\d{{4}})\s*(?:,|{alternation(_words('list_connectors'))})\s+"
    )
    return rf"\b(?P<word>{word})\s+(?:{listed})*" + SC_NUMBER_SLASH


@cache
def cited_text_word() -> str:
    """Return the word before a cited resolution or decision: "resolution", "décisions"."""
    words = (*_words("resolution_words"), *_words("decision_words"))
    return rf"\b{alternation(words, either_initial=True)}\b"


def citation_connector(words: Iterable[str]) -> str:
    """Return the connector between a cited resolution and its date (``connector``), with the
    comma before it (``comma``): "58/170 of 22 December", "58/170, de 22 de diciembre"."""
    return rf"(?P<comma>,)?\s+(?P<connector>{alternation(words)})\s+"
