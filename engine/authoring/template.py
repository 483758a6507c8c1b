"""Case files with every field of the format, commented for people who write them.

``asas init`` prints an empty one (the template); ``asas interview`` fills one with the
answers it was given.  Both are read off ``model.py``: a field added there appears
here with its documentation, its allowed values and what leaving it out means, with
nothing to edit in this module.

An untouched template is a valid case file in which nothing is documented: single
observations are left empty (``null``: "not documented"), closed-world lists are
``[]`` ("none happened"), and required fields carry placeholders.  Lists of mappings
(``disclosures``, ``norm_conflicts``) and the optional ``referred_out`` carry a
commented-out example entry that a trainee uncomments to use.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import tempfile
import textwrap

import yaml

from asas.engine.i18n import labels
from asas.engine.i18n.messages import t
from asas.engine.model.case import FORMAT_V1, Case, FieldSpec, fields_of

SCHEMA_FILE = "asas-v1.schema.json"   # what `asas schema -o asas-v1.schema.json` writes
WIDTH = 88                            # comment lines are wrapped to this width
TRAIL_COLUMN = 36                     # where trailing comments start, when they fit

# Placeholders for required fields, so that the untouched template is valid.  A
# required field not listed here takes its ``example`` from the model, else a
# generic placeholder of its kind.
PLACEHOLDERS = {
    "case.id": "KI-0000-00",
    "case.client.pseudonym": {"en": "Client A", "id": "Konseli A"},
    "case.referred_out.to": {"en": "psychologist", "id": "psikolog"},
    "sessions[].disclosures[].to": {"en": "parent", "id": "orang tua"},
}

def _t(key: str, lang: str, **params) -> str:
    return t("template." + key, lang, **params)


message = _t   # for cli.py


def value_label(value, lang: str) -> str | None:
    """How a reader of ``lang`` says an allowed value, or None when the value says it
    (engine/i18n/labels.py)."""
    return labels.name(value, lang)


def choice_text(value, lang: str, menu=None) -> str:
    """``reluctant (enggan)``; ``menu`` (code -> H, interview/help.py MENU) names the
    choices of a field whose general words would mislead there (guru BK, the four bidang)."""
    lab = menu[value].get(lang) if menu and value in menu else value_label(value, lang)
    return f"{value} ({lab})" if lab else str(value)


def field_menu(owner, spec: FieldSpec):
    """The interview's own names for this field's choices, when it has them."""
    from asas.engine.authoring.interview.help import MENU
    from asas.engine.model.case import Counselor, SessionClient, SessionCounselor
    where = {Counselor: "case.counselor", SessionClient: "sessions[].client",
             SessionCounselor: "sessions[].counselor"}.get(owner)
    return MENU.get(f"{where}.{spec.name}") if where else None


def header(lang: str, schema: str, made_by: str = "init") -> list[str]:
    if lang == "id":
        made = ("Dibuat oleh `asas init`: sebuah templat." if made_by == "init"
                else "Dibuat oleh `asas interview` dari jawaban Anda.")
        text = f"""\
Berkas kasus konseling individual untuk asas (format {FORMAT_V1}).
{made}
Isi nilai sesudah tanda titik dua (:). Jangan ubah nama kunci di sebelah kiri,
dan pertahankan jumlah spasi di awal baris.

Cara membaca:
  - Kosong (tidak diisi) = tidak dicatat. Asas yang memerlukan isian itu menjadi
    "tidak dapat dinilai". Jangan menulis false hanya karena tidak tahu.
  - [] = tidak ada. Daftar peristiwa (risiko, tekanan, penyampaian informasi, ...)
    yang dibiarkan kosong juga berarti tidak ada.
  - true = ya, false = tidak. Teks ditulis apa adanya; beri tanda petik "..." bila
    teks memuat ': ' atau diawali tanda khusus (#, -, [, {{, ...).
  - Jangan pernah menulis nama asli konseli.

Periksa berkas ini:  asas check NAMA-BERKAS.yaml
Lebih suka ditanya satu per satu?  asas interview
Editor (VS Code dengan ekstensi YAML dari Red Hat): baris pertama berkas ini
menunjuk ke {SCHEMA_FILE} di folder yang sama (`asas init` menuliskannya; bila
tidak ada, jalankan  asas schema -o {SCHEMA_FILE}), sehingga editor menawarkan
isian dan menandai kesalahan saat Anda mengetik.
Panduan: docs/authoring.md; setiap isian: docs/case-format.md di repositori asas."""
    else:
        made = ("Made by `asas init`: a template." if made_by == "init"
                else "Made by `asas interview` from your answers.")
        text = f"""\
A case file of individual counseling for asas (format {FORMAT_V1}).
{made}
Fill in the values after the colons (:). Do not change the key names on the left,
and keep the spaces at the start of each line as they are.

How to read it:
  - Empty (nothing after the colon) = not documented. A principle that needs the
    field is then "not assessed". Do not write false only because you do not know.
  - [] = none. A list of events (risk, pressure, disclosures, ...) left empty also
    means none happened.
  - true = yes, false = no. Write text as it is; put it in quotes "..." when it
    contains ': ' or starts with a special sign (#, -, [, {{, ...).
  - Never write the client's real name.

Check this file:  asas check FILE.yaml
Rather be asked one question at a time?  asas interview
Editors (VS Code with Red Hat's YAML extension): the first line of this file
points at {SCHEMA_FILE} in the same folder (`asas init` writes it; if it is
missing, run  asas schema -o {SCHEMA_FILE}), so the editor offers completions
and marks mistakes as you type.
Guide: docs/authoring.md; every field: docs/case-format.md in the asas repository."""
    lines = [f"# yaml-language-server: $schema={schema}", "#"]
    lines += [f"# {line}".rstrip() for line in text.splitlines()]
    return lines + [""]


# --- describing a field -----------------------------------------------------------

def _range(spec: FieldSpec, lang: str) -> str:
    low, high = spec.minimum, spec.maximum
    if low is not None and high is not None:
        return f" {low:g}–{high:g}"
    if low is not None:
        return f" ≥ {low:g}"
    if high is not None:
        return f" ≤ {high:g}"
    return ""


def values_hint(spec: FieldSpec, lang: str, owner=None) -> str:
    """The allowed values or the kind of value, in words; '' for free text."""
    eg = _t("example", lang)
    menu = field_menu(owner, spec)
    if spec.kind == "enum":
        return f"{_t('one_of', lang)} " + " | ".join(choice_text(c, lang, menu)
                                                      for c in spec.choices)
    if spec.kind == "list":
        if spec.item_spec.kind == "enum":
            return (f"{_t('some_of', lang)} "
                    + " | ".join(choice_text(c, lang, menu) for c in spec.item_spec.choices))
        if spec.item_spec.kind == "str":
            return _t("texts", lang)
        return ""
    if spec.kind == "bool":
        return _t("bool", lang)
    if spec.kind in ("int", "float"):
        text = _t(spec.kind, lang) + _range(spec, lang)
        if spec.example is not None:
            text += f", {eg} {spec.example}"
        return text + "."
    if spec.kind == "date":
        return _t("date", lang)     # its examples are the forms a date may take
    return ""


def nullable_object(owner: type, spec: FieldSpec) -> bool:
    """An optional mapping that is absent (None) unless it applies (``referred_out``)."""
    if spec.kind != "object":
        return False
    field = next(f for f in dataclasses.fields(owner) if f.name == spec.name)
    return field.default is None


def missing_hint(owner: type, spec: FieldSpec, lang: str) -> str:
    """What leaving the field out means."""
    if spec.required:
        return _t("required", lang)
    said = doc(spec, lang).lower()
    says_missing = "kosong =" in said if lang == "id" else ("left out" in said
                                                             or "(missing:" in said)
    if spec.kind == "object":
        return _t("empty_none", lang) if nullable_object(owner, spec) else ""
    if spec.kind == "list" and spec.closed:
        return "" if says_missing else _t("closed", lang)
    if spec.kind == "list":
        return _t("empty_undocumented", lang) if "[] =" in said else _t("empty_or_none", lang)
    # the field's own documentation may already say what missing means
    return "" if says_missing else _t("empty_undocumented", lang)


def doc(spec: FieldSpec, lang: str) -> str:
    return spec.id if lang == "id" else spec.en


def placeholder(spec: FieldSpec, path: str, lang: str):
    """A value that makes a required field valid in an untouched template."""
    value = PLACEHOLDERS.get(path)
    if isinstance(value, dict):
        return value[lang]
    if value is not None:
        return value
    if spec.example is not None:
        return spec.example
    if spec.kind == "enum":
        return spec.choices[0]
    return {"str": "...", "int": 1, "float": 0.0, "bool": False,
            "date": "2000-01-01"}.get(spec.kind, "...")


# --- writing values ---------------------------------------------------------------

def scalar(value) -> str:
    """One value as YAML text on one line ('' for None)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, (int, float)):
        return repr(value)
    text = yaml.safe_dump(str(value), allow_unicode=True, width=10**9,
                          default_flow_style=True)
    if text.endswith("\n...\n"):
        text = text[:-5]
    return text.strip()


class _Writer:
    """Renders one case (a plain dict, possibly empty) with comments in one language."""

    def __init__(self, lang: str, examples: str = "commented", asks=None):
        self.lang = lang
        self.examples = examples     # "commented" (the template) or "live" (tests)
        self.lines: list[str] = []
        # which of the fields only some profiles judge (FieldSpec.profile_only) to show,
        # by generic path (``sessions[].goals_reviewed``); None: none of them
        self.asks = asks

    # comments ------------------------------------------------------------------
    def comment_above(self, indent: int, owner: type, spec: FieldSpec):
        pad = " " * indent
        first = " ".join(t for t in (doc(spec, self.lang), missing_hint(owner, spec, self.lang))
                         if t)
        paragraphs = [first, values_hint(spec, self.lang, owner)]
        if spec.kind == "list" and spec.item_spec.kind == "object" and not spec.required:
            paragraphs.append(_t("items", self.lang))
        elif nullable_object(owner, spec):
            paragraphs.append(_t("object", self.lang))
        for para in paragraphs:
            if para:
                self.lines += textwrap.wrap(para, WIDTH - indent, initial_indent=pad + "# ",
                                            subsequent_indent=pad + "#   ",
                                            break_on_hyphens=False)

    def trailing(self, line: str, owner: type, spec: FieldSpec, style: str) -> list[str]:
        """``line`` with a comment beside it, wrapped onto comment-only lines below."""
        if style == "brief":   # later sessions: only the allowed values, as a reminder
            choices = spec.choices if spec.kind == "enum" else (
                spec.item_spec.choices if spec.kind == "list" and spec.item_spec.kind == "enum"
                else ())
            # a choice and its name stay on one line (no-break spaces while wrapping)
            menu = field_menu(owner, spec)
            note = " | ".join((choice_text(c, self.lang, menu) if self.lang == "id" else str(c))
                              .replace(" ", "\u00a0") for c in choices)
        else:   # inside an example entry: no room above, so everything goes here
            note = " ".join(t for t in (doc(spec, self.lang),
                                        missing_hint(owner, spec, self.lang),
                                        values_hint(spec, self.lang, owner)) if t)
        if not note:
            return [line]
        column = max(TRAIL_COLUMN, len(line) + 2)
        parts = [part.replace("\u00a0", " ") for part in
                 textwrap.wrap(note, max(WIDTH - column - 2, 30), break_on_hyphens=False)]
        out = [f"{line:<{column}}# {parts[0]}"]
        out += [f"{'':<{column}}# {part}" for part in parts[1:]]
        return out

    # structure -----------------------------------------------------------------
    def mapping(self, cls: type, data: dict, indent: int, path: str, style: str):
        for spec in fields_of(cls):
            sub = f"{path}.{spec.name}" if path else spec.name
            if spec.profile_only and spec.name not in data and not (
                    self.asks is not None and self.asks(_generic(sub))):
                continue
            self.field(cls, spec, data, indent, sub, style)

    def field(self, owner: type, spec: FieldSpec, data: dict, indent: int, path: str,
              style: str):
        pad = " " * indent
        present = spec.name in data and data[spec.name] is not None
        value = data.get(spec.name)
        if style == "full":
            if spec.kind in ("object", "list") and indent == 0:
                self.lines.append("")
            self.comment_above(indent, owner, spec)

        def put(text: str):
            self.lines += self.trailing(text, owner, spec, style) if style != "full" \
                else [text]

        if spec.kind == "object":
            if nullable_object(owner, spec) and not present:
                put(f"{pad}{spec.name}:")
                self.example(indent, lambda w: w.mapping(spec.object_cls, {}, indent + 2, path,
                                                         "example"))
                return
            self.lines.append(f"{pad}{spec.name}:")
            self.mapping(spec.object_cls, value or {}, indent + 2, path, style)
            return
        if spec.kind == "list":
            items = list(value) if value is not None else None   # None: not present
            if spec.item_spec.kind == "object":
                self.object_list(owner, spec, items, indent, path, style)
            elif items is None:
                put(f"{pad}{spec.name}:" + (" []" if spec.closed else ""))
            elif not items:
                put(f"{pad}{spec.name}: []")
            elif spec.item_spec.kind == "str":
                put(f"{pad}{spec.name}:")
                self.lines += [f"{pad}  - {scalar(v)}" for v in items]
            else:
                put(f"{pad}{spec.name}: [{', '.join(scalar(v) for v in items)}]")
            return
        if not present and (spec.required or (style == "example" and spec.required)):
            value, present = placeholder(spec, _generic(path), self.lang), True
        if present and isinstance(value, str) and "\n" in value:
            put(f"{pad}{spec.name}: |-")
            self.lines += [f"{pad}  {line}".rstrip() for line in value.split("\n")]
            return
        put(f"{pad}{spec.name}: {scalar(value)}".rstrip() if present else f"{pad}{spec.name}:")

    def object_list(self, owner, spec: FieldSpec, items, indent: int, path: str, style: str):
        pad = " " * indent
        if spec.name == "sessions" and path == "sessions":
            self.lines.append("sessions:")
            for i, item in enumerate(items or []):
                item_style = style if i == 0 else "brief"
                self.lines.append("")
                self.lines.append(f"  # --- {_t('session', self.lang)} {i + 1} ---"
                                  + ("" if i == 0 or style != "full"
                                     else f" ({_t('see_first', self.lang)})"))
                self.item(spec.item_spec.object_cls, item, 4, f"sessions[{i}]", item_style)
            return
        if items:
            self.lines.append(f"{pad}{spec.name}:")
            for i, item in enumerate(items):
                self.item(spec.item_spec.object_cls, item, indent + 2, f"{path}[{i}]",
                          "full" if style == "full" else "example")
            return
        line = f"{pad}{spec.name}: []"
        self.lines += self.trailing(line, owner, spec, style) if style != "full" else [line]
        self.example(indent, lambda w: w.item(spec.item_spec.object_cls, {}, indent + 2,
                                              path + "[0]", "example"))

    def item(self, cls: type, data: dict, indent: int, path: str, style: str):
        """One entry of a list of mappings: its first key follows '- '."""
        start = len(self.lines)
        self.mapping(cls, data, indent, path, style)
        for i in range(start, len(self.lines)):
            line = self.lines[i]
            if line.strip() and not line.lstrip().startswith("#"):
                self.lines[i] = " " * (indent - 2) + "- " + line[indent:]
                break
            if line.startswith(" " * indent + "#"):   # its comment, level with the '- '
                self.lines[i] = line[2:]

    def example(self, indent: int, render):
        """An example block, commented out (or live, for the tests of coverage)."""
        if self.examples == "none":
            return
        sub = _Writer(self.lang, self.examples, self.asks)
        render(sub)
        if self.examples == "live":
            # the example replaces the empty value written just before it
            while self.lines[-1].lstrip().startswith("#"):   # its trailing comment
                self.lines.pop()
            key = self.lines.pop().split("#")[0].rstrip()
            self.lines.append(key[:-3] if key.endswith(" []") else key)
            self.lines += sub.lines
            return
        pad = " " * indent
        self.lines += [f"{pad}# {line[indent:]}" for line in sub.lines]


def _generic(path: str) -> str:
    """``sessions[0].client.age`` → ``sessions[].client.age``."""
    out, skip = [], False
    for ch in path:
        if ch == "[":
            skip = True
            out.append("[")
        elif ch == "]":
            skip = False
            out.append("]")
        elif not skip:
            out.append(ch)
    return "".join(out)


def render_case(lang: str = "en", data: dict | None = None, sessions: int = 1,
                schema: str = SCHEMA_FILE, made_by: str = "init",
                examples: str = "commented", profile=None) -> str:
    """A case file: ``data`` (a dict shaped like the YAML) with every other field of the
    format present and empty, all commented in ``lang``.  Without data, a template of
    ``sessions`` sessions.  The fields only some profiles judge are there when
    ``profile`` (a name, path or Profile) asks for them, or when ``data`` has them."""
    data = dict(data or {})
    data.setdefault("format", FORMAT_V1)
    if not data.get("sessions"):
        data["sessions"] = [{"number": i + 1} for i in range(sessions)]
    w = _Writer(lang, examples, _asks(profile))
    w.lines += header(lang, schema, made_by)
    w.mapping(Case, data, 0, "", "full")
    return "\n".join(w.lines).rstrip() + "\n"


def _asks(profile):
    if profile is None:
        return None
    from asas.engine.judge.profile import Profile, lookup
    chosen = profile if isinstance(profile, Profile) else lookup(profile)
    return chosen.asks if chosen.fields else None


def template_text(lang: str = "en", sessions: int = 1, schema: str = SCHEMA_FILE,
                  profile=None) -> str:
    """What ``asas init`` writes: every field the profile judges, nothing documented."""
    return render_case(lang, None, sessions, schema, profile=profile)


# --- writing files ----------------------------------------------------------------

def write_new(path: str, text: str, overwrite: bool = False) -> None:
    """Write ``text`` to ``path`` whole or not at all; unless ``overwrite``, fail with
    FileExistsError rather than replace a file that exists (also one created meanwhile)."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".asas-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
            return
        try:
            os.link(tmp, path)          # atomic, and refuses to replace
        except FileExistsError:
            raise
        except OSError:                 # no hard links here: exclusive create instead
            with open(path, "x", encoding="utf-8", newline="") as fh:
                fh.write(text)
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
