"""Building test cases from the exemplary case plus a few changed fields."""

from __future__ import annotations

import copy
import importlib.util
import re
from pathlib import Path

import yaml

from asas.engine.load.loader import load_bytes
from asas.engine.run.pipeline import check_loaded

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases"
EXEMPLARY = yaml.safe_load((CASES / "exemplary.yaml").read_text(encoding="utf-8"))

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def bench_module(stem: str):
    """``bench/<stem>.py`` (bench/ is not part of the package), imported from its file."""
    spec = importlib.util.spec_from_file_location(f"asas_bench_{stem}",
                                                  ROOT / "bench" / f"{stem}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generator():
    """bench/generate.py (the seeded case generator)."""
    return bench_module("generate")


def patched(changes: dict, base: dict = EXEMPLARY) -> dict:
    """A copy of ``base`` with each ``path: value`` set; ``None`` removes the field.

    An index one past the end of ``sessions`` adds a session copied from the last one.
    """
    data = copy.deepcopy(base)
    for path, value in changes.items():
        parts = [(m.group(1), m.group(2)) for m in _PART.finditer(path)]
        node = data
        for i, (key, index) in enumerate(parts):
            last = i == len(parts) - 1
            if index is not None:
                index = int(index)
                if index == len(node) and node and isinstance(node[-1], dict):
                    extra = copy.deepcopy(node[-1])
                    if "number" in extra:
                        extra["number"] = index + 1
                    node.append(extra)
                if last:
                    node[index] = value
                else:
                    node = node[index]
            elif last:
                if value is None:
                    node.pop(key, None)
                else:
                    node[key] = value
            else:
                nxt = parts[i + 1]
                node = node.setdefault(key, [] if nxt[1] is not None else {})
    return data


class _Dumper(yaml.SafeDumper):
    """Text of several lines (a verbatim) as a literal block, as a case file writes it."""


_Dumper.add_representer(str, lambda d, s: d.represent_scalar(
    "tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))


def dump(data: dict) -> bytes:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False).encode("utf-8")


def check_data(data: dict, **kwargs):
    loaded = load_bytes(dump(data), "<test>")
    assert loaded.valid, [e.format("<test>") for e in loaded.errors]
    return check_loaded(loaded, **kwargs)


def ids(result) -> set[str]:
    return {f.id for f in result.findings}


def find(result, rule_id, session="any"):
    """The one finding ``rule_id`` of ``result`` (in ``session``, unless "any")."""
    hits = [f for f in result.findings
            if f.id == rule_id and (session == "any" or f.session == session)]
    assert len(hits) == 1, (rule_id, session, [(f.id, f.session) for f in result.findings])
    return hits[0]


def write_batch(path: Path, plain: int, longer: int, seed: int) -> Path:
    """A class folder as a batch meets it: ``a/`` with ``plain`` generated cases, ``b/``
    with ``longer`` four-session ones and a file that is not valid YAML."""
    gen = generator()
    gen.write_cases(path / "a", plain, seed=seed)
    gen.write_cases(path / "b", longer, seed=seed + 1, sessions=4)
    (path / "b" / "broken.yaml").write_text("format: asas/v1\ncase: [\n", encoding="utf-8")
    return path


def invoke(*args):
    """``asas ARGS`` through click's runner; any exit but 0, 1 or 2 fails the test."""
    from click.testing import CliRunner

    from asas.cli import cli
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), result.output
    return result
