"""A rule's examples run for real: the failing example (changes to cases/exemplary.yaml)
checked, so that a rule page can show its message with the values that example gives
instead of raw placeholders."""

from __future__ import annotations

import copy
import re

import yaml

from asas.engine.load.loader import load_bytes
from asas.engine.run.bundled import bundled_cases_dir
from asas.engine.run.pipeline import check_loaded

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def patched(changes: dict, base: dict) -> dict:
    """A copy of ``base`` with each ``path: value`` set; ``None`` removes the field; an
    index one past the end of ``sessions`` adds a session copied from the last one."""
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


def example_params(doc) -> dict:
    """The parameters the rule's finding gets on its failing example ({} if none)."""
    try:
        base = yaml.safe_load((bundled_cases_dir() / "exemplary.yaml").read_text("utf-8"))
        data = patched(doc.fail, base)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
        loaded = load_bytes(text, "<example>")
        if not loaded.valid:
            return {}
        result = check_loaded(loaded)
    except (OSError, yaml.YAMLError):
        return {}
    found = next((f for f in result.findings if f.id == doc.id), None)
    if found is None:
        defeated = next((d for d in result.defeated if d.id == doc.id), None)
        return dict(defeated.params) if defeated else {}
    return dict(found.params)
