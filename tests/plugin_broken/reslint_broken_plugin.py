"""A reslint plugin that cannot be imported (used by reslint's own tests)."""

raise RuntimeError("reslint_broken_plugin is broken on purpose")
