"""Reading a case file: bytes in, a ``LoadedCase`` out; never raises for bad input.

The stages, one module each (the shape of cfn-lint's ``decode/``):
``read`` (the bytes, safely, and UTF-8 decoding) → ``compose`` (YAML nodes with their
marks, from libyaml's events, iteratively and within the limits, so no tag can run code
and an alias bomb is refused before anything big exists) → ``build`` (the typed model of
``engine/model``, every problem of the file collected with its line and column).
``types`` holds what they share: ``Limits``, ``CaseError`` and ``LoadedCase``.
Limits and their reasons: docs/limits.md.
"""

from __future__ import annotations

import yaml
from asas.engine.load.build import _Builder, _cross_checks, _describe, _quoted
from asas.engine.load.compose import _compose, _TooBig
from asas.engine.load.read import Unreadable, _decode, read_case_bytes
from asas.engine.load.types import CaseError, Limits, LoadedCase
from asas.engine.model.case import FORMAT_V1, Case
from yaml.nodes import MappingNode, ScalarNode


def _yaml_problem(exc: yaml.YAMLError, text: str) -> tuple[str, int, int]:
    """A parser's error as one message and its line and column."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        return f"not valid YAML: {what}", (mark.line + 1 if mark else 1), \
            (mark.column + 1 if mark else 1)
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml counts the position in bytes of the UTF-8 text
        before = text.encode("utf-8")[:max(exc.position, 0)].decode("utf-8", "replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        char = f" (U+{exc.character:04X})" if isinstance(exc.character, int) else ""
        return f"not valid YAML: {exc.reason}{char}", line, column
    return f"not valid YAML: {type(exc).__name__}", 1, 1


def load_bytes(data: bytes, file: str, limits: Limits = Limits()) -> LoadedCase:
    """Parse and validate one case file's content.  Never raises for bad input."""
    def fail(message, line=1, column=1, path=""):
        return LoadedCase(file, None, [CaseError(line, column, path, message)])

    def fail_at(message, mark, path=""):
        return fail(message, mark.line + 1, mark.column + 1, path) if mark else fail(message)

    if len(data) > limits.max_bytes:
        return fail(f"file is {len(data):,} bytes, over the limit of {limits.max_bytes:,}; "
                    "raise it with --max-bytes")
    text, problem = _decode(data)
    if problem:
        return fail(problem)
    if not text.strip():
        return fail("the file is empty; a case file starts with 'format: asas/v1'")
    try:
        roots = _compose(text, limits)
    except _TooBig as exc:
        return fail_at(str(exc), exc.mark)
    except yaml.YAMLError as exc:
        message, line, column = _yaml_problem(exc, text)
        if "maximum nesting depth" in message:  # libyaml's own bound, about 1000 levels
            message = (f"nested deeper than {limits.max_depth} levels; raise the limit with "
                       "--max-depth" if limits.max_depth < 1000 else
                       "nested deeper than the YAML parser allows (about 1000 levels)")
        return fail(message, line, column)
    except (RecursionError, MemoryError) as exc:  # pragma: no cover - composing is iterative
        return fail(f"not valid YAML: {type(exc).__name__}")
    if not roots:
        return fail("the file holds no YAML document; a case file starts with 'format: asas/v1'")
    root = roots[0]
    if not isinstance(root, MappingNode):
        return fail_at(f"a case file is a mapping of fields, found {_describe(root)}",
                       root.start_mark)
    fmt = next((v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "format"), None)
    if fmt is None:
        return fail("missing 'format: asas/v1' (the first line of a case file)", path="format")
    if not isinstance(fmt, ScalarNode) or fmt.value != FORMAT_V1:
        shown = _describe(fmt)
        m = fmt.start_mark
        return LoadedCase(file, None, [CaseError(
            m.line + 1, m.column + 1, "format",
            f"format {shown} is not supported; this tool reads {FORMAT_V1}", _quoted(fmt))])
    b = _Builder(limits)
    try:
        case = b.obj(root, Case, "")
    except _TooBig as exc:
        return fail_at(str(exc), exc.mark)
    if case is not None:
        _cross_checks(case, b)
    verbatim = {}
    if case is not None and any(s.verbatim is not None for s in case.sessions):
        from asas.engine.verbatim.parse import read_blocks
        verbatim, problems = read_blocks(case, b.values, text)
        b.errors.extend(CaseError(p.line, p.column, path, p.message, p.quoted)
                        for path, p in problems)
    errors = sorted(set(b.errors))
    return LoadedCase(file, case if not errors else None, errors, b.values, b.keys, verbatim)


def load_file(path: str, limits: Limits = Limits()) -> LoadedCase:
    """Read a file (or '-' for standard input) and load it; problems become errors.

    ``path`` may carry a problem found while searching a directory (engine/discover.py),
    reported as the file's one error.
    """
    problem = getattr(path, "problem", None)
    if problem:
        return LoadedCase(path, None, [CaseError(1, 1, "", problem)])
    try:
        if path == "-":
            from asas.engine.load.read import read_stdin_bytes
            data = read_stdin_bytes(limits)
            return load_bytes(data, "<stdin>", limits)
        data = read_case_bytes(path, limits)
    except Unreadable as exc:
        return LoadedCase(path, None, [CaseError(1, 1, "", str(exc))])
    except OSError as exc:
        return LoadedCase(path, None, [CaseError(1, 1, "", f"cannot read: {exc.strerror or exc}")])
    return load_bytes(data, path, limits)
