"""Hook specifications: the whole plugin API of reslint (version 1).

A plugin is a module or object with functions marked ``@reslint.hookimpl`` whose
names are the hooks below.  Built-in rules are registered through the very same
hooks.  Third-party plugins are found through the ``reslint`` entry-point group::

    [project.entry-points.reslint]
    my_rules = "my_package.reslint_plugin"
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

import pluggy

if TYPE_CHECKING:
    from reslint.formatters import Formatter
    from reslint.readers import Extraction
    from reslint.rule import Rule

hookspec = pluggy.HookspecMarker("reslint")
hookimpl = pluggy.HookimplMarker("reslint")


@hookspec
def reslint_rules() -> Iterable[type[Rule]]:
    """Return the rule classes this plugin provides.

    Import rule modules inside the implementation so that discovering plugins
    stays cheap.

    :return: an iterable of :class:`reslint.Rule` subclasses.
    """


@hookspec
def reslint_comparison_rules() -> Iterable[type[Rule]]:
    """Return the comparison rules this plugin provides (``reslint compare``).

    A comparison rule subclasses :class:`reslint.comparison.ComparisonRule` and
    checks the language versions of one resolution against each other, through
    :class:`reslint.comparison.LanguageVersions` (versions, their paragraphs
    aligned, their anchors); its findings point into one version's file.  It is
    listed, documented, selected and configured like any rule.

    :return: an iterable of :class:`reslint.comparison.ComparisonRule` subclasses.
    """


@hookspec
def reslint_formatters() -> Mapping[str, type[Formatter]]:
    """Return output formatters keyed by their ``--output-format`` name.

    :return: a mapping of name to formatter class.
    """


@hookspec(firstresult=True)
def reslint_read(path: Path, data: bytes, encoding: str | None) -> Extraction | None:
    """Read a file into the text reslint parses, or return None to leave it to others.

    Called for every file to lint; the first reader that returns an
    :class:`reslint.readers.Extraction` wins.  Plugins are asked before the
    built-in readers, so a plugin can add a format or replace a built-in one.
    Raise :class:`reslint.ReadError` with a short cause for a file of your
    format that cannot be read (it becomes a one-line error, exit code 2).

    :param path: the file's path (use its suffix to decide).
    :param data: the file's bytes.
    :param encoding: the encoding asked for on the command line or in configuration.
    :return: an extraction, or None.
    """
