"""`make bench`: speed and size figures, printed as one table.

Each tools/bench_<topic>.py module exposes `measure() -> list[Row]`, where a
Row is (metric, value, budget or note). This script runs them all in name
order and prints their rows; it fails (exit 1) if a module marks a row as
over budget by returning a note that starts with "OVER".
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
sys.path.insert(0, str(TOOLS.parent / "hooks"))

Row = tuple[str, str, str]


def main() -> int:
    rows: list[Row] = []
    for module_path in sorted(TOOLS.glob("bench_*.py")):
        module = importlib.import_module(module_path.stem)
        print(f"… {module_path.stem}", file=sys.stderr, flush=True)
        rows.extend(module.measure())
    print_table(rows)
    return 1 if any(note.startswith("OVER") for _, _, note in rows) else 0


def print_table(rows: list[Row]) -> None:
    headers = ("metric", "value", "budget / note")
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(3)]
    for row in [headers, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())


if __name__ == "__main__":
    sys.exit(main())
