"""The verdict table of two runs over the same case files, as Markdown: each case's
status per principle (✓ upheld, ! at risk, ✗ violated, ? not assessed) and its findings,
before and after, the rows that differ marked.

    # in a worktree of the older commit, with the package importable as asas:
    python -m asas check cases/*.yaml --format json --fail-on never --no-cache > before.json
    asas check cases/*.yaml --format json --fail-on never --no-cache > after.json
    python bench/verdict_table.py before.json after.json

Both runs must read the same files (give the old code today's cases/): a file the old
code cannot read shows the error it gave.
"""

import json
import os
import sys

SYM = {"upheld": "✓", "at_risk": "!", "violated": "✗", "not_assessed": "?"}


def rows(path: str) -> tuple[list[str], dict]:
    report = json.load(open(path, encoding="utf-8"))
    principles = report["principles"]
    out = {}
    for case in report["cases"]:
        name = os.path.basename(case["file"]).removesuffix(".yaml")
        if not case["valid"]:
            first = case["errors"][0]
            out[name] = (f"invalid ({first.get('code') or first['message'][:40]})", "")
            continue
        status = "".join(SYM[case["principles"][p]["status"]] for p in principles)
        out[name] = (status, " ".join(sorted({f["id"] for f in case["findings"]})) or "—")
    return principles, out


def main(before_path: str, after_path: str) -> None:
    principles, before = rows(before_path)
    _, after = rows(after_path)
    print(f"status order: {' '.join(principles)}\n")
    print("| case | before | after | findings before | findings after |")
    print("|---|---|---|---|---|")
    changed = 0
    for name in sorted(after):
        b = before.get(name, ("(absent)", ""))
        a = after[name]
        mark = " **≠**" if b != a else ""
        changed += b != a
        print(f"| {name}{mark} | {b[0]} | {a[0]} | {b[1]} | {a[1]} |")
    print(f"\n{changed} of {len(after)} rows changed.")


if __name__ == "__main__":
    main(*sys.argv[1:3])
