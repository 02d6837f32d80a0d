"""Checks the list of stylesheets joined into assets/stylesheets/extra.css.

The joining itself is a Jinja template (overrides/assets/stylesheets/extra.css).
A misspelt or missing name in mkdocs.yml's `extra.stylesheets` fails the
build with the line and the fix, before Jinja would stop with a traceback.
"""

from __future__ import annotations

import re

from .errors import GuideError

STYLESHEETS_FOLDER = "assets/stylesheets"


def check_stylesheets(names: list[str], present: set[str], *, config_text: str, source: str) -> None:
    """A GuideError for the first listed stylesheet that is not in the folder."""
    for name in names:
        if name not in present:
            found = re.search(rf"^\s*-\s*['\"]?{re.escape(str(name))}['\"]?\s*(#.*)?$", config_text, flags=re.M)
            line = config_text.count("\n", 0, found.start()) + 1 if found else None
            raise GuideError(
                source,
                f"extra.stylesheets lists '{name}', which is not in overrides/{STYLESHEETS_FOLDER}/",
                f"correct the name, or add the file; there are: {', '.join(sorted(present))}",
                line,
            )
