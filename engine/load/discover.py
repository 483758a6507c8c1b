"""Which files a check covers: files as given, directories searched for *.yaml / *.yml."""

from __future__ import annotations

import os

from asas.engine.i18n.messages import Msg
from asas.engine.load.types import os_error

SUFFIXES = (".yaml", ".yml")


class Problem(str):
    """A path that could not be searched, carrying what went wrong.

    It is still a ``str``, so it travels through the batch like any path;
    ``load.load_file`` reports ``problem`` as the file's one located error.
    """

    problem: Msg

    def __new__(cls, path: str, problem: Msg):
        obj = super().__new__(cls, path)
        obj.problem = problem
        return obj

    def __reduce__(self):  # for worker processes (check --jobs)
        return (Problem, (str(self), self.problem))


def _identity(path: str):
    """The same file under any name (links, ``./``, hard links) has one identity."""
    try:
        st = os.stat(path)
    except OSError:
        return ("path", os.path.abspath(path))
    return (st.st_dev, st.st_ino)


def case_paths(paths) -> list[str]:
    """Files to check, in a stable order, each once.

    A directory is searched recursively for *.yaml and *.yml, skipping names that start
    with a dot; links to folders are followed, but no folder is searched twice, so a
    link loop ends.  A folder that cannot be listed, or that holds no case file, comes
    back as a :class:`Problem`.  Files named directly are taken whatever their suffix.
    """
    found: list[str] = []
    seen: set = set()

    def add(path):
        key = "-" if path == "-" else _identity(path)
        if key not in seen:
            seen.add(key)
            found.append(path)

    for path in paths:
        if path == "-" or not os.path.isdir(path):
            add(path)
            continue
        errors: list[OSError] = []
        matched = 0
        folders = {_identity(path)}
        for root, dirs, files in os.walk(path, onerror=errors.append, followlinks=True):
            keep = []
            for name in sorted(dirs):
                if name.startswith("."):
                    continue
                key = _identity(os.path.join(root, name))
                if key not in folders:
                    folders.add(key)
                    keep.append(name)
            dirs[:] = keep
            for name in sorted(files):
                if name.endswith(SUFFIXES) and not name.startswith("."):
                    matched += 1
                    add(os.path.join(root, name))
        for error in errors:
            where = error.filename or path
            found.append(Problem(where, Msg.of("load.cannot_list", why=os_error(error))))
        if not matched and not errors:
            found.append(Problem(path, Msg.of("load.no_case_files")))
    return found
