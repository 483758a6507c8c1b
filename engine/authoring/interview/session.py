"""``asas interview``, the walk: the questions a supervisor would ask, one at a time, and a valid
case file at the end.

The interview walks the format in ``model.py`` (the case first, then session by
session) and asks each field's question from ``QUESTIONS``, keyed by the field's path
(``sessions[].opening.confidentiality_explained``).  A field without a question there
is still asked, with its own documentation as the question; tests/test_interview.py
fails until it has one.  Answers are checked as they are typed and asked again when
they cannot be used; "don't know" (or Enter) leaves an observation undocumented.

All input goes through one ``prompt(text) -> str`` function (``click.prompt`` by
default), so piped answers and click's CliRunner work, and end of input raises
``click.Abort`` for the command to report.
"""

from __future__ import annotations

import copy
import datetime
import difflib
import json
import os
import re

import click

from asas.engine.authoring.interview.answers import (  # noqa: F401 - re-exported
    DONT_KNOW,
    MISSING,
    NO,
    NONE,
    YES,
    Invalid,
    _norm,
    _t,
    message,
)
from asas.engine.authoring.interview.help import GROUPS, HELP, MENU
from asas.engine.authoring.interview.questions import (
    CONDITIONS,
    DEFERRED,
    MAXIMUM,
    QUESTIONS,
    SAME_AS,
    TOGETHER,
    VARIANTS,
    Auto,
    Q,
)
from asas.engine.authoring.template import (
    SCHEMA_FILE,
    nullable_object,
    render_case,
    value_label,
)
from asas.engine.i18n import labels
from asas.engine.model.case import FORMAT_V1, CaseInfo, FieldSpec, Session, fields_of


def _click_prompt(text: str) -> str:
    return click.prompt(text, default="", show_default=False, prompt_suffix=" ")


class Interview:
    """One interview.  ``prompt(text) -> str`` reads one answer; ``echo`` prints."""

    def __init__(self, lang: str = "en", prompt=None, echo=None, questions=None,
                 profile=None):
        self.lang = lang
        # the fields only some profiles judge are asked when the profile asks for them
        from asas.engine.authoring.template import _asks
        self.asks = _asks(profile)
        self.prompt = prompt or _click_prompt
        self.echo = echo or click.echo
        self.questions = QUESTIONS if questions is None else questions
        self.case: dict = {}
        self.sessions: list[dict] = []
        self.session: dict = {}
        self.index = 0
        self.path = ""    # the generic path of the question being asked (for scripts)
        self.where = ""   # ... and the concrete one (sessions[1].client.activity)

    # -- texts -------------------------------------------------------------------
    def t(self, key: str, **params) -> str:
        return _t(key, self.lang, **params)

    def question(self, path: str, spec: FieldSpec | None) -> str:
        """The question for ``path``: its own, else the field's documentation (a heading
        such as "case" has no field: ``spec`` None)."""
        variant = VARIANTS.get(path)
        if variant is not None and path in self.questions and variant[0](self):
            return variant[1].get(self.lang)
        entry = self.questions.get(path)
        if isinstance(entry, Q):
            return entry.get(self.lang)
        if spec is None:
            raise KeyError(f"no question for {path!r}")
        return spec.id if self.lang == "id" else spec.en   # the field's own documentation

    def help(self, path: str, owner, spec: FieldSpec | None):
        """What ``?`` says: what counts, with an example (interview/help.py), then how to
        answer here, in the interview's own words (never the file's ``true`` or ``[]``)."""
        entry = HELP.get(path.rstrip("=+"))
        group = TOGETHER.get(path.rsplit(".", 1)[0])
        if group is not None and path.endswith("." + group.key):
            said = group.help_id if self.lang == "id" else group.help_en
            spec = None
        elif entry is not None:
            said = entry.get(self.lang)
        elif spec is not None:      # a field without help yet: its own documentation
            said = spec.id if self.lang == "id" else spec.en
        else:
            said = ""
        how = "" if group is not None and spec is None else self.answer_help(path, spec)
        self.echo("  " + " ".join(p for p in (said, how) if p))

    def answer_help(self, path: str, spec: FieldSpec | None) -> str:
        if spec is None or path.endswith(("=", "+")):
            return self.t("help_answers_gate")
        if spec.kind == "list" and spec.item_spec.kind == "str":
            return self.t("help_answers_texts")
        if spec.kind == "list":
            return self.t("help_answers_choices_closed" if spec.closed
                          else "help_answers_choices")
        if spec.required:
            return self.t("help_answers_required")
        if spec.kind == "bool":
            return self.t("help_answers_bool")
        if spec.kind == "enum":
            return self.t("help_answers_choice")
        if spec.kind in ("int", "float"):
            low, high = self._bounds(spec, path)
            bounds = self.t("range", low=f"{low:g}", high=f"{high:g}") \
                if low is not None and high is not None else ""
            if spec.kind == "float":
                bounds = self.t("help_share_range")
            return self.t("help_answers_number", range=bounds)
        if spec.kind == "date":
            return self.t("help_answers_date")
        return self.t("help_answers_text")

    # -- reading -----------------------------------------------------------------
    def read(self, text: str, path: str, where: str) -> str:
        """One answer; one holding a control character (what an arrow key types where
        there is no line editing) is refused here and asked again, not at the end."""
        from asas.engine.load.types import _CONTROL
        self.path, self.where = path, where
        while True:
            raw = self.prompt(text).strip()
            bad = _CONTROL.search(raw)
            if bad is None:
                return raw
            self.echo("  " + self.t("control_char", char=f"U+{ord(bad.group()):04X}"))

    def ask(self, text, path, where, parse, owner=None, spec=None):
        """Ask until ``parse(raw)`` returns; it raises Invalid with what to say."""
        while True:
            raw = self.read(text, path, where)
            if raw == "?":
                self.help(path, owner, spec)
                continue
            try:
                return parse(raw)
            except Invalid as exc:
                self.echo(f"  {exc}")

    def yes_no(self, raw: str, optional: bool):
        answer = _norm(raw)
        if answer in YES:
            return True
        if answer in NO:
            return False
        if optional and answer in DONT_KNOW:
            return MISSING
        raise Invalid(self.t("bad_bool" if optional else "bad_gate"))

    def gate(self, text: str, path: str, where: str) -> bool:
        """A yes/no question that opens a group (Enter or don't know: no)."""
        value = self.ask(f"{text} {self.t('gate_hint')}", path, where,
                         lambda raw: False if _norm(raw) in DONT_KNOW
                         else self.yes_no(raw, optional=False))
        return value is True

    # -- the walk ----------------------------------------------------------------
    def run(self, existing: dict | None = None) -> dict:
        """The whole interview; with ``existing`` (a case file's data), only the sessions
        after its last one (``asas interview FILE --append-session``)."""
        self.echo(self.t("intro"))
        if existing is not None:
            self.case = copy.deepcopy(existing.get("case") or {})
            self.sessions = copy.deepcopy(existing.get("sessions") or [])
        data = {"format": FORMAT_V1, "case": self.case, "sessions": self.sessions}
        if existing is not None and existing.get("asas") is not None:
            data["asas"] = copy.deepcopy(existing["asas"])   # its suppressions, kept
        if existing is None:
            self.heading(self.question("case", None))
            self.walk(CaseInfo, self.case, "case", "case", skip=DEFERRED)
        else:
            self.echo(self.t("appending", n=len(self.sessions) + 1))
        while True:
            self.index = len(self.sessions)
            self.session = {"number": self.index + 1}
            self.sessions.append(self.session)
            self.echo("")
            self.echo(f"=== {self.t('session')} {self.index + 1} ===")
            self.walk(Session, self.session, "sessions[]", f"sessions[{self.index}]",
                      heading=False)
            entry = self.questions.get("sessions")
            text = entry.get(self.lang) if isinstance(entry, Q) else self.t("another")
            if not self.gate(text, "sessions", "sessions"):
                break
        self.heading(self.t("finally"))
        specs = {s.name: s for s in fields_of(CaseInfo)}
        for path in DEFERRED:
            name = path.split(".")[-1]
            if specs[name].profile_only and not (self.asks is not None and self.asks(path)):
                continue
            if name not in self.case:
                self.field(CaseInfo, specs[name], self.case, path, path)
        return data

    def heading(self, text: str):
        self.echo("")
        self.echo(f"— {text} —")

    def walk(self, cls, target: dict, path: str, where: str, skip=(), heading=True):
        together = TOGETHER.get(path)
        passed: set[str] = set()
        for spec in fields_of(cls):
            sub, sub_where = f"{path}.{spec.name}", f"{where}.{spec.name}"
            if sub in skip or spec.name in passed:
                continue
            if together is not None and spec.name == together.fields[0] \
                    and all(f"{path}.{name}" in self.questions for name in together.fields) \
                    and self.none_together(together, cls, target, f"{path}.{together.key}",
                                           f"{where}.{together.key}"):
                passed.update(together.fields)
                continue
            if spec.profile_only and not (self.asks is not None and self.asks(sub)):
                continue
            self.field(cls, spec, target, sub, sub_where)

    def none_together(self, together, cls, target: dict, path: str, where: str) -> bool:
        """The combined question of ``together``; True when the answer is no, and then its
        fields are recorded as none (False, or no item)."""
        def parse(raw):
            answer = _norm(raw)
            if answer in DONT_KNOW:
                return True        # not sure: each is asked
            return self.yes_no(raw, optional=False)

        text = f"{together.question.get(self.lang)} {self.t('together_hint')}"
        if self.ask(text, path, where, parse) is not False:
            return False
        specs = {s.name: s for s in fields_of(cls)}
        for name in together.fields:
            target[name] = [] if specs[name].kind == "list" else False
        self.echo(f"  {self.t('together_none')}")
        return True

    def field(self, owner, spec: FieldSpec, target: dict, path: str, where: str):
        entry = self.questions.get(path)
        if isinstance(entry, Auto):
            return   # filled in by the walk itself
        condition = CONDITIONS.get(path)
        if condition is not None and not condition(self):
            return
        headed = False
        if spec.kind == "object" and path in SAME_AS and self.index > 0:
            before = self.sessions[self.index - 1].get(spec.name)
            if before is not None:
                self.heading(self.question(path, spec))
                headed = True
                if self.ask(f"{self.t('same_as', n=self.index)} {self.t('same_as_hint')}",
                            path + "=", where + "=",
                            lambda raw: True if _norm(raw) in DONT_KNOW
                            else self.yes_no(raw, optional=False)):   # Enter: the same
                    target[spec.name] = copy.deepcopy(before)
                    self.echo(f"  {self.t('same_copied', n=self.index)}")
                    return
        if spec.kind == "object":   # filled in place: later questions may depend on it
            sub: dict | None = {}
            target[spec.name] = sub
            if nullable_object(owner, spec):
                if not self.gate(self.question(path, spec), path, where):
                    sub = None
            elif not headed:
                self.heading(self.question(path, spec))
            if sub is not None:
                self.walk(spec.cls, sub, path, where)
            if not sub:
                del target[spec.name]
            return
        value = self.value(owner, spec, path, where)
        if value is not MISSING:
            target[spec.name] = value

    def value(self, owner, spec: FieldSpec, path: str, where: str):
        text = self.question(path, spec)
        if path == "sessions[].verbatim":
            return self.verbatim(text, path, where)
        if spec.kind == "list" and spec.item_spec.kind == "object":
            return self.object_list(spec, text, path, where)
        if spec.kind == "list" and spec.item_spec.kind == "str":
            return self.texts(owner, spec, text, path, where)
        if spec.kind == "list":
            return self.choices(owner, spec, text, path, where)
        if spec.kind == "enum":
            return self.choice(owner, spec, text, path, where)
        if spec.kind == "bool":
            answer = self.ask(f"{text} {self.t('bool_hint')}", path, where,
                              lambda raw: self.yes_no(raw, optional=True), owner, spec)
            if answer is MISSING:
                self.echo(f"  {self.t('undocumented')}")
            return answer
        return self.scalar(owner, spec, text, path, where)

    # -- kinds of answers ----------------------------------------------------------
    def verbatim(self, text: str, path: str, where: str):
        """A pasted verbatim: many lines, up to a line with a single '.', or the path of
        its file; read as ``asas check`` reads it (a heading copied with it left out,
        as ``verbatim import`` leaves a file's out), and pasted again (or left out) when
        it cannot be."""
        from asas.engine.i18n.loader_messages import error_text
        if not self.gate(text, path, where):
            return MISSING
        while True:
            entry = self.questions.get(path)
            if isinstance(entry, Q) and entry.items(self.lang):
                self.echo(f"  {entry.items(self.lang)}")
            lines: list[str] = []
            source = block = None
            parsed = None
            own = self.case.get("verbatim_speakers")
            speakers = None if not own else {k: tuple(v or ()) for k, v in own.items()}
            while True:
                raw = self.read("", path + "[]", f"{where}[{len(lines)}]")
                if raw.strip() == ".":
                    break
                source = _a_verbatim_file(raw) if not lines else None
                if source is not None:
                    # the path of the file the verbatim is in, read as `verbatim import`
                    # reads it (a .docx table, a CSV, a text file; its heading left out),
                    # each problem at its line in that file
                    read = self.verbatim_from(source, speakers)
                    if read is not None:
                        block, parsed = read.block, read.parsed
                    break
                lines.append(raw.rstrip())
            while lines and not lines[-1].strip():
                lines.pop()
            if source is None and not lines:
                return MISSING
            if source is None:      # pasted: a heading copied with it is left out too
                from asas.engine.verbatim.source import from_text
                pasted = from_text("\n".join(lines) + "\n", None, speakers)
                block, parsed = pasted.block, pasted.parsed
                for note in pasted.notes():
                    self.echo("  " + error_text(note, self.lang))
            if block is not None and parsed is not None:
                if not parsed.problems:
                    if source is not None:
                        self.echo("  " + self.t("verbatim_read", file=source,
                                                n=len(parsed.turns)))
                    return block
                for p in parsed.problems:
                    where_line = self.t("verbatim_line", line=p.line)
                    self.echo(f"  {where_line} {error_text(p.message, self.lang)}")
            if not self.gate(self.t("verbatim_again"), path + "+", where + "+"):
                return MISSING

    def verbatim_from(self, source: str, speakers: dict | None):
        """The verbatim in the file ``source`` (engine/verbatim/source.py), read within
        the loader's bounds, its heading left out and said; what stops it is said, and
        then None (the caller asks again)."""
        from asas.engine.i18n.messages import text as words
        from asas.engine.load.read import Unreadable, read_case_bytes
        from asas.engine.load.types import Limits
        from asas.engine.verbatim import source as verbatim_source
        from asas.engine.verbatim.importer import ImportProblem
        try:
            read = verbatim_source.read(source, read_case_bytes(source, Limits()), speakers)
            for note in read.notes():
                self.echo(f"  {words(note, self.lang)}")
            return read
        except ImportProblem as exc:        # its message names the file
            self.echo(f"  {words(exc.msg, self.lang)}")
        except Unreadable as exc:
            self.echo(f"  {source}: {words(exc.msg, self.lang)}")
        except OSError as exc:
            from asas.engine.load.types import os_error
            self.echo(f"  {source}: {words(os_error(exc), self.lang)}")
        return None

    def object_list(self, spec: FieldSpec, text: str, path: str, where: str):
        if not self.gate(text, path, where):
            return []
        items: list = []
        while True:
            item: dict = {}
            self.walk(spec.item_spec.object_cls, item, f"{path}[]", f"{where}[{len(items)}]")
            items.append(item)
            if not self.gate(self.t("another"), path + "+", where + "+"):
                return items

    def texts(self, owner, spec: FieldSpec, text: str, path: str, where: str):
        optional = not spec.closed
        hint = self.t("bool_hint" if optional else "gate_hint")

        def opening(raw):
            if _norm(raw) in NONE:
                return False
            if not optional and _norm(raw) in DONT_KNOW:
                return False
            return self.yes_no(raw, optional)

        answer = self.ask(f"{text} {hint}", path, where, opening, owner, spec)
        if answer is MISSING:
            self.echo(f"  {self.t('undocumented')}")
            return MISSING
        if answer is False:
            return []
        entry = self.questions.get(path)
        ask_items = (entry.items(self.lang) if isinstance(entry, Q) else None) or ""
        if ask_items:
            self.echo(f"  {ask_items}")
        items: list[str] = []
        while True:
            raw = self.read(f"  {len(items) + 1}.", path + "[]", f"{where}[{len(items)}]")
            if raw:
                items.append(raw)
                continue
            if items:
                return items
            self.echo(f"  {self.t('need_item')}")
            again = self.read(f"  {len(items) + 1}.", path + "[]", f"{where}[0]")
            if _norm(again) in NONE or _norm(again) in NO:
                return []
            if _norm(again) in DONT_KNOW and optional:
                return MISSING
            if _norm(again) in DONT_KNOW:
                return []
            items.append(again)

    def show_choices(self, values, path: str = ""):
        width = len(str(len(values)))
        own = MENU.get(path, {})
        for i, value in enumerate(values, 1):
            lab = own[value].get(self.lang) if value in own else value_label(value, self.lang)
            self.echo(f"  {i:>{width}}  {value}" + (f" — {lab}" if lab else ""))

    def match(self, raw: str, values) -> str:
        answer = _norm(raw)
        if answer.isdigit():
            n = int(answer)
            if 1 <= n <= len(values):
                return values[n - 1]
        key = answer.replace(" ", "_").replace("-", "_")
        for value, named in MENU.get(self.path, {}).items():   # the menu's own names
            if value in values and labels.normal(answer) in (labels.normal(named.id),
                                                             labels.normal(named.en)):
                return value
        code = labels.code_for(answer, values)    # the same words a case file accepts
        if code is not None:
            return code
        said = self.t("bad_choice", n=len(values), values=", ".join(map(str, values)))
        hint = difflib.get_close_matches(key, [str(v) for v in values], n=1, cutoff=0.6)
        if hint:
            said += self.t("did_you_mean", hint=hint[0])
        raise Invalid(said)

    def _dont_know(self, raw: str, spec: FieldSpec) -> bool:
        """"tidak tahu" (or Enter) to a question: refused when it must be answered, else
        said back as not documented."""
        if _norm(raw) not in DONT_KNOW:
            return False
        if spec.required:
            raise Invalid(self.t("required"))
        self.echo(f"  {self.t('undocumented')}")
        return True

    def choice(self, owner, spec: FieldSpec, text: str, path: str, where: str):
        self.echo(text)
        self.show_choices(spec.choices, path)

        def parse(raw):
            return MISSING if self._dont_know(raw, spec) else self.match(raw, spec.choices)

        prompt = self.t("choice_prompt_required" if spec.required else "choice_prompt")
        return self.ask(prompt, path, where, parse, owner, spec)

    def choices(self, owner, spec: FieldSpec, text: str, path: str, where: str):
        values = spec.item_spec.choices
        groups = {labels.normal(word): codes for word, codes in GROUPS.get(path, {}).items()}
        self.echo(text)
        self.show_choices(values, path)

        def parse(raw):
            answer = _norm(raw)
            if answer in NONE or answer in NO:
                return []
            if answer in DONT_KNOW:
                if spec.closed:
                    return []
                self.echo(f"  {self.t('undocumented')}")
                return MISSING
            picked, unknown = [], []
            for part in re.split(r"[,;]", raw):
                part = part.strip()
                if not part:
                    continue
                try:
                    if labels.normal(part) in groups:      # "pribadi-sosial", "empat bidang"
                        found = list(groups[labels.normal(part)])
                    else:
                        found = [self.match(part, values)]
                except Invalid as exc:
                    words = re.split(r"[\s/]+|(?<=\w)-(?=\w)", part)   # "1 3 5", "a/b"
                    try:
                        if len(words) < 2:
                            raise
                        found = [self.match(w, values) for w in words]   # "1 3 5"
                    except Invalid:
                        unknown.append((part, exc))
                        continue
                for value in found:
                    if value not in picked:
                        picked.append(value)
            # a technique with no code of its own (memimpin, fokus): where it goes
            elsewhere = f" {self.t('technique_elsewhere')}" \
                if unknown and path == "sessions[].counselor.techniques" else ""
            if unknown and len(unknown) == 1 and picked:   # name the one that was wrong
                raise Invalid(self.t("one_unknown", item=unknown[0][0],
                                     rest=", ".join(map(str, picked))) + elsewhere)
            if unknown:
                raise Invalid(str(unknown[0][1]) + elsewhere)
            return picked

        prompt = self.t("choices_prompt_closed" if spec.closed else "choices_prompt")
        return self.ask(prompt, path, where, parse, owner, spec)

    def scalar(self, owner, spec: FieldSpec, text: str, path: str, where: str):
        if spec.kind == "date":
            hint = f"[{self.t('date_hint')}]"
        elif spec.required:
            hint = ""
        elif path == "sessions[].notes":
            hint = self.t("notes_hint")
        else:
            hint = self.t("text_hint")
        convert = {"str": self.as_text, "int": self.as_int, "float": self.as_float,
                   "date": self.as_date}[spec.kind]

        def parse(raw):
            return MISSING if self._dont_know(raw, spec) else convert(raw, spec, path)

        return self.ask(f"{text} {hint}".rstrip(), path, where, parse, owner, spec)

    def as_text(self, raw: str, spec: FieldSpec, path: str) -> str:
        return raw

    def _bounds(self, spec: FieldSpec, path: str):
        high = MAXIMUM[path](self) if path in MAXIMUM else spec.maximum
        return spec.minimum, high

    def as_int(self, raw: str, spec: FieldSpec, path: str) -> int:
        low, high = self._bounds(spec, path)
        if high is not None and low is not None:
            bounds = self.t("range", low=f"{low:g}", high=f"{high:g}")
        elif low is not None:
            bounds = self.t("range_low", low=f"{low:g}")
        else:
            bounds = ""
        found = re.fullmatch(r"(\d+)(\s+\D+)?", raw.strip())   # "45" or "45 menit"
        if not found:
            raise Invalid(self.t("bad_int", range=bounds))
        value = int(found.group(1))
        if (low is not None and value < low) or (high is not None and value > high):
            raise Invalid(self.t("bad_int", range=bounds))
        return value

    def as_float(self, raw: str, spec: FieldSpec, path: str) -> float:
        low, high = self._bounds(spec, path)
        text = raw.strip().replace(",", ".")
        percent = text.endswith("%")
        try:
            value = float(text.rstrip("%").strip())
        except ValueError:
            raise Invalid(self.t("bad_float")) from None
        if percent:
            value = value / 100
        if value != value or (low is not None and value < low) or \
                (high is not None and value > high):
            raise Invalid(self.t("bad_float"))
        return value

    def as_date(self, raw: str, spec: FieldSpec, path: str) -> datetime.date:
        """A date as a report writes it (engine/i18n/dates.py); numbers only are read
        day first in Indonesian, and asked again with a month name in English.  The
        date understood is said back in words."""
        from asas.engine.i18n.dates import WEEKDAY_NAMES, DateProblem, in_words, parse_date
        try:
            date = parse_date(raw, day_first=self.lang == "id")
        except DateProblem as problem:
            if problem.why == "weekday":
                names = WEEKDAY_NAMES.get(self.lang, WEEKDAY_NAMES["en"])
                raise Invalid(self.t("date_weekday", date=in_words(problem.params["date"],
                                                                     self.lang).split(", ")[1],
                                     actual=names[problem.params["actual"]],
                                     named=names[problem.params["named"]])) from None
            raise Invalid(self.t("date_" + problem.why)) from None
        if date is None:
            raise Invalid(self.t("bad_date"))
        self.echo(f"  {self.t('date_read', date=in_words(date, self.lang))}")
        return date


# --- the whole command ------------------------------------------------------------

def suggested_name(data: dict) -> str:
    case_id = str(data.get("case", {}).get("id") or "case")
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", case_id).strip("-.") or "case"
    return f"{safe}.yaml"


def run(file: str | None, lang: str, prompt=None, echo=None,
        schema: str = SCHEMA_FILE, append: bool = False, profile=None) -> str | None:
    """Interview, write the case file, print its check; return the path written.

    End of input (or Ctrl-C) raises ``click.Abort`` before anything is written.
    """
    import os

    from asas.engine.authoring.template import write_new
    from asas.engine.load.loader import load_bytes
    from asas.engine.report.formats.text import render
    from asas.engine.run.atomic import STDIN, OutputRefused, refuse_inputs
    from asas.engine.run.pipeline import check_file

    existing = None
    if append:
        existing = _existing(file, lang, echo or click.echo)
    replay = _Replay(lang, prompt, echo, draft_path(file), existing, profile)
    iv = replay.start()
    if file and os.path.exists(file) and not append:
        iv.echo(iv.t("exists_early", file=file))
    data, iv = replay.interview()
    text = render_case(lang, data, schema=schema, made_by="interview", profile=profile)
    loaded = load_bytes(text.encode("utf-8"), file or "<interview>")
    if not loaded.valid:   # a bug: keep the answers on screen rather than lose them
        iv.echo(iv.t("invalid_result"), err=True)
        for error in loaded.errors:
            iv.echo(error.format(file or "<interview>"), err=True)
        iv.echo(text)
        raise click.ClickException("invalid case file")
    path = file
    iv.echo("")
    while True:
        if not path:
            default = suggested_name(data)
            path = iv.read(f"{iv.t('save_as')} [{default}]", "<file>", "<file>") or default
        overwrite = False
        if os.path.exists(path):
            overwrite = iv.gate(iv.t("exists", file=path), "<overwrite>", "<overwrite>")
            if not overwrite:
                path = None
                continue
        try:
            # the answers may come from a file (< answers.txt): never write over it
            refuse_inputs(path, [STDIN], what="the case file", option="file name")
            write_new(path, text, overwrite=overwrite)
        except OutputRefused as exc:
            iv.echo(f"  {exc}")
            path = None
            continue
        except FileExistsError:
            path = None
            continue
        except OSError as exc:
            iv.echo(f"  {path}: {exc.strerror or exc}")
            path = None
            continue
        break
    replay.discard()
    iv.echo(iv.t("written", file=path))
    iv.echo("")
    iv.echo(render([check_file(path, profile=profile)], lang), nl=False)
    return path


# --- back, and a draft kept after every answer ------------------------------------------

class CannotAppend(click.ClickException):
    """The case file a session is to be added to cannot be read or is invalid: exit
    status 2, as every file asas cannot read (1 means a finding reached --fail-on)."""
    exit_code = 2


def _existing(file: str | None, lang: str, echo) -> dict:
    """The data of the case file a session is appended to; it must be valid."""
    from asas.engine.load.loader import load_file
    if not file:
        raise click.UsageError(_t("append_needs_file", lang))
    loaded = load_file(file)
    if not loaded.valid:
        for error in loaded.errors:
            echo(error.format(file, lang), err=True)
        raise CannotAppend(_t("append_invalid", lang, file=file))
    import yaml
    with open(file, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


class _Back(Exception):
    """The answer '<': go back to the question before."""


def draft_path(file: str | None) -> str:
    """Where the draft of an interview is kept: beside the case file it will write."""
    if file:
        folder, name = os.path.split(file)
        return os.path.join(folder, f".{name}.asas-draft.json")
    return ".asas-interview.asas-draft.json"


class _Replay:
    """Every answer typed, kept in order (and in a draft file after each one).

    Going back (``<``) and resuming a draft both replay the answers kept into a fresh
    walk, without printing, until the question to ask is reached: the walk is the same
    for the same answers, so no state of the walk itself needs to be saved.
    """

    def __init__(self, lang, prompt, echo, draft: str, existing: dict | None = None,
                 profile=None):
        self.lang, self.draft, self.existing = lang, draft, existing
        self.profile = profile
        self.real_prompt = prompt or _click_prompt
        self.real_echo = echo or click.echo
        self.answers: list[list[str]] = []    # [where, raw] for every answer read
        self.pending: list[list[str]] = []    # to replay before asking anyone
        self.iv: Interview | None = None

    @property
    def current(self) -> Interview:
        """The interview under way (there is one once ``_fresh`` has run)."""
        if self.iv is None:
            raise RuntimeError("no interview under way")
        return self.iv

    def echo(self, *args, **kwargs):
        if not self.pending:
            self.real_echo(*args, **kwargs)

    def prompt(self, text: str) -> str:
        where = self.current.where
        if self.pending:
            raw = self.pending.pop(0)[1]
            self.answers.append([where, raw])
            return raw
        raw = self.real_prompt(text)
        if raw.strip() == "<":
            raise _Back
        self.answers.append([where, raw])
        self.save()
        return raw

    def _fresh(self) -> Interview:
        self.iv = Interview(self.lang, self.prompt, self.echo, profile=self.profile)
        return self.iv

    def start(self) -> Interview:
        """The interview, offered to go on from a draft left by an unfinished one."""
        kept = self.load()
        if kept:
            ask = Interview(self.lang, self.real_prompt, self.real_echo)
            if ask.gate(ask.t("resume", n=len(kept)), "<resume>", "<resume>"):
                self.pending = kept
        return self._fresh()

    def interview(self):
        """The answers' case (as a dict) and the interview that got them."""
        while True:
            iv = self.current
            try:
                return iv.run(self.existing), iv
            except _Back:
                self.back(iv.where)
                self.pending, self.answers = self.answers, []
                self._fresh()

    def back(self, where: str) -> None:
        """Drop the answers of the question before ``where`` (and any tries at ``where``)."""
        while self.answers and self.answers[-1][0] == where:
            self.answers.pop()
        if not self.answers:
            self.real_echo(f"  {self.current.t('nothing_before')}")
            return
        last = self.answers[-1][0]
        while self.answers and self.answers[-1][0] == last:
            self.answers.pop()
        self.save()
        self.real_echo(f"  {self.current.t('back')}")

    # the draft file: private to its owner, replaced whole
    def save(self) -> None:
        data = json.dumps({"v": 1, "answers": self.answers}, ensure_ascii=False)
        tmp = f"{self.draft}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
            os.replace(tmp, self.draft)
        except OSError:
            pass    # a draft is a convenience: the interview goes on without it

    def load(self) -> list[list[str]]:
        try:
            with open(self.draft, encoding="utf-8") as fh:
                data = json.load(fh)
            answers = data["answers"] if data.get("v") == 1 else []
            return [[str(w), str(r)] for w, r in answers]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return []

    def discard(self) -> None:
        try:
            os.unlink(self.draft)
        except OSError:
            pass


def _a_verbatim_file(answer: str) -> str | None:
    """The file an answer names where a verbatim is pasted, when it names one that can
    hold a verbatim (quotes taken off: a file dragged into a terminal comes in them)."""
    from asas.engine.load.verbatim_file import SUFFIXES
    name = answer.strip().strip("'\"")
    return name if name.lower().endswith(SUFFIXES) and os.path.isfile(name) else None
