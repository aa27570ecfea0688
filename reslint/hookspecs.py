"""Hook specifications: the whole plugin API of reslint (version 1).

A plugin is a module or object with functions marked ``@reslint.hookimpl`` whose
names are the hooks below.  Built-in rules are registered through the very same
hooks.  Third-party plugins are found through the ``reslint`` entry-point group::

    [project.entry-points.reslint]
    my_rules = "my_package.reslint_plugin"
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Mapping

import pluggy

if TYPE_CHECKING:
    from reslint.formatters import Formatter
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
def reslint_formatters() -> Mapping[str, type[Formatter]]:
    """Return output formatters keyed by their ``--output-format`` name.

    :return: a mapping of name to formatter class.
    """
