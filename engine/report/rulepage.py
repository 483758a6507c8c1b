"""`asas rules` and `asas rule ID`: the catalogue as a reader sees it."""

from __future__ import annotations

import re

import yaml

from asas.engine.i18n.words import word
from asas.engine.judge.catalog import RuleDoc, label

HEAD = {
    "checks": ("What it checks", "Apa yang diperiksa"),
    "why": ("Why it matters", "Mengapa penting"),
    "fail": ("Failing example (changes to cases/exemplary.yaml)",
             "Contoh yang gagal (perubahan pada cases/exemplary.yaml)"),
    "pass": ("Passing example", "Contoh yang lolos"),
    "instead": ("What to do instead", "Yang sebaiknya dilakukan"),
    "principle": ("principle", "asas"),
    "severity": ("severity", "tingkat"),
    "cf": ("certainty factor", "faktor kepastian"),
    "derived": ("derived from other findings (a chain of the source)",
                "diturunkan dari temuan lain (rantai penalaran sumber)"),
    "needed": ("an observation the principle needs: without it the principle is not assessed",
               "pengamatan yang diperlukan: tanpanya asas tidak dapat dinilai"),
    "removed": ("(removed: not documented)", "(dihapus: tidak dicatat)"),
}


def _h(key: str, lang: str) -> str:
    return HEAD[key][1] if lang == "id" else HEAD[key][0]


def _template(text: str) -> str:
    """A message template with its placeholders shown as ‹name›."""
    return re.sub(r"\{(\w+)\}", r"‹\1›", text)


def _example(changes: dict, lang: str) -> list[str]:
    lines = []
    for path, value in changes.items():
        if value is None:
            lines.append(f"    {path}:  {_h('removed', lang)}")
        else:
            shown = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True,
                                   width=200).strip()
            shown = shown[:-4] if shown.endswith("\n...") else shown.removesuffix("...").strip()
            lines.append(f"    {path}: {shown}")
    return lines or ["    (cases/exemplary.yaml)"]


def rule_page(doc: RuleDoc, lang: str) -> str:
    principle = doc.principle or "—"
    gloss = f" ({label(doc.principle, 'en')})" if doc.principle and lang != "id" else ""
    lines = [
        f"{doc.id} · {doc.title.get(lang)}",
        f"{_h('principle', lang)}: {principle}{gloss} · {_h('severity', lang)}: "
        f"{word(doc.severity, lang)} · {_h('cf', lang)}: {doc.cf:.2f}",
    ]
    if doc.derived:
        lines.append(_h("derived", lang))
    if doc.needed:
        lines.append(_h("needed", lang))
    lines += ["", _h("checks", lang), f"  {_template(doc.message.get(lang))}",
              "", _h("why", lang), f"  {doc.why.get(lang)}", f"  ¶ {doc.source.get(lang)}",
              "", _h("fail", lang), *_example(doc.fail, lang),
              "", _h("pass", lang), *_example(doc.passing, lang),
              "", _h("instead", lang), f"  {doc.recommendation.get(lang)}"]
    return "\n".join(lines) + "\n"


def rule_list(docs, lang: str) -> str:
    lines = []
    for doc in docs:
        lines.append(f"{doc.id}  {(doc.principle or '—'):<13} {word(doc.severity, lang):<11} "
                     f"{doc.cf:.2f}  {doc.title.get(lang)}")
    return "\n".join(lines) + "\n"


def rule_dict(doc: RuleDoc, lang: str) -> dict:
    return {"id": doc.id, "principle": doc.principle, "severity": doc.severity, "cf": doc.cf,
            "derived": doc.derived, "needed": doc.needed,
            "title": doc.title.get(lang), "message": doc.message.get(lang),
            "recommendation": doc.recommendation.get(lang), "why": doc.why.get(lang),
            "source": doc.source.get(lang), "fail": doc.fail, "passing": doc.passing}


# -- docs/rules.md: the whole catalogue, in both languages --------------------------------
MD_HEAD = {
    "title": ("Judul", "Title"), "message": ("Pesan", "Message"),
    "recommendation": ("Saran", "Recommendation"), "why": ("Mengapa penting", "Why it matters"),
    "source": ("Sumber", "Source"),
}
MD_NOTE = ("<!-- Dibuat dari katalog aturan (rules/); jangan disunting langsung. "
           "Generated from the rule catalogue (rules/); do not edit by hand.\n"
           "     Regenerate / buat ulang:  asas rules --format markdown -o docs/rules.md -->")


def _md_example(changes: dict) -> list[str]:
    lines = ["```yaml"]
    for path, value in changes.items():
        if value is None:
            lines.append(f"{path}:  # {HEAD['removed'][1]} / {HEAD['removed'][0]}")
        else:
            shown = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True,
                                   width=200).strip()
            shown = shown[:-4] if shown.endswith("\n...") else shown.removesuffix("...").strip()
            lines.append(f"{path}: {shown}")
    if not changes:
        lines.append("# (cases/exemplary.yaml)")
    return lines + ["```"]


def _md_principle(principle) -> str:
    if principle is None:
        return "— (tanpa asas / no principle)"
    return f"{principle} ({label(principle, 'en')})"


def rules_markdown(docs) -> str:
    """docs/rules.md: every entry with its ID, principle, severity, CF, texts in
    Indonesian and English, source, and its failing and passing example."""
    docs = list(docs)
    out = [MD_NOTE, "", "# Aturan asas / Rules of asas", "",
           f"{len(docs)} aturan, dalam urutan laporan. / {len(docs)} rules, in the report's "
           "order. `asas rule ID` menampilkan satu aturan / shows one rule.", "",
           "| ID | Asas / principle | Tingkat / severity | CF | Judul / title |",
           "|---|---|---|---|---|"]
    for doc in docs:
        out.append(f"| [{doc.id}](#{doc.id.lower()}) | {doc.principle or '—'} | "
                   f"{word(doc.severity, 'id')} / {word(doc.severity, 'en')} | {doc.cf:.2f} | "
                   f"{doc.title.id} / {doc.title.en} |")
    principle = object()
    for doc in docs:
        if doc.principle != principle:
            principle = doc.principle
            out += ["", f"## {_md_principle(principle)}"]
        out += ["", f"### {doc.id}", "",
                f"- **Asas / principle:** {_md_principle(doc.principle)}",
                f"- **Tingkat / severity:** {word(doc.severity, 'id')} / "
                f"{word(doc.severity, 'en')}",
                f"- **Faktor kepastian / certainty factor:** {doc.cf:.2f}"]
        for key in ("derived", "needed"):
            if getattr(doc, key):
                out.append(f"- {HEAD[key][1]} / {HEAD[key][0]}")
        for lang, name in (("id", "Bahasa Indonesia"), ("en", "English")):
            out += ["", f"**{name}**", ""]
            for field in ("title", "message", "recommendation", "why", "source"):
                text = getattr(doc, field).get(lang)
                if field == "message":
                    text = _template(text)
                head = MD_HEAD[field][0 if lang == "id" else 1]
                out.append(f"- *{head}:* {text}")
        out += ["", f"**{HEAD['fail'][1]} / {HEAD['fail'][0]}**", "", *_md_example(doc.fail),
                "", f"**{HEAD['pass'][1]} / {HEAD['pass'][0]}**", "",
                *_md_example(doc.passing)]
    return "\n".join(out) + "\n"
