"""How well the verbatim tagger agrees with an expert's codes (spec/verbatim.md).

    python bench/verbatim_accuracy.py [FILES...] [--by-file] [--markdown] [--errors CODE]

Default files: the labelled sessions in ../shared/verbatim/dev*.yaml (counselor turns
carry the expert's codes after ' | '; '# expect-session N: ...' header lines say what
each session shows).  Prints, per code, precision, recall and F1 over counselor turns
(a turn may carry several codes: each code is a yes/no decision per turn); the macro-F1
over codes with five or more examples; Cohen's kappa over (turn, code) decisions and
over each turn's main code; and the session measures (talk share error, the opening
flags and the client's decision) against the header lines.

--by-file gives the same figures file by file (the layouts differ from file to file, so
their spread is the honest sign of how the tagger meets a layout it has not seen).
"""

from __future__ import annotations

import glob
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "..", "shared", "verbatim")


def _files(args):
    skip = {args.index("--errors") + 1} if "--errors" in args else set()
    files = [a for i, a in enumerate(args) if not a.startswith("--") and i not in skip]
    if files:
        return files
    for base in (DEFAULT, "/work/shared/verbatim"):
        found = sorted(glob.glob(os.path.join(base, "dev*.yaml")))
        if found:
            return found
    sys.exit("no labelled files found; give them as arguments")


def evaluate(files):
    from asas.engine.load.loader import load_file
    from asas.engine.verbatim.analyse import analyse
    from asas.engine.verbatim.parse import CODES
    tp, fp, fn = Counter(), Counter(), Counter()
    pairs = []           # (gold set, tagged set) per counselor turn
    sessions = []        # (file, number, expected dict, measures)
    errors = []
    for path in files:
        loaded = load_file(path)
        if not loaded.valid:
            raise SystemExit("\n".join(e.format(path) for e in loaded.errors))
        text = open(path, encoding="utf-8").read()
        for idx, m in sorted(analyse(loaded).items()):
            head = re.search(rf"^# expect-session {idx + 1}: (.*)$", text, re.M)
            expected = dict(re.findall(r"(\w+)=([\w.]+)", head.group(1))) if head else {}
            sessions.append((path, m.number, expected, m))
            for tt in m.turns:
                if tt.turn.speaker != "counselor":
                    continue
                gold, got = set(tt.turn.labels), set(tt.codes)
                pairs.append((gold, got))
                for c in gold & got:
                    tp[c] += 1
                for c in got - gold:
                    fp[c] += 1
                for c in gold - got:
                    fn[c] += 1
                if gold != got:
                    errors.append((path, m.number, tt.turn.index, sorted(gold), sorted(got),
                                   tt.turn.text))
    return CODES, tp, fp, fn, pairs, sessions, errors


def kappa_binary(pairs, codes):
    """Cohen's kappa over every (turn, code) yes/no decision."""
    n = agree = yes_gold = yes_got = 0
    for gold, got in pairs:
        for c in codes:
            a, b = c in gold, c in got
            n += 1
            agree += a == b
            yes_gold += a
            yes_got += b
    po = agree / n
    pe = (yes_gold / n) * (yes_got / n) + (1 - yes_gold / n) * (1 - yes_got / n)
    return (po - pe) / (1 - pe)


def kappa_main(pairs, codes):
    """Cohen's kappa over one code per turn: the first of the codes in the order of the
    vocabulary that both sides' sets are read in (the usual single-label κ)."""
    order = {c: i for i, c in enumerate(codes)}

    def main(s):
        return min(s, key=order.get) if s else "-"
    a = [main(g) for g, _ in pairs]
    b = [main(t) for _, t in pairs]
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return (po - pe) / (1 - pe)


def table(codes, tp, fp, fn):
    rows, f1s = [], []
    for c in codes:
        n = tp[c] + fn[c]
        if not n and not fp[c]:
            continue
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 0.0
        r = tp[c] / n if n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((c, n, p, r, f))
        if n >= 5:
            f1s.append(f)
    return rows, (sum(f1s) / len(f1s) if f1s else 0.0), len(f1s)


def session_figures(sessions):
    share_err, flags, flag_ok = [], 0, 0
    for _, _, exp, m in sessions:
        if "talk_share" in exp and m.talk_share is not None:
            share_err.append(abs(m.talk_share - float(exp["talk_share"])))
        got = dict(m.opening, decision=m.client_decision)
        for k in ("confidentiality", "limits", "voluntariness", "purpose", "decision"):
            if k in exp:
                flags += 1
                flag_ok += (exp[k] == "yes") == got[k]
    return (max(share_err) if share_err else None,
            sum(share_err) / len(share_err) if share_err else None, flag_ok, flags)


def report(files, markdown=False, show_errors=None):
    codes, tp, fp, fn, pairs, sessions, errors = evaluate(files)
    rows, macro, counted = table(codes, tp, fp, fn)
    worst, mean, ok, flags = session_figures(sessions)
    if markdown:
        print("| code | n | P | R | F1 |\n|---|---:|---:|---:|---:|")
        for c, n, p, r, f in rows:
            print(f"| `{c}` | {n} | {p:.2f} | {r:.2f} | {f:.2f} |")
    else:
        print(f"{'code':24} {'n':>4} {'P':>5} {'R':>5} {'F1':>5}")
        for c, n, p, r, f in rows:
            print(f"{c:24} {n:>4} {p:5.2f} {r:5.2f} {f:5.2f}")
    exact = sum(g == t for g, t in pairs) / len(pairs)
    print(f"\n{len(files)} file(s), {len(sessions)} session(s), {len(pairs)} counselor turns")
    print(f"macro-F1 over {counted} codes with >= 5 examples: {macro:.3f}")
    print(f"Cohen's kappa, every (turn, code) decision: {kappa_binary(pairs, codes):.3f}; "
          f"one main code per turn: {kappa_main(pairs, codes):.3f}")
    print(f"turns whose whole code set matches: {exact:.1%}")
    if worst is not None:
        print(f"talk share: largest error {worst:.4f}, mean {mean:.4f} "
              f"(expected values are rounded to 0.01)")
    print(f"session flags (confidentiality, limits, voluntariness, purpose, decision): "
          f"{ok}/{flags} as expected")
    if show_errors:
        for e in errors:
            if show_errors == "all" or show_errors in e[3] + e[4]:
                print(f"{os.path.basename(e[0])} s{e[1]} t{e[2]} gold={e[3]} got={e[4]}  "
                      f"{e[5][:110]}")
    return macro


def main(argv):
    files = _files(argv)
    show = argv[argv.index("--errors") + 1] if "--errors" in argv else None
    if "--by-file" in argv:
        for path in files:
            print(f"== {os.path.basename(path)}")
            report([path])
            print()
        print("== all files")
    report(files, "--markdown" in argv, show)


if __name__ == "__main__":
    main(sys.argv[1:])
