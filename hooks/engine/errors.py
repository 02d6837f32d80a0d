"""One way for every part of the engine to fail the build: name the file, the line and the fix.

The engine does not know MkDocs: hooks/mkdocs_site.py turns a GuideError
into MkDocs' own build error, so the editor sees this message and no traceback.
"""

from __future__ import annotations


class GuideError(Exception):
    """A build error an editor can act on without reading Python."""

    def __init__(self, path: str, problem: str, fix: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}. Fix: {fix}")
        self.path = path
        self.line = line
        self.problem = problem
        self.fix = fix
