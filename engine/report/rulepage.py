"""`asas rules` and `asas rule ID`: the catalogue as a reader sees it."""

from __future__ import annotations

import re

import yaml

from asas.engine.i18n.paths import readable
from asas.engine.i18n.words import word
from asas.engine.judge.catalog import RuleDoc, Text, label
from asas.engine.report.contract import cf_text

HEAD = {
    "checks": ("What it checks", "Apa yang diperiksa"),
    "why": ("Why it matters", "Mengapa penting"),
    "fail": ("Failing example (changes to cases/exemplary.yaml)",
             "Contoh yang gagal (perubahan pada cases/exemplary.yaml)"),
    "pass": ("Example that does not trigger this rule (changes to cases/exemplary.yaml)",
             "Contoh yang tidak memicu aturan ini (perubahan pada cases/exemplary.yaml)"),
    "instead": ("What to do instead", "Yang sebaiknya dilakukan"),
    "principle": ("principle", "asas"),
    "severity": ("severity", "tingkat"),
    "cf": ("certainty", "tingkat keyakinan"),
    "reference": ("Reference", "Rujukan"),
    "derived": ("derived from other findings (a chain of the source)",
                "diturunkan dari temuan lain (rantai penalaran sumber)"),
    "needed": ("an observation the principle needs: without it the principle is not assessed",
               "pengamatan yang diperlukan: tanpanya asas tidak dapat dinilai"),
    "removed": ("(removed: not documented)", "(dihapus: tidak dicatat)"),
}


# The source the rules rest on, and the book behind it, cited so that a trainee can
# use them in a practicum report.
REFERENCES = Text(
    en="\n".join((
        "Source text (the ¶ above): Damanik, E. (n.d.). Pengertian konseling individual "
        "[article], summarising the asas of individual counseling as taught in Indonesian BK.",
        "Prayitno & Amti, E. (2004). Dasar-Dasar Bimbingan dan Konseling (rev. ed.). "
        "Jakarta: Rineka Cipta. (The asas of counseling: kerahasiaan, kesukarelaan, "
        "keterbukaan, kekinian, kemandirian, kegiatan, kenormatifan, keahlian, and others.)")),
    id="\n".join((
        "Teks sumber (¶ di atas): Damanik, E. (t.t.). Pengertian konseling individual "
        "[artikel], ringkasan asas-asas konseling individual sebagaimana diajarkan dalam BK.",
        "Prayitno & Amti, E. (2004). Dasar-Dasar Bimbingan dan Konseling (ed. rev.). "
        "Jakarta: Rineka Cipta. (Asas-asas konseling: kerahasiaan, kesukarelaan, "
        "keterbukaan, kekinian, kemandirian, kegiatan, kenormatifan, keahlian, dan lainnya.)")))


# A rule that rests on the guidance literature itself (profile bk12's four principles,
# rules/_bk12.py): its ¶ is Prayitno & Amti, not the source text.
GUIDANCE_BOOK = "Prayitno & Erman Amti"
GUIDANCE_REFERENCES = Text(
    en="\n".join((
        "Source (the ¶ above): Prayitno & Amti, E. (2004). Dasar-Dasar Bimbingan dan "
        "Konseling (rev. ed.). Jakarta: Rineka Cipta. (The twelve asas of guidance and "
        "counseling, among them kedinamisan, keterpaduan, alih tangan kasus and tut wuri "
        "handayani.)",
        "Sukardi, D. K. (2008). Pengantar Pelaksanaan Program Bimbingan dan Konseling di "
        "Sekolah. Jakarta: Rineka Cipta. (The same twelve asas.)")),
    id="\n".join((
        "Sumber (¶ di atas): Prayitno & Amti, E. (2004). Dasar-Dasar Bimbingan dan "
        "Konseling (ed. rev.). Jakarta: Rineka Cipta. (Dua belas asas bimbingan dan "
        "konseling, di antaranya kedinamisan, keterpaduan, alih tangan kasus, dan tut wuri "
        "handayani.)",
        "Sukardi, D. K. (2008). Pengantar Pelaksanaan Program Bimbingan dan Konseling di "
        "Sekolah. Jakarta: Rineka Cipta. (Dua belas asas yang sama.)")))


def references(doc: RuleDoc) -> Text:
    """The references of ``doc``'s page: the one its ¶ cites first."""
    return GUIDANCE_REFERENCES if doc.source.en.startswith(GUIDANCE_BOOK) else REFERENCES


def _h(key: str, lang: str) -> str:
    return HEAD[key][1] if lang == "id" else HEAD[key][0]


def _template(text: str) -> str:
    """A message template with its placeholders shown as ‹name›."""
    return re.sub(r"\{(\w+)\}", r"‹\1›", text)


def _written(value) -> list[str]:
    """A value as a trainee writes it in the case file: a text of several lines (a
    verbatim) as a literal block, its lines below the key; anything else in flow style
    on the key's line."""
    if isinstance(value, str) and "\n" in value.rstrip("\n"):
        return ["|"] + [f"  {line}" if line.strip() else ""
                        for line in value.rstrip("\n").split("\n")]
    shown = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True,
                           width=200).strip()
    return [shown[:-4] if shown.endswith("\n...") else shown.removesuffix("...").strip()]


def _example(changes: dict, lang: str) -> list[str]:
    """The example's changes, each field as a reader counts it ("sesi 1 › place.private",
    engine/i18n/paths.py): the page is read by a person, not a program."""
    lines = []
    for path, value in changes.items():
        where = readable(path, lang)
        if value is None:
            lines.append(f"    {where}:  {_h('removed', lang)}")
        else:
            first, *rest = _written(value)
            lines.append(f"    {where}: {first}")
            lines.extend(f"    {line}" if line else "" for line in rest)
    return lines or ["    (cases/exemplary.yaml)"]


# Example values for a message's placeholders, so that a rule page reads as a trainee
# would see the finding; those the failing example names are taken from it.
EXAMPLE_VALUES = {
    "session": 2, "sessions": 2, "risk": ("self_harm",), "risks": ("self_harm",),
    "to": "wali kelas", "reason": "coordination", "count": 3,
    "principles": ("kekinian", "kegiatan", "kenormatifan"), "who": ("wali kelas",),
    "how": ("advice",), "cause": "KRH001", "note": "…", "norm": "religion",
    "activity": "passive", "disclosure": "guarded", "focus": "past", "share": 0.7,
    "before": "willing", "after": "reluctant", "areas": ("family",),
    "competencies": ("personal", "social", "academic"), "rights": ("bullying",),
    "source": "homeroom_teacher", "fields": ("evaluation.understanding",),
    "repaired_session": 2, "explained": 3, "deadline": 1, "disclosed": 1,
    # the bk12 profile (rules/keterpaduan.py, rules/kedinamisan.py)
    "kind": "home_visit", "sources": ("observation",), "techniques": ("attending",),
    # the verbatim (rules/verbatim.py)
    "claimed": 0.3, "measured": 0.75, "turn": 12, "turns": "12, 15, 20",
}
_FROM_EXAMPLE = {"client.activity": "activity", "client.disclosure": "disclosure",
                 "counselor.time_focus": "focus", "counselor.talk_share": "share",
                 "case.problem.risk": "risk", "case.problem.areas": "areas",
                 "case.referral.source": "source", "case.problem.rights_violated": "rights",
                 "case.data_sources": "sources", "counselor.techniques": "techniques"}
_SESSION = re.compile(r"^sessions\[(\d+)\]\.")
# What the failing example's own finding says where the values above or the example's
# fields would not: a derived finding names the finding it rests on ("lihat KGT001") and
# may word itself by that cause (KTB001 from a confidentiality lapse: "trust"); a
# verbatim finding names the turn its example's verbatim flags. tests/test_whole_case.py
# runs every failing example and holds each page to the finding it produces.
EXAMPLE_FINDING: dict[str, dict] = {
    "KGT005": {"cause": "KGT001"}, "KGT006": {"cause": "KKN002"},
    "KSR005": {"cause": "KRH001"}, "KTB001": {"cause": "KSR005", "variant": "trust"},
    "KTB004": {"cause": "KTB002"},
    "ATK001": {"to": "psikolog"}, "ATK002": {"to": "psikolog"}, "ATK003": {"to": "psikolog"},
    "KGT004": {"variant": "no_follow_up"}, "KSR003": {"count": 1}, "KTB002": {"count": 1},
    "KKN003": {"areas": ("academic", "personal")},
    "KAH005": {"competencies": ("personal", "social", "academic", "career")},
    "DOC079": {"fields": ("case.setting",)},
    "PRV001": {"fields": "case.client.pseudonym"}, "PRV002": {"fields": "sessions[0].notes"},
    "PRV003": {"fields": "sessions[0].notes"}, "PRV004": {"fields": "case.problem.summary"},
    "PRV005": {"fields": "sessions[0].notes"}, "PRV006": {"fields": "case.problem.summary"},
    "VBT004": {"claimed": 0.35, "measured": 0.9}, "VBT005": {"count": 2},
    "VBT007": {"count": 1, "turn": 3, "who": "Ayah"}, "VBT010": {"turn": 1},
    "VBT011": {"turn": 1}, "VBT012": {"turn": 1}, "VBT013": {"turn": 1},
    "VBT014": {"turn": (1, 3, 5)}, "VBT015": {"measured": 0.9},
    "VBT020": {"count": 1, "turns": "1"},
}


def example_values(doc: RuleDoc) -> dict:
    """The placeholders' values for ``doc``'s page, drawn from its failing example where
    it names them (session, risk, norm, who a disclosure went to, ...)."""
    values = dict(EXAMPLE_VALUES)
    for path, value in doc.fail.items():
        m = _SESSION.match(path)
        if m:
            values["session"] = values["sessions"] = int(m.group(1)) + 1
        tail = _SESSION.sub("", path)
        if tail in _FROM_EXAMPLE and value is not None:
            key = _FROM_EXAMPLE[tail]
            if key in ("risk", "risks"):
                value = tuple(v["kind"] if isinstance(v, dict) else v for v in value)
                values["risks"] = value
            values[key] = tuple(value) if isinstance(value, list) else value
        if tail == "counselor.norm_conflicts" and value:
            values["norm"], values["note"] = value[0]["norm"], value[0].get("note", "…")
        if tail == "disclosures" and value:
            values["to"], values["reason"] = value[0]["to"], value[0].get("reason", "none")
        if tail == "case.supporting_activities" and value:
            values["kind"] = value[0]["kind"]
        if tail == "place.others_present" and value:
            values["who"] = tuple(v["who"] if isinstance(v, dict) else v for v in value)
    values.update(EXAMPLE_FINDING.get(doc.id, {}))
    return values


def _filled(text, lang: str, params: dict | None) -> str:
    """A message with its example's values; a placeholder without one shown as ‹name›."""
    if params:
        return _template(text.fill(lang, params))
    return _template(text.get(lang))


def rule_page(doc: RuleDoc, lang: str, params: dict | None = None) -> str:
    """``params``: the values to show in the message (default: example_values(doc)), so
    the message reads as a trainee would see it."""
    params = example_values(doc) if params is None else params
    worded = doc.worded(params)      # the wording the failing example's finding has
    principle = doc.principle or "—"
    gloss = f" ({label(doc.principle, 'en')})" if doc.principle and lang != "id" else ""
    lines = [
        f"{doc.id} · {doc.title.get(lang)}",
        f"{_h('principle', lang)}: {principle}{gloss} · {_h('severity', lang)}: "
        f"{word(doc.severity, lang)} · {_h('cf', lang)}: {cf_text(doc.cf, lang)}",
    ]
    if doc.derived:
        lines.append(_h("derived", lang))
        lines.append(word("certainty_note", lang))
    if doc.needed:
        lines.append(_h("needed", lang))
    lines += ["", _h("checks", lang), f"  {_filled(worded.message, lang, params)}",
              "", _h("why", lang), f"  {doc.why.get(lang)}", f"  ¶ {doc.source.get(lang)}",
              "", _h("fail", lang), *_example(doc.fail, lang),
              "", _h("pass", lang), *_example(doc.passing, lang),
               "", _h("instead", lang), f"  {_filled(worded.recommendation, lang, params)}",
               "", _h("reference", lang), *[f"  {ref}" for ref in references(doc).get(lang).split("\n")]]
    return "\n".join(lines) + "\n"


def rule_list(docs, lang: str) -> str:
    docs = list(docs)
    # the principle column as wide as its longest key (tut_wuri_handayani), at least 13
    width = max([13, *(len(d.principle) + 1 for d in docs if d.principle)])
    lines = []
    for doc in docs:
        lines.append(f"{doc.id}  {(doc.principle or '—'):<{width}} {word(doc.severity, lang):<11} "
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
    """The example's changes as paths (to copy into a file), each session's also as a
    reader counts it: ``sessions[1].place.private: false  # sesi 2 / session 2``."""
    lines = ["```yaml"]
    for path, value in changes.items():
        m = _SESSION.match(path)
        counted = (f"sesi {int(m.group(1)) + 1} / session {int(m.group(1)) + 1}"
                   if m else None)
        if value is None:
            note = f"{HEAD['removed'][1]} / {HEAD['removed'][0]}"
            lines.append(f"{path}:  # " + (f"{counted}: {note}" if counted else note))
        else:
            first, *rest = _written(value)
            lines.append(f"{path}: {first}" + (f"  # {counted}" if counted else ""))
            lines.extend(rest)
    if not changes:
        lines.append("# (cases/exemplary.yaml)")
    return lines + ["```"]


def _md_principle(principle) -> str:
    if principle is None:
        return "— (tanpa asas / no principle)"
    return f"{principle} ({label(principle, 'en')})"


def rules_markdown(docs, profile=None) -> str:
    """docs/rules.md: every entry with its ID, principle, severity, CF, texts in
    Indonesian and English, source, and its failing and passing example.  For a profile
    other than the default (a Profile): docs/rules-NAME.md, titled with the profile."""
    docs = list(docs)
    note, title = MD_NOTE, "# Aturan asas / Rules of asas"
    if profile is not None and not profile.is_default:
        note = MD_NOTE.replace("asas rules --format markdown -o docs/rules.md",
                               f"asas rules --profile {profile.name} --format markdown "
                               f"-o docs/rules-{profile.name}.md")
        title = f"# Aturan asas: {profile.title.id} / Rules of asas: {profile.title.en}"
    out = [note, "", title, "",
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
                f"- **Tingkat keyakinan / certainty factor:** {cf_text(doc.cf, 'id')} / "
                f"{cf_text(doc.cf, 'en')}"]
        for key in ("derived", "needed"):
            if getattr(doc, key):
                out.append(f"- {HEAD[key][1]} / {HEAD[key][0]}")
        if doc.derived:
            out.append(f"- {word('certainty_note', 'id')} / {word('certainty_note', 'en')}")
        params = example_values(doc)
        for lang, name in (("id", "Bahasa Indonesia"), ("en", "English")):
            out += ["", f"**{name}**", ""]
            for field in ("title", "message", "recommendation", "why", "source"):
                text = getattr(doc, field).get(lang)
                if field in ("message", "recommendation"):
                    # filled with the failing example's values, as a trainee reads it
                    text = _filled(getattr(doc, field), lang, params)
                head = MD_HEAD[field][0 if lang == "id" else 1]
                out.append(f"- *{head}:* {text}")
        out += ["", f"**{HEAD['fail'][1]} / {HEAD['fail'][0]}**", "", *_md_example(doc.fail),
                "", f"**{HEAD['pass'][1]} / {HEAD['pass'][0]}**", "",
                *_md_example(doc.passing)]
    return "\n".join(out) + "\n"
