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
from yaml.nodes import MappingNode, ScalarNode

from asas.engine.i18n.messages import Msg, number
from asas.engine.load.build import _Builder, _cross_checks, _describe, _quoted
from asas.engine.load.compose import _compose, _TooBig
from asas.engine.load.read import Unreadable, _decode, read_case_bytes
from asas.engine.load.types import CaseError, Limits, LoadedCase, os_error
from asas.engine.load.yaml_errors import _plain, explain
from asas.engine.model.case import FORMAT_V1, Case


def _yaml_problem(exc: yaml.YAMLError, text: str) -> tuple[Msg, int, int, tuple]:
    """A parser's error as one message, its line and column, and the text it quotes."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        lines = text.split("\n")
        context = exc.context_mark.line + 1 if exc.context_mark else None
        found = explain(str(exc.problem or ""), exc.context, line, column, context, lines)
        if found is not None:
            return found.msg(), found.line, found.column, found.quoted
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        if 0 < line <= len(lines) and lines[line - 1].strip():
            shown = _plain(lines[line - 1].strip())
            return Msg.of("load.yaml", why=what + ".", n=line, text=shown), line, column, \
                (shown,)
        return Msg.of("load.not_yaml", what=what), line, column, ()
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml counts the position in bytes of the UTF-8 text
        before = text.encode("utf-8")[:max(exc.position, 0)].decode("utf-8", "replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        char = f" (U+{exc.character:04X})" if isinstance(exc.character, int) else ""
        return Msg.of("load.not_yaml", what=f"{exc.reason}{char}"), line, column, ()
    return Msg.of("load.not_yaml", what=type(exc).__name__), 1, 1, ()


def load_bytes(data: bytes, file: str, limits: Limits = Limits()) -> LoadedCase:
    """Parse and validate one case file's content.  Never raises for bad input."""
    loaded = _load_bytes(data, file, limits)
    if loaded.case is None and loaded.errors:
        # given a verbatim (or a Word file) instead of a case: say which command reads it
        from asas.engine.load.verbatim_file import not_a_case
        loaded.errors.extend(not_a_case(data, loaded.errors[0].code))
    return loaded


def _load_bytes(data: bytes, file: str, limits: Limits) -> LoadedCase:
    def fail(msg, line=1, column=1, path="", quoted=()):
        return LoadedCase(file, None, [CaseError.of(line, column, path, msg, quoted)])

    def fail_at(message, mark, path=""):
        return fail(message, mark.line + 1, mark.column + 1, path) if mark else fail(message)

    if len(data) > limits.max_bytes:
        return fail(Msg.of("load.too_many_bytes", n=number(len(data)),
                           m=number(limits.max_bytes)))
    text, problem = _decode(data)
    if text is None:   # and problem says why
        return fail(problem)
    if not text.strip():
        return fail(Msg.of("load.empty"))
    try:
        roots = _compose(text, limits)
    except _TooBig as exc:
        return fail_at(exc.msg, exc.mark)
    except yaml.YAMLError as exc:
        message, line, column, quoted = _yaml_problem(exc, text)
        if "maximum nesting depth" in str(message):  # libyaml's own bound, ~1000 levels
            message = (Msg.of("load.too_deep", n=limits.max_depth) if limits.max_depth < 1000
                       else Msg.of("load.parser_depth"))
        return fail(message, line, column, quoted=quoted)
    except (RecursionError, MemoryError) as exc:  # pragma: no cover - composing is iterative
        return fail(Msg.of("load.not_yaml", what=type(exc).__name__))
    if not roots:
        return fail(Msg.of("load.no_document"))
    root = roots[0]
    if not isinstance(root, MappingNode):
        return fail_at(Msg.of("load.not_mapping", found=_describe(root)), root.start_mark)
    fmt = next((v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "format"), None)
    if fmt is None:
        return fail(Msg.of("load.no_format"), path="format")
    if not isinstance(fmt, ScalarNode) or fmt.value != FORMAT_V1:
        shown = _describe(fmt)
        m = fmt.start_mark
        return LoadedCase(file, None, [CaseError.of(
            m.line + 1, m.column + 1, "format",
            Msg.of("load.bad_format", value=shown, format=FORMAT_V1), _quoted(fmt))])
    b = _Builder(limits)
    try:
        case = b.obj(root, Case, "")
    except _TooBig as exc:
        return fail_at(exc.msg, exc.mark)
    if case is not None:
        _cross_checks(case, b)
    if b.errors:
        b.errors[:] = [_verbatim_not_text(e) for e in b.errors]
    verbatim = {}
    if case is not None and any(s.verbatim is not None for s in case.sessions):
        from asas.engine.verbatim.parse import read_blocks
        verbatim, problems = read_blocks(case, b.values, text)
        b.errors.extend(CaseError.of(p.line, p.column, path, p.msg, p.quoted)
                        for path, p in problems)
    errors = sorted(set(b.errors))
    return LoadedCase(file, case if not errors else None, errors, b.values, b.keys, verbatim)


def _verbatim_not_text(error: CaseError) -> CaseError:
    """A session's verbatim written as a mapping or a list (its '|' left out, so its
    turns read as fields: "Ko: ..."): the verbatim's own message, which says what to
    write, instead of "expected text, found a mapping"."""
    if error.code == "load.expected" and error.path.endswith(".verbatim") \
            and error.path.startswith("sessions["):
        return CaseError.of(error.line, error.column, error.path,
                            Msg.of("verbatim.not_block"), error.quoted)
    return error


def load_file(path: str, limits: Limits = Limits()) -> LoadedCase:
    """Read a file (or '-' for standard input) and load it; problems become errors.

    ``path`` may carry a problem found while searching a directory (engine/discover.py),
    reported as the file's one error.
    """
    problem = getattr(path, "problem", None)
    if problem:
        return LoadedCase(path, None, [CaseError.of(1, 1, "", problem)])
    try:
        if path == "-":
            from asas.engine.load.read import read_stdin_bytes
            data = read_stdin_bytes(limits)
            return load_bytes(data, "<stdin>", limits)
        data = read_case_bytes(path, limits)
    except Unreadable as exc:
        return LoadedCase(path, None, [CaseError.of(1, 1, "", exc.msg)])
    except OSError as exc:
        return LoadedCase(path, None, [CaseError.of(1, 1, "", Msg.of("load.cannot_read",
                                                                     why=os_error(exc)))])
    return load_bytes(data, path, limits)
