"""Work done once per build and shared by the hooks: parsed data, the template environment.

Not a hook itself: the hooks import it (MkDocs puts hooks/ on sys.path while
it loads them), so they all share this one module.

A cache must never outlive a build: static-i18n runs the whole build once per
language in one process, and `mkdocs serve` rebuilds in place after an edit.
So every hook that reads from here calls `reset()` in its on_config (the first
event of every build; several resets before the first page are harmless), and
anything that depends on the language has the language in its key.

One thing is kept from build to build, and between processes: the templates'
compiled code (Jinja's own FileSystemBytecodeCache, in Jinja's per-user folder
under the temp directory, where jieba keeps its dictionary cache too). It holds
no data and no output, one file per template, and Jinja checks it against a
checksum of the template's current source before each use: an edited template
is compiled afresh. Without it every build compiled each template again
(~150 ms per language in the hooks alone); now only the first build on a
machine does. Jinja writes each file whole before it takes its place, so
parallel builds (the test suite) cannot read a half-written one.

A second thing is kept: each data file's parsed YAML, keyed by the file's path
and its exact text (`by_content`). Parsing depends on nothing but that text,
so the entry can never be stale: an edited file has a new text and is parsed
afresh, and the old entry is dropped (one entry per file). The two language
builds and every `mkdocs serve` rebuild share it, so the zh and en builds no
longer parse the same files twice. The parsed data is only ever read, never
changed: the loaders build their own objects from it. The decision trees use
it the same way for their checks, keyed by the full text of every file those
checks read (hooks/decision_tree.py).

A third thing is kept between processes: each data file's parsed YAML
(`on_disk`), pickled in a per-user folder under the temp directory (made
with mode 0700 and checked before use, as Jinja checks its own folder): one
entry per file, holding a hash of the file's text and of the loader's own
source, so an edited file or an edited loader is parsed afresh (and its entry
replaced). It saves ~40 ms of parsing in every new process (`make build`,
each test build, the bench).

    channels = build_cache.once(("channels", str(path)), lambda: load_channels(path))
    env = build_cache.theme_env(config)
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig

T = TypeVar("T")

_ENTRIES: dict[Hashable, Any] = {}
_BY_CONTENT: dict[Hashable, tuple[str, Any]] = {}


def reset() -> None:
    """Forget everything: call it from on_config."""
    _ENTRIES.clear()


def once(key: Hashable, make: Callable[[], T]) -> T:
    """make()'s result, computed on the first call with this key in this build.

    A failure (a GuideError for a bad data file) is not remembered: the next
    call tries again and fails the same way.
    """
    if key not in _ENTRIES:
        _ENTRIES[key] = make()
    return _ENTRIES[key]


def by_content(key: Hashable, content: str, make: Callable[[], T]) -> T:
    """make()'s result for this content, kept across builds until the content changes.

    For work that depends on nothing but `content` (parsing a file's text);
    key names the file. A failure is not remembered.
    """
    kept = _BY_CONTENT.get(key)
    if kept is None or kept[0] != content:
        kept = _BY_CONTENT[key] = (content, make())
    return kept[1]


def on_disk(kind: str, name: str, content: str, version: str, make: Callable[[], T]) -> T:
    """make()'s result for this content, kept on disk for the next process.

    kind and name say what is cached ("yaml", a file's path): one entry each,
    replaced when the content changes. version names the code that makes the
    result (a hash of its source), so new code never reads an old result. A
    missing, stale or unreadable entry is made again; a failure is not kept.
    """
    folder = _private_folder()
    if folder is None:
        return make()
    entry = folder / f"{kind}-{hashlib.sha256(name.encode('utf-8')).hexdigest()}.pickle"
    digest = hashlib.sha256("\0".join((version, content)).encode("utf-8")).digest()
    try:
        with entry.open("rb") as kept:
            kept_digest, value = pickle.load(kept)  # noqa: S301 - our own folder, 0700 (see _private_folder)
        if kept_digest == digest:
            return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    value = make()
    _write_whole(entry, pickle.dumps((digest, value), protocol=pickle.HIGHEST_PROTOCOL))
    return value


def theme_env(config: MkDocsConfig) -> Environment:
    """The theme's template environment, one per build and language.

    `config.theme.get_env()` builds a new environment on every call, and a new
    environment compiles every template it loads again. The key holds the
    theme's language: static-i18n switches it (and the translations the
    environment installs) for each language's build.
    """
    language = str(config.theme.get("language") or config.theme.get("locale") or "")
    return once(("theme-env", id(config.theme), language), lambda: _with_compiled(config.theme.get_env()))


def _with_compiled(env: Environment) -> Environment:
    try:
        env.bytecode_cache = FileSystemBytecodeCache()  # Jinja's folder under the temp directory, made on first use
    except RuntimeError:  # Jinja found that folder not safely ours: compile every time instead
        env.bytecode_cache = None
    return env


def _private_folder() -> Path | None:
    """This user's cache folder under the temp directory; None where it is not
    safely ours (another owner, other permissions, a symlink) or cannot be made."""
    if not hasattr(os, "getuid"):
        return None
    folder = Path(tempfile.gettempdir()) / f"debt-guide-cache-{os.getuid()}"
    try:
        folder.mkdir(mode=stat.S_IRWXU, exist_ok=True)
        found = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid() or stat.S_IMODE(found.st_mode) != stat.S_IRWXU:
        return None
    return folder


def _write_whole(path: Path, data: bytes) -> None:
    """Write to a temporary file, then move it into place: a parallel build
    never reads half an entry. A failure only means no entry."""
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".tmp", delete=False) as temporary:
            temporary.write(data)
        os.replace(temporary.name, path)
    except OSError:
        if temporary is not None:
            Path(temporary.name).unlink(missing_ok=True)
