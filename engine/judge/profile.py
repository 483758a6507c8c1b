"""Profiles: which principles a report judges, in which order, under which names, by
which rules, and graded with which rubric.

A profile is a YAML file (plain data, no code): the bundled ones are in
``rules/profiles/`` (``konseling-individual``, the default: the eight principles of
the source text; ``bk12``: Prayitno & Amti's twelve asas).  An institution's own
profile is one more file there, or any ``.yaml`` file named by its path
(``--profile path/to/mine.yaml``); nothing in the engine changes.  Its keys::

    name: bk12                         # how --profile names it
    title: {en: ..., id: ...}
    reference: {en: ..., id: ...}      # optional: the literature it rests on
    principles:                        # the report's principles, in this order
      - {key: kerahasiaan, en: confidentiality, id: kerahasiaan}
    rules: [default, kedinamisan]      # the default knowledge base, and modules of rules/
    reassign: {KAH001: alih_tangan_kasus}        # a finding reported under another principle
    rubric: bk12.rubric.yaml           # optional, beside the profile file
    fields: [case.data_sources, ...]   # optional fields that init/interview ask for

:func:`lookup` is the one way in (the CLI, the config file, tests): a name or a path
gives a :class:`Profile`, or raises :class:`ProfileError` with file, line and column.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from asas.engine.i18n.labels import Label
from asas.engine.i18n.messages import MessageError, Msg
from asas.engine.judge.catalog import LABELS, RuleDoc, Text

DEFAULT = "konseling-individual"
PROFILE_DIR = Path(__file__).resolve().parents[2] / "rules" / "profiles"
SUFFIXES = (".yaml", ".yml")
KEYS = ("name", "title", "reference", "principles", "rules", "reassign", "rubric", "fields")
REQUIRED = ("name", "title", "principles", "rules")


class ProfileError(MessageError, ValueError):
    """A profile that cannot be found or read: a ``profile.`` message (engine/i18n/
    messages.py) that says where (``file:line:column``) and why; ``text(lang)`` in the
    reader's language."""


@dataclass(frozen=True)
class Profile:
    name: str
    title: Text
    principles: tuple[str, ...]
    labels: dict = field(default_factory=dict)        # principle -> Text(en, id)
    rules: tuple[str, ...] = ()                       # rule module names, in order
    reassign: dict = field(default_factory=dict)      # rule ID -> principle
    rubric: Path | None = None                        # None: the built-in rubric
    fields: tuple[str, ...] = ()                      # optional fields init/interview ask
    reference: Text | None = None
    path: Path | None = None

    @property
    def is_default(self) -> bool:
        return self.name == DEFAULT

    def label(self, principle: str, lang: str) -> str:
        """The principle as a reader of ``lang`` calls it."""
        text = self.labels.get(principle)
        return text.get(lang) if text is not None else principle

    def catalog(self, base: dict[str, RuleDoc]) -> dict[str, RuleDoc]:
        """The entries of ``base`` as this profile reports them: a reassigned finding
        under its new principle (the same ID, texts and certainty)."""
        if not self.reassign:
            return base
        return {id: dataclasses.replace(doc, principle=self.reassign[id])
                if id in self.reassign else doc for id, doc in base.items()}

    def asks(self, path: str) -> bool:
        """Does init/interview ask for the optional field ``path`` (``sessions[].x``)?"""
        return path in self.fields


_cache: dict[str, Profile] = {}


def available() -> list[str]:
    """The names of the bundled profiles (the files of rules/profiles/)."""
    return sorted(p.stem for p in PROFILE_DIR.iterdir()
                  if p.suffix in SUFFIXES and not p.name.startswith(".")
                  and not p.stem.endswith(".rubric"))


def lookup(name: str | None = None) -> Profile:
    """The profile ``name`` (a bundled profile's name, or a path to a profile file);
    None gives the default."""
    key = name or DEFAULT
    if key not in _cache:
        path = Path(key)
        if key.endswith(SUFFIXES) or path.parent != Path("."):
            if not path.is_file():
                raise ProfileError(Msg.of("profile.no_file", key=key))
        else:
            bundled = next((PROFILE_DIR / f"{key}{s}" for s in SUFFIXES
                            if (PROFILE_DIR / f"{key}{s}").is_file()), None)
            if bundled is None:
                names = ", ".join(available())
                raise ProfileError(Msg.of("profile.unknown", key=key, names=names))
            path = bundled
        found = _read(path)
        _cache[key] = found
        _cache.setdefault(found.name, found)     # results name their profile
    return _cache[key]


def _compose(path: Path):
    """The profile file's text and YAML node tree; ProfileError if it cannot be read."""
    import yaml
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        return text, yaml.compose(text, Loader=_loader(path))
    except OSError as exc:
        from asas.engine.load.types import os_error
        raise ProfileError(_at(where, "1:1", Msg.of("profile.cannot_read",
                                                    why=os_error(exc)))) from None
    except UnicodeDecodeError:
        raise ProfileError(_at(where, "1:1", Msg.of("profile.not_utf8"))) from None
    except yaml.YAMLError as exc:
        # the same explanation of the mistake, and its fix, as a case file gets
        from asas.engine.load.loader import _yaml_problem
        msg, line, column, _ = _yaml_problem(exc, text)
        raise ProfileError(_at(where, f"{line}:{column}", msg)) from None


def _at(where: str, at: str, msg: Msg) -> Msg:
    return Msg.of("profile.at", where=where, at=at, message=msg)


def _loader(path: Path):
    """libyaml's parser (C) for a bundled profile, read at every start; PyYAML's own
    for a profile file a user gives, whose mistakes it words as it always did."""
    import yaml
    if path.parent == PROFILE_DIR and hasattr(yaml, "CSafeLoader"):
        return yaml.CSafeLoader
    return yaml.SafeLoader


def _read(path: Path) -> Profile:
    import yaml
    where = str(path)
    text, root = _compose(path)

    def fail(node, message):
        mark = node.start_mark if node is not None else None
        at = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise ProfileError(_at(where, at, message))

    if not isinstance(root, yaml.MappingNode):
        fail(root, Msg.of("profile.not_mapping", keys=", ".join(KEYS)))
    try:
        data = yaml.load(text, Loader=_loader(path))    # a safe loader, C or Python
    except yaml.YAMLError as exc:      # a tag the safe loader refuses (!!python/...)
        from asas.engine.load.loader import _yaml_problem
        msg, line, column, _ = _yaml_problem(exc, text)
        raise ProfileError(_at(where, f"{line}:{column}", msg)) from None
    nodes = {k.value: v for k, v in root.value}
    for key in nodes:
        if key not in KEYS:
            fail(next(k for k, _ in root.value if k.value == key),
                 Msg.of("profile.unknown_key", key=key, keys=", ".join(KEYS)))
    for key in REQUIRED:
        if key not in data:
            fail(root, Msg.of("profile.missing", key=key))

    def text_of(key, node):
        value = data.get(key)
        if not (isinstance(value, dict) and isinstance(value.get("en"), str)
                and isinstance(value.get("id"), str)):
            fail(node, Msg.of("profile.bilingual", key=key))
        return Text(value["en"], value["id"])

    name = data["name"]
    if not isinstance(name, str) or not name.strip():
        fail(nodes["name"], Msg.of("profile.name_text"))
    principles, labels = _principles(data["principles"], nodes["principles"], fail)
    rules = data["rules"]
    if not (isinstance(rules, list) and rules and all(isinstance(r, str) for r in rules)):
        fail(nodes["rules"], Msg.of("profile.rules_list"))
    reassign = _reassign(data.get("reassign") or {}, nodes.get("reassign"), labels, fail)
    rubric = _rubric(data.get("rubric"), nodes.get("rubric"), path, fail)
    fields = data.get("fields") or []
    if not (isinstance(fields, list) and all(isinstance(f, str) for f in fields)):
        fail(nodes.get("fields"), Msg.of("profile.fields_list"))
    return Profile(name=name, title=text_of("title", nodes["title"]),
                   principles=tuple(principles), labels=labels, rules=tuple(rules),
                   reassign={str(k): str(v) for k, v in reassign.items()},
                   rubric=rubric, fields=tuple(fields),
                   reference=text_of("reference", nodes["reference"])
                   if "reference" in data else None,
                   path=path)


def _principles(entries, node, fail) -> tuple[list, dict]:
    """The profile's principles in order, and their labels in both languages."""
    if not isinstance(entries, list) or not entries:
        fail(node, Msg.of("profile.principles_list"))
    principles, labels = [], {}
    for entry, item in zip(entries, node.value, strict=True):
        if isinstance(entry, str):          # a principle the catalogue already names
            entry = {"key": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
            fail(item, Msg.of("profile.principle_key"))
        key = entry["key"]
        if key in labels:
            fail(item, Msg.of("profile.principle_twice", key=key))
        known = LABELS.get(key)
        said = known.text if known is not None and known.text is not None else (key, key)
        en = str(entry.get("en", said[0]))
        id = str(entry.get("id", said[1]))
        principles.append(key)
        labels[key] = Text(en, id)
        # a principle the catalogue does not name yet is named in every report: label()
        if key not in LABELS:
            LABELS[key] = Label(None, None, (en, id))
    return principles, labels


def _reassign(reassign, node, labels, fail) -> dict:
    """Rule ID -> the profile's principle its finding is reported under."""
    if not isinstance(reassign, dict):
        fail(node, Msg.of("profile.reassign_map"))
    entries = {k.value: k for k, _ in node.value} if node is not None else {}
    for rid, principle in reassign.items():
        if principle not in labels:
            fail(entries.get(str(rid), node), Msg.of("profile.reassign_unknown", rule=str(rid),
                                                     principle=str(principle)))
    return reassign


def _rubric(rubric, node, path: Path, fail) -> Path | None:
    """The rubric file a profile names, beside it; None: the built-in rubric."""
    if rubric is None:
        return None
    if not isinstance(rubric, str):
        fail(node, Msg.of("profile.rubric_name"))
    found = path.parent / rubric
    if not found.is_file():
        fail(node, Msg.of("profile.no_rubric", file=found.name))
    return found


def profile_of(results) -> Profile:
    """The profile a run's results were judged under (the default for none)."""
    for r in results:
        return lookup(getattr(r, "profile", None))
    return lookup(None)
