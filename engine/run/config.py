"""A project's settings for asas, as ruff and yamllint have them: one file a course hands
its students.

Found upwards from the case files (else from the current folder), the nearest first:
``asas.toml``, ``.asas.toml``, ``.asas.yaml`` / ``.asas.yml``, or ``[tool.asas]`` in
``pyproject.toml`` (a pyproject.toml without it is passed over).  ``--config FILE``
names one; ``--isolated`` reads none.  Keys (docs/config.md)::

    lang = "id"                      # en | id
    profile = "bk12"                 # a bundled profile's name, or a profile file
    select = ["KRH", "KSR"]          # or "KRH,KSR"
    ignore = ["DOC"]
    fail-on = "risk"                 # violation | risk | advice | never
    format = "text"                  # any `asas check --format`
    junit-family = "gitlab"          # gitlab | jenkins (--format junit)
    docs-url = "https://…/asas/"     # the base of SARIF's helpUri (docs/rules.md#ksr001)
    strict = false
    rubric = "rubrik-kelas.yaml"     # for `asas grade`, relative to this file
    [limits]                         # max-bytes, max-nodes, max-depth, max-sessions
    max-sessions = 50

What is given on the command line wins over the file; the file wins over the defaults.
The environment sits between the two (``ASAS_LANG``, ``ASAS_FORMAT``); ``asas check``
under GitHub Actions defaults to ``--format github`` (:func:`default_format`).
An unknown key or a wrong value is an error located in the file (exit status 2).
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field

from asas.engine.i18n.messages import Msg

NAMES = ("asas.toml", ".asas.toml", ".asas.yaml", ".asas.yml", "pyproject.toml")
PROFILES = ("default",)
FAIL_ON = ("violation", "risk", "advice", "never")
JUNIT_FAMILIES = ("gitlab", "jenkins")
LIMIT_KEYS = ("max-bytes", "max-nodes", "max-depth", "max-sessions")
KEYS = ("lang", "profile", "select", "ignore", "fail-on", "format", "strict", "rubric",
        "limits", "junit-family", "docs-url")


class ConfigError(Exception):
    """A problem of a config file, located: ``file:line:column: message``."""

    def __init__(self, file: str, line: int, column: int, msg: Msg):
        super().__init__(str(msg))
        self.file, self.line, self.column, self.msg = file, line, column, msg

    def text(self, lang: str) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.msg.text(lang)}"


@dataclass
class Config:
    file: str | None = None
    values: dict = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.values.get(key, default)

    @property
    def folder(self) -> str:
        return os.path.dirname(os.path.abspath(self.file)) if self.file else os.getcwd()

    def path(self, value: str) -> str:
        """A path written in the file, relative to the file's folder."""
        return value if os.path.isabs(value) else os.path.join(self.folder, value)

    def ignored_for(self, case_file: str) -> list[str]:
        """The codes ``per-file-ignores`` leaves out for one case file."""
        out: list[str] = []
        rel = os.path.relpath(os.path.abspath(case_file), self.folder).replace(os.sep, "/")
        for pattern, codes in self.get("per-file-ignores", {}).items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(rel), pattern):
                out += codes
        return out


FORMAT_ENV = "ASAS_FORMAT"


def default_format(config: Config, to_file: bool, environ=None) -> tuple[str, str | None]:
    """The report format of ``asas check`` when ``--format`` is not given, and the name
    of the environment variable it came from (None: not from one).  In order:
    ``ASAS_FORMAT`` (as ``ASAS_LANG`` wins over the file's ``lang``), the config file's
    ``format``, ``github`` when running under GitHub Actions (``GITHUB_ACTIONS=true``,
    as yamllint does) and the report goes to standard output, else ``text``.  The
    caller checks a value that came from the environment."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(FORMAT_ENV, "").strip().lower()
    if chosen:
        return chosen, FORMAT_ENV
    if config.get("format"):
        return config.get("format"), None
    if environ.get("GITHUB_ACTIONS", "") == "true" and not to_file:
        return "github", None
    return "text", None


def find(paths=(), start: str | None = None) -> str | None:
    """The nearest config file above the case files (or ``start``, else the cwd)."""
    places = []
    for p in paths:
        if p == "-" or not isinstance(p, str):
            continue
        places.append(os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or "."))
    folder = os.path.commonpath(places) if places else os.path.abspath(start or os.getcwd())
    while True:
        for name in NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml"
                                              or _has_tool_asas(candidate)):
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_tool_asas(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as fh:
            return any(line.strip().startswith(("[tool.asas]", "[tool.asas.")) for line in fh)
    except (OSError, UnicodeDecodeError):
        return False


def load(path: str | None) -> Config:
    """The settings of ``path`` (None: no file, every default), checked."""
    if path is None:
        return Config()
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        from asas.engine.load.types import os_error
        raise ConfigError(path, 1, 1, Msg.of("config.unreadable", why=os_error(exc))) from None
    if path.endswith((".yaml", ".yml")):
        values, where = _yaml(path, text)
    else:
        values, where = _toml(path, text)
    return Config(path, _checked(path, values, where))


def _toml(path: str, text: str):
    try:
        import tomllib
    except ImportError:   # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or 1
        col = getattr(exc, "colno", None) or 1
        raise ConfigError(path, line, col, Msg.of("config.syntax", what=str(exc))) from None
    if os.path.basename(path) == "pyproject.toml":
        data = data.get("tool", {}).get("asas", {})

    def where(key: str, section: str | None = None) -> tuple[int, int]:
        lines = text.splitlines()
        start = 0
        if section is not None:
            heads = [i for i, ln in enumerate(lines)
                     if re.match(rf"\s*\[(tool\.asas\.)?{re.escape(section)}\]", ln)]
            start = heads[0] if heads else 0
        pattern = re.compile(rf"""^\s*["']?{re.escape(key)}["']?\s*=""")
        for i in range(start, len(lines)):
            if pattern.match(lines[i]):
                return i + 1, len(lines[i]) - len(lines[i].lstrip()) + 1
        return 1, 1
    return data, where


def _yaml(path: str, text: str):
    import yaml
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(path, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                          Msg.of("config.syntax", what=str(getattr(exc, "problem", exc)))) \
            from None
    marks: dict[tuple, tuple[int, int]] = {}

    def walk(node, section):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                marks[(section, k.value)] = (k.start_mark.line + 1, k.start_mark.column + 1)
                if section is None:
                    walk(v, k.value)
    if root is not None:
        walk(root, None)

    def where(key: str, section: str | None = None) -> tuple[int, int]:
        return marks.get((section, key), (1, 1))
    if not isinstance(data, dict):
        raise ConfigError(path, 1, 1, Msg.of("config.not_mapping"))
    return data, where


def _codes(value) -> list[str] | None:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return [v.strip().upper() for v in value if v.strip()]


def _profile(path: str, raw_key, value, fail):
    """A bundled profile's name ("default": the default one), or a profile file written
    relative to the config file."""
    from asas.engine.judge.profile import SUFFIXES, available
    names = ("default", *available())
    if isinstance(value, str) and value in names:
        return None if value == "default" else value
    if isinstance(value, str) and value.endswith(SUFFIXES):
        folder = os.path.dirname(os.path.abspath(path))
        return value if os.path.isabs(value) else os.path.join(folder, value)
    fail(raw_key, Msg.of("config.bad_value", key=str(raw_key), value=repr(value),
                         choices=", ".join(names) + ", FILE.yaml"))


def _checked(path: str, data: dict, where) -> dict:
    from asas.engine.report.formats import FORMATS
    out: dict = {}

    def fail(key, msg, section=None):
        line, col = where(key, section)
        raise ConfigError(path, line, col, msg)

    def unknown(key, allowed, section=None):
        import difflib
        hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        fail(key, Msg.of("config.unknown_key_hint", key=key, name=hint[0]) if hint else
             Msg.of("config.unknown_key", key=key, names=", ".join(allowed)), section)

    def choice(key, value, allowed):
        if value not in allowed:
            fail(key, Msg.of("config.bad_value", key=key, value=repr(value),
                             choices=", ".join(allowed)))
        return value

    for raw_key, value in data.items():
        key = str(raw_key).replace("_", "-")
        if key not in KEYS:
            unknown(str(raw_key), KEYS)
        if key == "lang":
            out[key] = choice(raw_key, value, ("en", "id"))
        elif key == "profile":
            out[key] = _profile(path, raw_key, value, fail)
        elif key == "fail-on":
            out[key] = choice(raw_key, value, FAIL_ON)
        elif key == "format":
            out[key] = choice(raw_key, value, tuple(FORMATS))
        elif key == "junit-family":
            out[key] = choice(raw_key, value, JUNIT_FAMILIES)
        elif key == "docs-url":
            if not isinstance(value, str) or not re.fullmatch(r"(https?|file)://[^\s]+", value):
                fail(raw_key, Msg.of("config.bad_url", key=key))
            out[key] = value if value.endswith("/") else value + "/"
        elif key in ("select", "ignore"):
            codes = _codes(value)
            if codes is None:
                fail(raw_key, Msg.of("config.bad_codes", key=key))
            out[key] = codes
        elif key == "strict":
            if not isinstance(value, bool):
                fail(raw_key, Msg.of("config.bad_bool", key=key))
            out[key] = value
        elif key == "rubric":
            if not isinstance(value, str):
                fail(raw_key, Msg.of("config.bad_path", key=key))
            out[key] = value
        elif key == "limits":
            if not isinstance(value, dict):
                fail(raw_key, Msg.of("config.bad_table", key=key))
            limits = {}
            for lk, lv in value.items():
                name = str(lk).replace("_", "-")
                if name not in LIMIT_KEYS:
                    unknown(str(lk), LIMIT_KEYS, "limits")
                if not isinstance(lv, int) or isinstance(lv, bool) or lv < 1:
                    fail(str(lk), Msg.of("config.bad_limit", key=name), "limits")
                limits[name.replace("-", "_")] = lv
            out[key] = limits
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                fail(raw_key, Msg.of("config.bad_table", key=key))
            table = {}
            for pattern, codes in value.items():
                parsed = _codes(codes)
                if parsed is None:
                    fail(str(pattern), Msg.of("config.bad_codes", key=str(pattern)),
                         raw_key)
                table[str(pattern)] = parsed
            out[key] = table
    return out
