"""Build the site into a temporary folder and swap it in only on success.

A failed build (a bad data file, a broken link, any warning under --strict)
leaves the last good site in place.

    python tools/build_site.py [--site-dir site] [--offline]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_into(target: Path, offline: bool = False, root: Path = ROOT) -> int:
    """Run a strict MkDocs build of the project at root into a sibling temp folder, then swap it in."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))
    env = {**os.environ, "OFFLINE": "true" if offline else "false", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(scratch)]
    result = subprocess.run(command, cwd=root, env=env)
    if result.returncode != 0:
        shutil.rmtree(scratch, ignore_errors=True)
        kept = "kept the last good build" if target.exists() else "nothing was written"
        print(f"build failed: {target.name}/ {kept}", file=sys.stderr)
        return result.returncode
    make_world_readable(scratch)
    swap_in(scratch, target)
    return 0


def make_world_readable(tree: Path) -> None:
    """Folders 0755, files 0644: a web server running as another user can read everything.

    mkdtemp makes its folder 0700, which a server answers with 403.
    """
    tree.chmod(0o755)
    for folder, folders, files in os.walk(tree):
        for name in folders:
            os.chmod(os.path.join(folder, name), 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)


def swap_in(fresh: Path, target: Path) -> None:
    """Replace target with fresh using renames, so no half-written tree is ever visible."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", default="site", type=Path)
    parser.add_argument("--offline", action="store_true", help="build for file:// (offline plugin on)")
    args = parser.parse_args()
    return build_into(ROOT / args.site_dir, offline=args.offline)


if __name__ == "__main__":
    sys.exit(main())
