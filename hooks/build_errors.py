"""One way for every hook to fail the build: name the file, the line and the fix.

Not a hook itself: the hooks import it (MkDocs puts hooks/ on sys.path while
it loads them).
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError


class GuideError(PluginError):
    """A build error an editor can act on without reading Python."""

    def __init__(self, path: str, problem: str, fix: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}. Fix: {fix}")
        self.path = path
        self.line = line
        self.problem = problem
        self.fix = fix
