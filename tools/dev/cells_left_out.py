#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Why the cells ogi leaves out are left out: each cell of a report's truth that `ogi parse` does
not emit, counted by the table diagnostic that names its row (or, where none does, its table).

    python3 tools/dev/cells_left_out.py build/tools/ogi ../shared/practice [MORE_DIRS...]

A directory holds reports as the practice sets do: REPORT/truth.json and REPORT/variants/*.txt.
Prints the counts by diagnostic code (codes joined with + where a row carries several), then per
dump tool. `table.cells_ambiguous` means several readings hold every identity the table has:
the text alone does not settle those cells. `table.row_values_missing` and
`table.row_values_unplaced` mean no reading of the row was made at all: the values were not tied
to it, or not to its columns.
"""
import collections
import glob
import json
import os
import subprocess
import sys


def named_by(diagnostics):
    """(table, row) → codes, table → codes, of the tables' warnings (info findings name cells read)."""
    by_row, by_table = collections.defaultdict(set), collections.defaultdict(set)
    for d in diagnostics:
        if not d.get("code", "").startswith("table.") or d.get("severity") == "info":
            continue
        if d.get("row"):
            by_row[(d.get("table"), d["row"])].add(d["code"])
        elif d.get("table"):
            by_table[d["table"]].add(d["code"])
    return by_row, by_table


def left_out(ogi, dump, truth):
    """The codes naming each truth cell the parse of `dump` does not emit."""
    out = json.loads(subprocess.run([ogi, "parse", dump], capture_output=True, check=False).stdout or "{}")
    by_row, by_table = named_by(out.get("diagnostics", []))
    for table, rows in truth.items():
        emitted = (out.get("tables", {}).get(table) or {}).get("rows") or {}
        for row, cells in rows.items():
            got = emitted.get(row) or {}
            for column in cells:
                if column in got:
                    continue
                codes = by_row.get((table, row)) or by_table.get(table) or {"(no diagnostic)"}
                yield "+".join(sorted(codes))


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    ogi = argv[1]
    total, per_tool = collections.Counter(), collections.defaultdict(collections.Counter)
    for d in argv[2:]:
        for truth_path in sorted(glob.glob(os.path.join(d, "*", "truth.json"))):
            with open(truth_path, encoding="utf-8") as f:
                truth = json.load(f)["tables"]
            for dump in sorted(glob.glob(os.path.join(os.path.dirname(truth_path), "variants", "*.txt"))):
                tool = os.path.basename(dump)[:-4]
                for why in left_out(ogi, dump, truth):
                    total[why] += 1
                    per_tool[tool][why] += 1
    print(f"{sum(total.values())} cells left out")
    for why, n in total.most_common():
        print(f"{n:7d}  {why}")
    print()
    for tool, counts in sorted(per_tool.items()):
        top = ", ".join(f"{why} {n}" for why, n in counts.most_common(3))
        print(f"{tool}: {sum(counts.values())} ({top})")


if __name__ == "__main__":
    main(sys.argv)
