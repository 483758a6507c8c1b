"""asas: audits counseling case write-ups against the principles (asas) of counseling.

The repository root is this package: ``engine/`` is ``asas.engine``, ``rules/`` is
``asas.rules`` and ``cli.py`` is ``asas.cli``.  Importing the package stays cheap: the
engine is loaded by the first call below.

The Python API (docs/api.md), for a course's LMS script or a notebook::

    import asas
    report = asas.check_paths(["kasus/"], lang="id")
    for case in report["cases"]:
        print(case["file"], case["valid"], [f["id"] for f in case.get("findings", [])])

Every function returns plain data (dicts, lists, strings, numbers, booleans, None):
the JSON report of ``asas check --format json`` (shared/spec/report-format.md and the
additions in README.md), so ``json.dumps`` takes it as it is.  Nothing is printed,
nothing is written, nothing raises for a bad case file: its problems are in the
report, each with its line, column, path and message code.
"""

__version__ = "1.0.0"
FORMAT = "asas/v1"

__all__ = ["FORMAT", "__version__", "check_file", "check_paths", "check_text"]


def _options(select, ignore, strict, limits):
    from asas.engine.load.types import Limits

    def codes(values):
        return None if values is None else [c.strip().upper() for c in values if c.strip()]
    return codes(select), codes(ignore), Limits(**dict(limits or {}), strict=strict)


def _report(results, lang: str, redact: bool, select=None, ignore=None) -> dict:
    from asas.engine.report.contract import report_dict
    from asas.engine.report.formats._common import Selection
    if redact:
        from asas.engine.report.redact import redact as hide
        results = hide(results)
    report = report_dict(results, lang)
    selection = Selection.of(select, ignore)
    if selection is not None:       # a filtered report says so, as asas check's does
        report["tool"]["selection"] = selection.as_dict()
    return report


def check_paths(paths, *, lang: str = "en", select=None, ignore=None, strict: bool = False,
                redact: bool = False, limits: dict | None = None, profile=None,
                suppress: bool = True) -> dict:
    """Check files and folders (folders are searched for *.yaml and *.yml).

    ``lang``: "en" or "id", the language of every message.  ``select`` / ``ignore``:
    rule IDs or prefixes, as ``asas check --select/--ignore`` (a list such as
    ``["KRH", "KSR001"]``).  ``strict``: exact codes only (``asas check --strict``).
    ``redact``: no pseudonym or free-text quote in the report.  ``limits``: any of
    ``max_bytes``, ``max_nodes``, ``max_depth``, ``max_sessions`` (docs/limits.md).
    ``profile``: which principles to judge, as ``asas check --profile`` (a bundled
    profile's name such as ``"bk12"``, or a profile file); None: the default.
    ``suppress`` False: the case files' own suppressions (``asas: ignore:``) are not
    applied (``asas check --no-suppress``).

    Returns the whole report: ``{"tool", "principles", "cases", "summary"}``.
    """
    from asas.engine.run.batch import check_paths as run
    if isinstance(paths, str):
        paths = [paths]
    select, ignore, bounds = _options(select, ignore, strict, limits)
    return _report(run([str(p) for p in paths], select, ignore, bounds, profile, suppress), lang,
                   redact, select, ignore)


def check_file(path, *, lang: str = "en", select=None, ignore=None, strict: bool = False,
               redact: bool = False, limits: dict | None = None, profile=None,
               suppress: bool = True) -> dict:
    """Check one case file; returns its case (one item of the report's ``"cases"``):
    ``file``, ``case_id``, ``valid``, ``errors`` and, when valid, ``principles``,
    ``functions`` and ``findings``."""
    from asas.engine.run.pipeline import check_file as run
    select, ignore, bounds = _options(select, ignore, strict, limits)
    return _report([run(str(path), select, ignore, bounds, profile, suppress)], lang,
                   redact)["cases"][0]


def check_text(text: str, *, name: str = "<text>", lang: str = "en", select=None,
               ignore=None, strict: bool = False, redact: bool = False,
               limits: dict | None = None, profile=None, suppress: bool = True) -> dict:
    """Check the content of a case file given as text (a web form, an upload), reported
    under ``name``; returns its case, as :func:`check_file` does."""
    from asas.engine.load.loader import load_bytes
    from asas.engine.run.pipeline import check_loaded
    select, ignore, bounds = _options(select, ignore, strict, limits)
    loaded = load_bytes(text.encode("utf-8"), name, bounds)
    return _report([check_loaded(loaded, select, ignore, profile, suppress)], lang,
                   redact)["cases"][0]
