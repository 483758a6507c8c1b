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
from asas.engine.judge.catalog import LABELS, RuleDoc, Text

DEFAULT = "konseling-individual"
PROFILE_DIR = Path(__file__).resolve().parents[2] / "rules" / "profiles"
SUFFIXES = (".yaml", ".yml")
KEYS = ("name", "title", "reference", "principles", "rules", "reassign", "rubric", "fields")
REQUIRED = ("name", "title", "principles", "rules")


class ProfileError(ValueError):
    """A profile that cannot be found or read; the message says where and why."""


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
                raise ProfileError(f"{key}: no such profile file")
        else:
            bundled = next((PROFILE_DIR / f"{key}{s}" for s in SUFFIXES
                            if (PROFILE_DIR / f"{key}{s}").is_file()), None)
            if bundled is None:
                names = ", ".join(available())
                raise ProfileError(f"no profile '{key}' (bundled: {names}; or give the "
                                   "path of a profile file)")
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
        raise ProfileError(f"{where}:1:1: cannot be read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ProfileError(f"{where}:1:1: not UTF-8 text") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise ProfileError(f"{where}:{at}: not valid YAML: {exc.problem or exc}") from None


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
        raise ProfileError(f"{where}:{at}: {message}")

    if not isinstance(root, yaml.MappingNode):
        fail(root, f"a profile is a mapping with the keys {', '.join(KEYS)}")
    data = yaml.load(text, Loader=_loader(path))    # a safe loader, C or Python
    nodes = {k.value: v for k, v in root.value}
    for key in nodes:
        if key not in KEYS:
            fail(next(k for k, _ in root.value if k.value == key),
                 f"unknown key '{key}' (keys: {', '.join(KEYS)})")
    for key in REQUIRED:
        if key not in data:
            fail(root, f"'{key}' is missing")

    def text_of(key, node):
        value = data.get(key)
        if not (isinstance(value, dict) and isinstance(value.get("en"), str)
                and isinstance(value.get("id"), str)):
            fail(node, f"'{key}' must give an 'en' and an 'id' text")
        return Text(value["en"], value["id"])

    name = data["name"]
    if not isinstance(name, str) or not name.strip():
        fail(nodes["name"], "'name' must be text")
    principles, labels = _principles(data["principles"], nodes["principles"], fail)
    rules = data["rules"]
    if not (isinstance(rules, list) and rules and all(isinstance(r, str) for r in rules)):
        fail(nodes["rules"], "'rules' must be a list of rule modules of rules/")
    reassign = _reassign(data.get("reassign") or {}, nodes.get("reassign"), labels, fail)
    rubric = _rubric(data.get("rubric"), nodes.get("rubric"), path, fail)
    fields = data.get("fields") or []
    if not (isinstance(fields, list) and all(isinstance(f, str) for f in fields)):
        fail(nodes.get("fields"), "'fields' must be a list of field paths")
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
        fail(node, "'principles' must be a list of {key, en, id}")
    principles, labels = [], {}
    for entry, item in zip(entries, node.value, strict=True):
        if isinstance(entry, str):          # a principle the catalogue already names
            entry = {"key": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
            fail(item, "each principle needs a 'key'")
        key = entry["key"]
        if key in labels:
            fail(item, f"principle '{key}' is listed twice")
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
        fail(node, "'reassign' must map rule IDs to principles")
    entries = {k.value: k for k, _ in node.value} if node is not None else {}
    for rid, principle in reassign.items():
        if principle not in labels:
            fail(entries.get(str(rid), node), f"{rid} is reassigned to '{principle}', which "
                                              "is not one of the profile's principles")
    return reassign


def _rubric(rubric, node, path: Path, fail) -> Path | None:
    """The rubric file a profile names, beside it; None: the built-in rubric."""
    if rubric is None:
        return None
    if not isinstance(rubric, str):
        fail(node, "'rubric' must be the name of a rubric file")
    found = path.parent / rubric
    if not found.is_file():
        fail(node, f"no rubric file {found.name} beside the profile")
    return found


def profile_of(results) -> Profile:
    """The profile a run's results were judged under (the default for none)."""
    for r in results:
        return lookup(getattr(r, "profile", None))
    return lookup(None)
