"""--format sarif: SARIF 2.1.0 (OASIS), as GitHub code scanning and other SARIF viewers
read it.

- ``tool.driver.rules``: the whole catalogue (``asas.rules.CATALOG``), sorted by ID,
  each with its stable ID, a stable PascalCase ``name`` (from the English title),
  short and full descriptions, ``help`` (why it matters, what to do, the ¶ of the
  source) in ``--lang``, and its default level; plus the pseudo-rule ``INVALID`` for
  files that cannot be checked;
- one result per finding: ``ruleId``/``ruleIndex``, ``level`` from the severity
  (violation error, risk warning, advice note), the message, the location
  (artifact URI, ``region.startLine``/``startColumn``), the evidence as
  ``relatedLocations``, and in ``properties`` the principle, certainty, session and
  the IDs the finding was derived from;
- one result (level error) per error of an invalid file.

Columns count Unicode code points (``columnKind``), as the loader reports them.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from asas import __version__
from asas.engine.i18n.words import word
from asas.engine.report.formats._common import (
    INVALID_ID,
    clean,
    error_message,
    one_line,
    streamed_text,
)
from asas.engine.report.rendered import piece_of

SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
          "sarif-schema-2.1.0.json")
LEVEL = {"violation": "error", "risk": "warning", "advice": "note"}


def artifact_uri(file: str) -> str:
    """A file as a URI reference: relative paths stay relative (to the checkout, as
    code scanning expects), absolute ones become ``file://`` URIs."""
    if file in ("-", "<stdin>"):
        return "stdin"
    if os.path.isabs(file):
        return Path(file).as_uri()
    return _quote(file.replace(os.sep, "/"))


_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")


def _quote(path: str) -> str:
    """Percent-encoding of a relative path (RFC 3986: unreserved characters and ``/``
    stay), written here so that no module of asas imports a network library."""
    return "".join(chr(b) if b in _UNRESERVED else f"%{b:02X}" for b in path.encode("utf-8", "surrogateescape"))


def _pascal(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in re.findall(r"[A-Za-z0-9]+", text)) or "Rule"


def _rule(doc, lang: str) -> dict:
    why, rec, src = (clean(doc.why.get(lang)), clean(doc.recommendation.get(lang)),
                     clean(doc.source.get(lang)))
    next_time, why_word = word("recommendation", lang), word("why", lang)
    return {
        "id": doc.id,
        "name": _pascal(doc.title.en),
        "shortDescription": {"text": clean(doc.title.get(lang))},
        "fullDescription": {"text": clean(re.sub(r"\{(\w+)\}", r"‹\1›", doc.message.get(lang)))},
        "help": {"text": f"{why_word}: {why}\n{next_time}: {rec}\n¶ {src}",
                 "markdown": f"**{why_word}:** {why}\n\n**{next_time}:** {rec}\n\n¶ *{src}*"},
        "defaultConfiguration": {"level": LEVEL[doc.severity]},
        "properties": {"principle": doc.principle, "severity": doc.severity,
                       "certaintyFactor": doc.cf, "derived": doc.derived,
                       "tags": ["asas"] + ([doc.principle] if doc.principle else ["fungsi"])},
    }


def _invalid_rule(lang: str) -> dict:
    return {
        "id": INVALID_ID,
        "name": "InvalidCaseFile",
        "shortDescription": {"text": word("invalid", lang)},
        "fullDescription": {"text": word("invalid_help", lang)},
        "help": {"text": word("invalid_help", lang), "markdown": word("invalid_help", lang)},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["asas"]},
    }


def _location(uri: str, index: int, line: int, column: int) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": uri, "index": index},
                                 "region": {"startLine": max(1, line or 1),
                                            "startColumn": max(1, column or 1)}}}


def _results_of(case: dict, uri: str, a: int, index_of: dict) -> list[dict]:
    out = []
    if not case["valid"]:
        for e in case["errors"]:
            out.append({"ruleId": INVALID_ID, "ruleIndex": index_of[INVALID_ID],
                        "level": "error", "kind": "fail",
                        "message": {"text": clean(error_message(e))},
                        "locations": [_location(uri, a, e["line"], e["column"])]})
        return out
    for f in case["findings"]:
        related = []
        for k, ev in enumerate(f["evidence"], start=1):
            loc = _location(uri, a, ev["line"], ev["column"])
            value = json.dumps(ev["value"], ensure_ascii=False, default=str)
            loc.update(id=k, message={"text": one_line(f"{ev['path']} = {value}")})
            related.append(loc)
        result = {
            "ruleId": f["id"],
            "ruleIndex": index_of.get(f["id"], -1),
            "level": LEVEL[f["severity"]],
            "kind": "fail",
            "message": {"text": clean(f["message"])},
            "locations": [_location(uri, a, f["line"], f["column"])],
            "properties": {"caseId": case["case_id"], "principle": f["principle"],
                           "severity": f["severity"], "certainty": f["certainty"],
                           "session": f["session"], "derivedFrom": f["derived_from"],
                           "recommendation": clean(f["recommendation"]),
                           "source": clean(f["source"])},
        }
        if related:
            result["relatedLocations"] = related
        if result["ruleIndex"] < 0:
            del result["ruleIndex"]
        out.append(result)
    return out


def _rules(lang: str, catalog) -> tuple[list, dict]:
    """The catalogue (ID -> RuleDoc) as SARIF rules, and the index of each ID."""
    docs = sorted((catalog or {}).values(), key=lambda d: d.id)
    rules = [_rule(d, lang) for d in docs] + [_invalid_rule(lang)]
    return rules, {r["id"]: i for i, r in enumerate(rules)}


_ARTIFACTS, _RESULTS = "\x00artifacts\x00", "\x00results\x00"
_LEVEL = 4      # how deep an artifact or a result sits in the log (json indent levels)


def render(results, lang: str, selection=None, catalog=None) -> str:
    return streamed_text(stream, results, lang, selection=selection, catalog=catalog)


def stream(results, lang: str, out, selection=None, catalog=None) -> None:
    """The log as ``json.dumps(log, indent=2)`` would write it, built one case at a time:
    the results go to a temporary file (in memory up to a few MB, on disk beyond) while
    the artifacts, one short entry per file, are collected; then both are written in
    place.  Memory stays bounded for a batch of any size."""
    import tempfile

    rules, index_of = _rules(lang, catalog)
    invocation: dict = {"executionSuccessful": True}
    if selection is not None:   # a filtered report says which rules ran
        invocation["properties"] = {"selection": selection.as_dict()}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "asas", "version": __version__,
                                "semanticVersion": __version__, "language": lang,
                                "rules": rules}},
            "invocations": [invocation],
            "language": lang,
            "columnKind": "unicodeCodePoints",
            "artifacts": _ARTIFACTS,
            "results": _RESULTS,
        }],
    }
    skeleton = json.dumps(log, ensure_ascii=False, indent=2) + "\n"
    head, rest = skeleton.split(json.dumps(_ARTIFACTS), 1)
    middle, tail = rest.split(json.dumps(_RESULTS), 1)
    item = "\n" + "  " * _LEVEL
    artifacts: list[str] = []
    count = 0
    with tempfile.SpooledTemporaryFile(max_size=4 << 20, mode="w+", encoding="utf-8",
                                       errors="surrogateescape", newline="") as spool:
        for index, r in enumerate(results):
            artifact, found = piece_of(r, _fragment, lang, index, index_of)
            artifacts.append(artifact)
            for text in found:
                spool.write(("[" if count == 0 else ",") + item + text)
                count += 1
        out.write(head)
        out.write(_array(artifacts, item))
        out.write(middle)
        if count:
            spool.seek(0)
            while True:
                chunk = spool.read(1 << 16)
                if not chunk:
                    break
                out.write(chunk)
            out.write("\n" + "  " * (_LEVEL - 1) + "]")
        else:
            out.write("[]")
        out.write(tail)


def fragment(r, lang: str, index: int = 0, catalog=None) -> tuple[str, tuple[str, ...]]:
    """What ``stream`` writes for one case (engine/report/rendered.py): its artifact
    entry and its results."""
    return _fragment(r, lang, index, _rule_index(lang, catalog))


def _fragment(r, lang: str, index: int, index_of: dict) -> tuple[str, tuple[str, ...]]:
    from asas.engine.report.contract import case_dict
    from asas.engine.report.formats.json_ import _nested
    uri = artifact_uri(r.file)      # the name's own bytes, percent-encoded
    artifact = _nested({"location": {"uri": uri}, "roles": ["analysisTarget"]}, _LEVEL)
    return artifact, tuple(_nested(result, _LEVEL)
                           for result in _results_of(case_dict(r, lang), uri, index, index_of))


_indexes: dict = {}


def _rule_index(lang: str, catalog) -> dict:
    """The index of each rule ID in the log's rules, made once per catalogue."""
    key = (lang, id(catalog))
    held = _indexes.get(key)
    if held is None or held[0] is not catalog:
        held = _indexes[key] = (catalog, _rules(lang, catalog)[1])
    return held[1]


def _array(items: list[str], item: str) -> str:
    if not items:
        return "[]"
    return "[" + ",".join(item + text for text in items) + "\n" + "  " * (_LEVEL - 1) + "]"
