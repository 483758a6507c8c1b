"""Reasoned overrides: a finding set aside for one case, with the reason and who decided.

The mechanism is the judging stage's (engine/judge/suppress.py: :class:`Waiver`,
:func:`apply`, unused ones kept), the same that applies a case file's own suppressions
(``asas: {ignore: [{rule, reason, session, by}]}``), which ``asas check`` applies and
the results of ``asas grade`` therefore already carry.  This module adds what only
grading needs: the overrides file a lecturer keeps beside the class (never inside the
folder of case files, which are checked as cases), read by ``asas grade --overrides
FILE``; there ``by`` is required, and each waiver names its case::

    waivers:
      - case: KI-2026-04          # the case ID (case.id)
        rule: KAH005
        session: 1                # optional
        reason: keluarga ringan, ditangani lewat konsultasi orang tua
        by: Dr. Sari (dosen pembimbing)
"""

from __future__ import annotations

import difflib

import yaml

from asas.engine.judge.suppress import RULE_ID, Applied, Waiver, apply
from asas.engine.report.grade import sidefile
from asas.engine.report.grade.sidefile import BAD, SideFileError

__all__ = ["Applied", "Waiver", "apply", "for_case", "load_overrides", "parse_overrides",
           "set_aside_text", "unmatched_cases"]

KEYS = ("case", "rule", "session", "reason", "by")

MESSAGES = {
    "root": ("an overrides file is a mapping with the key 'waivers' (a list)",
             "berkas pengecualian berupa pemetaan dengan kunci 'waivers' (sebuah daftar)"),
    "list": ("must be a list of waivers", "harus berupa daftar pengecualian"),
    "mapping": ("must be a mapping with the keys {keys}", "harus berupa pemetaan dengan kunci {keys}"),
    "unknown": ("unknown key '{key}'{hint}", "kunci tidak dikenal '{key}'{hint}"),
    "hint": (" (did you mean '{name}'?)", " (maksud Anda '{name}'?)"),
    "missing": ("'{key}' is missing", "'{key}' tidak ada"),
    "required": ("'{key}' is required: say {what}", "'{key}' wajib diisi: tuliskan {what}"),
    "why": ("why the finding is set aside", "mengapa temuan itu dikecualikan"),
    "who": ("who decided (name and role)", "siapa yang memutuskan (nama dan peran)"),
    "rule": ("must be one rule ID such as KAH005, not {value}",
             "harus satu kode aturan seperti KAH005, bukan {value}"),
    "session": ("must be a session number (1 or more), not {value}",
                "harus nomor sesi (1 atau lebih), bukan {value}"),
    "text": ("must be text, not {value}", "harus berupa teks, bukan {value}"),
    "twice": ("'{key}' is given twice", "'{key}' ditulis dua kali"),
    "empty": ("the overrides file is empty", "berkas pengecualian kosong"),
}


def _msg(name: str, lang: str, /, **params) -> str:
    en, id_ = MESSAGES[name]
    return (id_ if lang == "id" else en).format(**params)


def set_aside_text(w: Waiver, lang: str) -> str:
    """``KRH003 (1) set aside by Dr. Sari: the reason``; without ``by`` (a case file's
    suppression need not say), ``KRH003 (1) set aside: the reason``."""
    from asas.engine.report.grade.texts import t
    if w.by:
        return t("set_aside_by", lang, rule=w.label(), by=w.by, reason=w.reason)
    return t("set_aside_plain", lang, rule=w.label(), reason=w.reason)


def for_case(waivers, case_id: str | None) -> list:
    return [w for w in waivers if w.case is None or w.case == case_id]


def unmatched_cases(waivers, case_ids) -> list:
    """Waivers naming a case that is not in the class: unused as well."""
    known = set(case_ids)
    return [w for w in waivers if w.case is not None and w.case not in known]


# --- the overrides file ------------------------------------------------------------------

def load_overrides(path: str, lang: str = "en") -> list[Waiver]:
    text = sidefile.read_text(path, lang)
    return parse_overrides(text, path, lang)


def parse_overrides(text: str, file: str, lang: str = "en") -> list[Waiver]:
    problems: list[str] = []

    def add(node, path, message, **params):
        m = node.start_mark
        prefix = f"{path}: " if path else ""
        problems.append(f"{file}:{m.line + 1}:{m.column + 1}: {prefix}{_msg(message, lang, **params)}")

    root = sidefile.compose(text, file, lang)
    if root is None:
        raise SideFileError([f"{file}:1:1: {_msg('empty', lang)}"])
    if not isinstance(root, yaml.MappingNode) or len(root.value) != 1 \
            or not isinstance(root.value[0][0], yaml.ScalarNode) \
            or root.value[0][0].value != "waivers":
        bad = root
        if isinstance(root, yaml.MappingNode):
            bad = next((k for k, _ in root.value
                        if not (isinstance(k, yaml.ScalarNode) and k.value == "waivers")), root)
        add(bad, "", "root")
        raise SideFileError(problems)
    items = root.value[0][1]
    if not isinstance(items, yaml.SequenceNode):
        add(items, "waivers", "list")
        raise SideFileError(problems)
    out = []
    for i, item in enumerate(items.value):
        waiver = _entry(item, f"waivers[{i}]", file, lang, add)
        if waiver is not None:
            out.append(waiver)
    if problems:
        raise SideFileError(problems)
    return out


def _keys(item, path: str, lang: str, add) -> dict:
    """key -> value node of one entry; unknown and repeated keys reported."""
    entries: dict = {}
    for k, v in item.value:
        name = k.value if isinstance(k, yaml.ScalarNode) else None
        if name in entries:
            add(k, path, "twice", key=name)
        elif name not in KEYS:
            close = difflib.get_close_matches(str(name), KEYS, n=1)
            hint = _msg("hint", lang, name=close[0]) if close else ""
            add(k, path, "unknown", key=name if name is not None else sidefile.shown(k), hint=hint)
        else:
            entries[name] = v
    return entries


def _text(entries: dict, item, key: str, path: str, lang: str, add) -> str | None:
    """The text of ``key`` (a rule ID for ``rule``), or None with the problem reported."""
    required = key in ("reason", "by")
    what = {"what": _msg("why" if key == "reason" else "who", lang)} if required else {}
    if key not in entries:
        add(item, path, "required" if required else "missing", key=key, **what)
        return None
    node = entries[key]
    value = sidefile.scalar(node)
    if key == "rule":
        if isinstance(value, str) and RULE_ID.match(value.strip()):
            return value.strip()
        add(node, f"{path}.rule", "rule", value=sidefile.shown(node))
        return None
    if value is BAD or value is None or isinstance(value, (bool, list, dict)):
        add(node, f"{path}.{key}", "text", value=sidefile.shown(node))
        return None
    text = str(value).strip()
    if not text:
        if required:
            add(node, f"{path}.{key}", "required", key=key, **what)
        else:
            add(node, f"{path}.{key}", "text", value="''")
        return None
    return text


def _entry(item, path: str, file: str, lang: str, add) -> Waiver | None:
    if not isinstance(item, yaml.MappingNode):
        add(item, path, "mapping", keys=", ".join(KEYS))
        return None
    entries = _keys(item, path, lang, add)
    values = {key: _text(entries, item, key, path, lang, add)
              for key in ("case", "rule", "reason", "by")}
    session = None
    if "session" in entries:
        value = sidefile.scalar(entries["session"])
        if not (isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 10_000):
            add(entries["session"], f"{path}.session", "session",
                value=sidefile.shown(entries["session"]))
            return None
        session = value
    rule, reason, by, case = values["rule"], values["reason"], values["by"], values["case"]
    if rule is None or reason is None or by is None or case is None:
        return None
    m = item.start_mark
    return Waiver(rule, reason, by, session, case, f"{file}:{m.line + 1}:{m.column + 1}")
