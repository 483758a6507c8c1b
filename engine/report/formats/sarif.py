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
- one result (level error) per error of an invalid file; the run's invocation then says
  ``executionSuccessful: false``, with one ``toolExecutionNotifications`` entry per file
  that could not be read or is invalid.

What GitHub code scanning (and other servers that track alerts) need besides:

- artifact URIs relative to the repository root (the nearest folder above the current
  one that holds ``.git``; else the current folder), with ``uriBaseId`` ``SRCROOT``,
  which ``originalUriBaseIds`` maps to the root's ``file://`` URI; never ``./``.  A file
  outside the root keeps an absolute ``file://`` URI; ``invocations[0].workingDirectory``
  is the current folder;
- ``partialFingerprints`` (``asas/v1``): a hash of the rule ID, the path from the root,
  the session and the finding's evidence paths, never the line, so an alert stays the
  same alert when other lines of the write-up move (engine/report/formats/_ci.py);
- the evidence (``relatedLocations``) linked from ``message.text`` as ``[path](id)``,
  since GitHub shows only related locations the message links to;
- ``region.endLine``: the line of the value the finding points at (the loader records
  where a value starts, not where it ends, so ``endColumn`` is left to SARIF's default,
  the end of that line);
- on each rule ``properties.precision`` (from its certainty factor) and
  ``properties.problem.severity`` (violation error, risk warning, advice
  recommendation), which order the alert list; ``name`` in PascalCase, apostrophes
  dropped and the article "a" left out (``ClientsOwnDecisionNotDocumented``);
- ``helpUri`` and ``driver.informationUri`` only when the project's ``docs-url`` is set
  (docs/config.md): SARIF wants absolute URIs, asas has no public site, and a
  ``file://`` URI of an installed copy would neither open on the server nor exist in a
  wheel (docs/ is not installed), while it would publish the user's local path.  With
  ``docs-url = "https://example.org/asas/"`` a rule's ``helpUri`` is
  ``https://example.org/asas/docs/rules.md#ksr001``: the anchor is the rule ID in lower
  case, the anchor GitHub and GitLab give the rule's ``### KSR001`` heading in the
  generated docs/rules.md (docs/rules-bk12.md for ``--profile bk12``).

Columns count Unicode code points (``columnKind``), as the loader reports them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from asas import __version__
from asas.engine.i18n.words import word
from asas.engine.report.formats._ci import (
    Fingerprints,
    error_parts,
    finding_parts,
    relative_to_root,
    repo_root,
)
from asas.engine.report.formats._common import (
    INVALID_ID,
    clean,
    error_message,
    one_line,
    streamed_text,
)

SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
          "sarif-schema-2.1.0.json")
LEVEL = {"violation": "error", "risk": "warning", "advice": "note"}
PROBLEM_SEVERITY = {"violation": "error", "risk": "warning", "advice": "recommendation"}
SRCROOT = "SRCROOT"
FINGERPRINT = "asas/v1"


def precision(cf: float) -> str:
    """GitHub's precision of a rule, from its certainty factor."""
    if cf >= 0.9:
        return "very-high"
    if cf >= 0.75:
        return "high"
    if cf >= 0.6:
        return "medium"
    return "low"


def artifact_uri(file: str, root: Path | None = None) -> tuple[str, str | None]:
    """A file as a URI reference and its ``uriBaseId``: a file inside ``root`` (default:
    the repository root) is relative to ``SRCROOT``; any other becomes a ``file://``
    URI; standard input is the relative reference ``stdin``."""
    if file in ("-", "<stdin>"):
        return "stdin", None
    rel = relative_to_root(file, repo_root() if root is None else root)
    if rel is not None:
        return _quote(rel), SRCROOT
    return Path(os.path.abspath(file)).as_uri(), None


def _dir_uri(folder) -> str:
    uri = Path(folder).as_uri()
    return uri if uri.endswith("/") else uri + "/"


_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")


def _quote(path: str) -> str:
    """Percent-encoding of a relative path (RFC 3986: unreserved characters and ``/``
    stay), written here so that no module of asas imports a network library."""
    return "".join(chr(b) if b in _UNRESERVED else f"%{b:02X}" for b in path.encode("utf-8", "surrogateescape"))


def _pascal(text: str) -> str:
    """A title as a PascalCase name, each word a capital then small letters (as SARIF
    viewers check it): apostrophes dropped (Client's -> Clients), the article "a"
    left out, a one-letter word joined to the next (E-mail -> Email)."""
    words = re.findall(r"[A-Za-z0-9]+", re.sub(r"['’]", "", text))
    words = [w for w in words if w.lower() != "a"] or words
    out: list[str] = []
    for w in words:
        if out and len(out[-1]) == 1 and out[-1].isalpha():
            out[-1] += w.lower()
        else:
            out.append(w[:1].upper() + w[1:])
    return "".join(out) or "Rule"


def rules_page(profile) -> str:
    """The page of the rules of ``profile`` (a name or a file; None: the default),
    relative to the project's docs-url."""
    if isinstance(profile, str) and re.fullmatch(r"[a-z0-9][a-z0-9_-]*", profile) \
            and profile not in ("default", "konseling-individual"):
        return f"docs/rules-{profile}.md"
    return "docs/rules.md"


def help_uri(rule_id: str, docs_url: str | None, profile=None) -> str | None:
    """``docs_url`` + the rule's section of docs/rules.md (``#ksr001``), or None."""
    if not docs_url:
        return None
    base = docs_url if docs_url.endswith("/") else docs_url + "/"
    return f"{base}{rules_page(profile)}#{rule_id.lower()}"


def _rule(doc, lang: str, docs_url: str | None = None, profile=None) -> dict:
    why, rec, src = (clean(doc.why.get(lang)), clean(doc.recommendation.get(lang)),
                     clean(doc.source.get(lang)))
    next_time, why_word = word("recommendation", lang), word("why", lang)
    out = {
        "id": doc.id,
        "name": _pascal(doc.title.en),
        "shortDescription": {"text": clean(doc.title.get(lang))},
        "fullDescription": {"text": clean(re.sub(r"\{(\w+)\}", r"‹\1›", doc.message.get(lang)))},
        "help": {"text": f"{why_word}: {why}\n{next_time}: {rec}\n¶ {src}",
                 "markdown": f"**{why_word}:** {why}\n\n**{next_time}:** {rec}\n\n¶ *{src}*"},
        "defaultConfiguration": {"level": LEVEL[doc.severity]},
        "properties": {"principle": doc.principle, "severity": doc.severity,
                       "certaintyFactor": doc.cf, "derived": doc.derived,
                       "precision": precision(doc.cf),
                       "problem.severity": PROBLEM_SEVERITY[doc.severity],
                       "tags": ["asas"] + ([doc.principle] if doc.principle else ["fungsi"])},
    }
    uri = help_uri(doc.id, docs_url, profile)
    if uri:
        out["helpUri"] = uri
    return out


def _invalid_rule(lang: str, docs_url: str | None = None) -> dict:
    out = {
        "id": INVALID_ID,
        "name": "InvalidCaseFile",
        "shortDescription": {"text": word("invalid", lang)},
        "fullDescription": {"text": word("invalid_help", lang)},
        "help": {"text": word("invalid_help", lang), "markdown": word("invalid_help", lang)},
        "defaultConfiguration": {"level": "error"},
        "properties": {"precision": "very-high", "problem.severity": "error",
                       "tags": ["asas"]},
    }
    if docs_url:        # what a case file must look like
        out["helpUri"] = f"{docs_url if docs_url.endswith('/') else docs_url + '/'}" \
                         "docs/case-format.md"
    return out


def _location(uri: str, base: str | None, index: int, line: int, column: int) -> dict:
    artifact = {"uri": uri, "index": index}
    if base:
        artifact = {"uri": uri, "uriBaseId": base, "index": index}
    line = max(1, line or 1)
    return {"physicalLocation": {"artifactLocation": artifact,
                                 "region": {"startLine": line,
                                            "startColumn": max(1, column or 1),
                                            "endLine": line}}}


def _escape(text: str) -> str:
    """Plain text for a SARIF message that embeds links: a literal bracket is escaped,
    so that only our links read as links."""
    text = re.sub(r"\\(?=[\[\]])", r"\\\\", text)
    return re.sub(r"([\[\]])", r"\\\1", text)


def _link_text(path: str) -> str:
    """A case-model path as the text of a link, without brackets (which a viewer's link
    parser may not take escaped): ``sessions[0].opening.x`` -> ``sessions 1 · opening.x``."""
    return re.sub(r"\[(\d+)\]\.?", lambda m: f" {int(m.group(1)) + 1} · ",
                  one_line(path)).strip(" ·")


def _results_of(case: dict, uri: str, base: str | None, a: int, index_of: dict,
                path: str, lang: str) -> list[dict]:
    out = []
    prints = Fingerprints()
    if not case["valid"]:
        for e in case["errors"]:
            out.append({"ruleId": INVALID_ID, "ruleIndex": index_of[INVALID_ID],
                        "level": "error", "kind": "fail",
                        "message": {"text": clean(error_message(e, lang))},
                        "locations": [_location(uri, base, a, e["line"], e["column"])],
                        "partialFingerprints": {FINGERPRINT: prints.of(*error_parts(e, path))}})
        return out
    for f in case["findings"]:
        related, links = [], []
        for k, ev in enumerate(f["evidence"], start=1):
            loc = _location(uri, base, a, ev["line"], ev["column"])
            value = json.dumps(ev["value"], ensure_ascii=False, default=str)
            loc.update(id=k, message={"text": one_line(f"{ev['path']} = {value}")})
            related.append(loc)
            links.append(f"[{_escape(_link_text(ev['path']))}]({k})")
        text = _escape(clean(f["message"]))
        if links:
            text = f"{text} ({word('evidence', lang)}: {', '.join(links)})"
        result = {
            "ruleId": f["id"],
            "ruleIndex": index_of.get(f["id"], -1),
            "level": LEVEL[f["severity"]],
            "kind": "fail",
            "message": {"text": text},
            "locations": [_location(uri, base, a, f["line"], f["column"])],
            "partialFingerprints": {FINGERPRINT: prints.of(*finding_parts(f, path))},
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


def _rules(lang: str, catalog, docs_url=None, profile=None) -> tuple[list, dict]:
    """The catalogue (ID -> RuleDoc) as SARIF rules, and the index of each ID."""
    docs = sorted((catalog or {}).values(), key=lambda d: d.id)
    rules = [_rule(d, lang, docs_url, profile) for d in docs] + [_invalid_rule(lang, docs_url)]
    return rules, {r["id"]: i for i, r in enumerate(rules)}


def _notification(case: dict, shown: str, loc: dict, index_of: dict, lang: str) -> dict:
    """What the run says of a file it could not check (its first error, and how many
    more there are)."""
    errors = case["errors"]
    more = f" (+{len(errors) - 1})" if len(errors) > 1 else ""
    first = clean(error_message(errors[0], lang)) if errors else ""
    return {"level": "error",
            "message": {"text": f"{shown}: {word('invalid', lang)}: {first}{more}"},
            "locations": [loc],
            "associatedRule": {"id": INVALID_ID, "index": index_of[INVALID_ID]}}


_ARTIFACTS, _RESULTS = "\x00artifacts\x00", "\x00results\x00"
_LEVEL = 4      # how deep an artifact or a result sits in the log (json indent levels)


def render(results, lang: str, selection=None, catalog=None, docs_url=None,
           profile=None) -> str:
    return streamed_text(stream, results, lang, selection=selection, catalog=catalog,
                         docs_url=docs_url, profile=profile)


def stream(results, lang: str, out, selection=None, catalog=None, docs_url=None,
           profile=None) -> None:
    """The log as ``json.dumps(log, indent=2)`` would write it, built one case at a time:
    the results go to a temporary file (in memory up to a few MB, on disk beyond) while
    the artifacts, one short entry per file, are collected; then both are written in
    place.  Memory stays bounded for a batch of any size."""
    import tempfile

    from asas.engine.report.contract import case_dict
    from asas.engine.report.formats._ci import report_path
    from asas.engine.report.formats.json_ import _nested
    from asas.engine.report.safe import display_name
    root = repo_root()
    rules, index_of = _rules(lang, catalog, docs_url, profile)
    item = "\n" + "  " * _LEVEL
    artifacts: list[str] = []
    notifications: list[dict] = []
    count = 0
    with tempfile.SpooledTemporaryFile(max_size=4 << 20, mode="w+", encoding="utf-8",
                                       errors="surrogateescape", newline="") as spool:
        for index, r in enumerate(results):
            case = case_dict(r, lang)
            uri, base = artifact_uri(r.file, root)   # the name's own bytes, percent-encoded
            location = {"uri": uri, "uriBaseId": base} if base else {"uri": uri}
            artifacts.append(_nested({"location": location, "roles": ["analysisTarget"]},
                                     _LEVEL))
            path = display_name(report_path(r.file, root))
            mine = _results_of(case, uri, base, index, index_of, path, lang)
            if not case["valid"]:
                first = mine[0]["locations"][0] if mine else _location(uri, base, index, 1, 1)
                notifications.append(_notification(case, path, first, index_of, lang))
            for result in mine:
                spool.write(("[" if count == 0 else ",") + item + _nested(result, _LEVEL))
                count += 1
        invocation: dict = {"executionSuccessful": not notifications}
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        invocation["workingDirectory"] = {"uri": _dir_uri(os.getcwd())}
        if selection is not None:   # a filtered report says which rules ran
            invocation["properties"] = {"selection": selection.as_dict()}
        driver: dict = {"name": "asas", "version": __version__,
                        "semanticVersion": __version__, "language": lang}
        if docs_url:
            driver["informationUri"] = docs_url
        driver["rules"] = rules
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": driver},
                "invocations": [invocation],
                "originalUriBaseIds": {SRCROOT: {"uri": _dir_uri(root)}},
                "language": lang,
                "columnKind": "unicodeCodePoints",
                "artifacts": _ARTIFACTS,
                "results": _RESULTS,
            }],
        }
        skeleton = json.dumps(log, ensure_ascii=False, indent=2) + "\n"
        head, rest = skeleton.split(json.dumps(_ARTIFACTS), 1)
        middle, tail = rest.split(json.dumps(_RESULTS), 1)
        out.write(head)
        out.write(_array(artifacts, item))
        out.write(middle)
        if count:
            spool.seek(0)
            shutil.copyfileobj(spool, out)
            out.write("\n" + "  " * (_LEVEL - 1) + "]")
        else:
            out.write("[]")
        out.write(tail)


def _array(items: list[str], item: str) -> str:
    if not items:
        return "[]"
    return "[" + ",".join(item + text for text in items) + "\n" + "  " * (_LEVEL - 1) + "]"
