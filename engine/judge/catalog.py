"""Catalogue entries: what a finding says, in Indonesian and English, and how sure it is.

Plain data: no import of the inference engine.  Each rule module in ``rules/`` puts
its entries on the rules that fire them (``rules/_registry.py``, which also builds the
finding facts); ``asas.rules.CATALOG`` gathers them.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field, replace

PRINCIPLES = ("kerahasiaan", "kesukarelaan", "keterbukaan", "kekinian", "kegiatan",
              "kenormatifan", "keahlian", "kemandirian")
FUNCTIONS = ("pemahaman", "pengentasan", "pengembangan_pemeliharaan", "pencegahan", "advokasi")
LANGS = ("en", "id")


@dataclass(frozen=True)
class Text:
    """One text in both languages; ``{name}`` placeholders are filled from a finding."""
    en: str
    id: str

    def get(self, lang: str) -> str:
        return self.id if lang == "id" else self.en

    def fill(self, lang: str, params: dict) -> str:
        return string.Formatter().vformat(self.get(lang), (), _Lenient(params, lang))

    def placeholders(self, lang: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(self.get(lang)) if name}


class _Lenient(dict):
    """Fills known placeholders with labels in the report's language; keeps unknown ones."""

    def __init__(self, params: dict, lang: str):
        super().__init__({k: label(v, lang) for k, v in params.items()})

    def __missing__(self, key):
        return "{" + key + "}"


@dataclass(frozen=True)
class RuleDoc:
    id: str
    principle: str | None       # one of PRINCIPLES, or None (functions)
    severity: str               # one of SEVERITIES
    cf: float                   # the rule's certainty factor, 0..1
    title: Text
    message: Text
    recommendation: Text
    why: Text                   # why it matters, from the source
    source: Text                # the paragraph of the source text it rests on
    fail: dict = field(default_factory=dict)     # a failing example: changes to cases/exemplary.yaml
    passing: dict = field(default_factory=dict)  # ... and the passing one beside it
    derived: bool = False       # concluded from other findings (a chain), not from facts
    # DOC entries only: the observation is one the principle needs to be assessed
    # (knowledge-base.md, "What each principle needs"); its finding leaves the
    # principle not_assessed unless a risk or violation was found anyway.
    needed: bool = False
    # False for findings about identifying data (PRV): their evidence names the field
    # and line but never carries the value, in any report, cache entry or caller
    shows_values: bool = True
    # Wordings for a particular cause or situation, chosen by the finding's ``variant``
    # parameter: name -> {"title"|"message"|"recommendation": Text}.  A title follows
    # its cause ("titles follow their cause"); a lapse repaired later says so.
    variants: dict = field(default_factory=dict)

    def worded(self, params: dict | None) -> "RuleDoc":
        """This entry as a finding with ``params`` reads it: its variant's wording, if
        the finding names one the entry has, else the entry itself."""
        name = (params or {}).get("variant")
        if isinstance(name, tuple):      # several firings merged: the first one's cause
            name = name[0] if name else None
        texts = self.variants.get(name) if isinstance(name, str) else None
        return replace(self, **texts) if texts else self


# Values written in case files, as a reader of each language says them.
LABELS = {
    "self": ("self-referred", "datang sendiri"),
    "teacher": ("a teacher", "guru"),
    "homeroom_teacher": ("the homeroom teacher", "wali kelas"),
    "parent": ("a parent", "orang tua"),
    "principal": ("the principal", "kepala sekolah"),
    "peer": ("a peer", "teman sebaya"),
    "other": ("other", "lainnya"),
    "authority": ("an authority", "pihak berwenang"),
    "religion": ("religion", "agama"),
    "custom": ("custom", "adat"),
    "law": ("law", "hukum"),
    "science": ("science", "ilmu"),
    "social_habit": ("social habit", "kebiasaan"),
    "self_harm": ("self-harm", "menyakiti diri"),
    "suicidal_ideation": ("suicidal ideation", "ide bunuh diri"),
    "harm_to_others": ("harm to others", "membahayakan orang lain"),
    "abuse": ("abuse", "kekerasan"),
    "substance_use": ("substance use", "penyalahgunaan zat"),
    "psychiatric_symptoms": ("psychiatric symptoms", "gejala psikiatris"),
    "bullying": ("bullying", "perundungan"),
    "discrimination": ("discrimination", "diskriminasi"),
    "exploitation": ("exploitation", "eksploitasi"),
    "willing": ("willing", "bersedia"),
    "hesitant": ("hesitant", "ragu-ragu"),
    "reluctant": ("reluctant", "enggan"),
    "refused": ("refusing", "menolak"),
    "guarded": ("guarded", "tertutup"),
    "none": ("none", "tidak ada"),
    "partial": ("partial", "sebagian"),
    "open": ("open", "terbuka"),
    "past": ("the past", "masa lalu"),
    "future": ("the future", "masa depan"),
    "present": ("the present", "masa kini"),
    "mixed": ("mixed", "campuran"),
    "passive": ("passive", "pasif"),
    "safety": ("safety", "keselamatan"),
    "legal_duty": ("a legal duty", "kewajiban hukum"),
    "supervision": ("supervision", "supervisi"),
    "coordination": ("coordination", "koordinasi"),
    "trainee": ("trainee", "praktikan"),
    "professional": ("professional", "profesional"),
    "personal": ("personal", "pribadi"),
    "social": ("social", "sosial"),
    "academic": ("academic", "belajar"),
    "career": ("career", "karier"),
    "family": ("family", "keluarga"),
    "crisis": ("crisis", "krisis"),
    "clinical": ("clinical", "klinis"),
    "advice": ("advice", "nasihat"),
    "directive_instruction": ("directives", "arahan"),
    "talk_share": ("holding most of the talk", "menguasai sebagian besar pembicaraan"),
    "self_focus": ("a long story of their own", "bercerita panjang tentang pengalamannya sendiri"),
    "decided_for_client": ("the decision recorded as the counselor's",
                           "keputusan tercatat sebagai keputusan konselor"),
    "trust_not_secured": ("trust not secured", "kepercayaan tidak terjamin"),
    "voluntariness_not_secured": ("voluntariness not secured", "kesukarelaan tidak terjamin"),
    "openness_at_risk": ("openness at risk", "keterbukaan terancam"),
    "activity_weakened": ("activity weakened", "kegiatan konseli melemah"),
    "present_focus_lost": ("present focus lost", "fokus kekinian hilang"),
    "no_plan_beyond_sessions": ("no plan beyond the sessions", "tidak ada rencana setelah sesi"),
    "kerahasiaan": ("confidentiality", "kerahasiaan"),
    "kesukarelaan": ("voluntariness", "kesukarelaan"),
    "keterbukaan": ("openness", "keterbukaan"),
    "kekinian": ("present focus", "kekinian"),
    "kegiatan": ("client activity", "kegiatan"),
    "kenormatifan": ("normativity", "kenormatifan"),
    "keahlian": ("expertise", "keahlian"),
    "kemandirian": ("self-reliance", "kemandirian"),
    # profile bk12: its four principles, sources of data, supporting activities
    "kedinamisan": ("dynamism", "kedinamisan"),
    "keterpaduan": ("integration", "keterpaduan"),
    "alih_tangan_kasus": ("case referral", "alih tangan kasus"),
    "tut_wuri_handayani": ("leading from behind", "tut wuri handayani"),
    "aum": ("the AUM (problem checklist)", "AUM"),
    "observation": ("observation", "observasi"),
    "documents": ("documents", "dokumen"),
    "case_conference": ("case conference", "konferensi kasus"),
    "home_visit": ("home visit", "kunjungan rumah"),
    "consultation": ("consultation", "konsultasi"),
    "referral_feedback": ("report back to the referrer", "laporan balik ke perujuk"),
}


def label(value, lang: str) -> str:
    """A value as a reader says it; lists and tuples become comma-separated text."""
    if isinstance(value, (list, tuple)):
        return ", ".join(label(v, lang) for v in value)
    if isinstance(value, bool):
        return ("ya" if value else "tidak") if lang == "id" else ("yes" if value else "no")
    if isinstance(value, float):
        return f"{value:.0%}" if 0 <= value <= 1 else f"{value:g}"
    names = LABELS.get(value) if isinstance(value, str) else None
    if names:
        return names[1] if lang == "id" else names[0]
    return str(value)
