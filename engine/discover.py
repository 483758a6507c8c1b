"""Which files a check covers: files as given, directories searched for *.yaml / *.yml."""

from __future__ import annotations

import os

SUFFIXES = (".yaml", ".yml")


def case_paths(paths) -> list[str]:
    """Files to check, in a stable order, each once (by its real path).

    A directory is searched recursively, without following links to directories
    (which could loop); files given by name are taken whatever their suffix.
    """
    found: list[str] = []
    seen: set[str] = set()

    def add(path):
        key = path if path == "-" else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            found.append(path)

    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.endswith(SUFFIXES) and not name.startswith("."):
                        add(os.path.join(root, name))
        else:
            add(path)
    return found
