"""``asas interview``: the questions a supervisor would ask, one at a time, and a valid
case file at the end.

The interview walks the format in ``model.py`` (the case first, then session by
session) and asks each field's question from ``QUESTIONS``, keyed by the field's path
(``sessions[].opening.confidentiality_explained``).  A field without a question there
is still asked, with its own documentation as the question; tests/test_interview.py
fails until it has one.  Answers are checked as they are typed and asked again when
they cannot be used; "don't know" (or Enter) leaves an observation undocumented.

All input goes through one ``prompt(text) -> str`` function (``click.prompt`` by
default), so piped answers and click's CliRunner work, and end of input raises
``click.Abort`` for the command to report.
"""

from __future__ import annotations

import copy
import datetime
import json
import os
import difflib
import re
from dataclasses import dataclass

import click

from asas.engine.model.case import FORMAT_V1, CaseInfo, FieldSpec, Session, fields_of
from asas.engine.i18n import labels
from asas.engine.i18n.messages import t
from asas.engine.authoring.template import SCHEMA_FILE, missing_hint, nullable_object, \
    render_case, value_label, values_hint

MISSING = object()   # the answer leaves the field out: not documented (or none, closed-world)


@dataclass(frozen=True)
class Q:
    """A question in both languages; ``items`` asks for the entries of a list of texts."""
    en: str
    id: str
    items_en: str | None = None
    items_id: str | None = None

    def get(self, lang: str) -> str:
        return self.id if lang == "id" else self.en

    def items(self, lang: str) -> str | None:
        return self.items_id if lang == "id" else self.items_en


@dataclass(frozen=True)
class Auto:
    """A field the interview fills in itself (``format``, session numbers)."""
    en: str
    id: str


# Every path of the format (model.all_paths()) has an entry: a question, a heading for
# a group of fields (mappings), or Auto.  tests/test_interview.py keeps this complete.
QUESTIONS: dict[str, Q | Auto] = {
    "format": Auto("Always asas/v1.", "Selalu asas/v1."),
    "case": Q("About the case", "Tentang kasus"),
    "case.id": Q("Case code (for example KI-2026-07)?", "Kode kasus (misalnya KI-2026-07)?"),
    "case.title": Q("A short title for the case?", "Judul singkat kasus ini?"),
    "case.setting": Q("Where did the counseling take place?",
                      "Di lingkungan mana konseling berlangsung?"),
    "case.counselor": Q("The counselor", "Konselor"),
    "case.counselor.role": Q("What is your position as the counselor?",
                            "Apa status atau peran Anda sebagai konselor?"),
    "case.counselor.supervised": Q(
        "Did you work under a supervisor's guidance?",
        "Apakah Anda (praktikan) dibimbing oleh guru pamong atau dosen pembimbing "
        "(supervisi)?"),
    "case.counselor.competencies": Q(
        "In which areas are you trained and competent?",
        "Bidang layanan apa saja yang menjadi kompetensi Anda (pribadi, sosial, belajar, "
        "karier, ...)?"),
    "case.counselor.code": Q("Your code as counselor or trainee (not a name)?",
                             "Kode Anda sebagai konselor atau praktikan (bukan nama)?"),
    "case.client": Q("The client", "Konseli"),
    "case.client.pseudonym": Q("A pseudonym for the client (never the real name)?",
                               "Nama samaran konseli (jangan nama asli)?"),
    "case.client.age": Q("How old is the client?", "Berapa usia konseli?"),
    "case.problem": Q("The problem", "Masalah"),
    "case.problem.summary": Q("Sum up the client's problem in a sentence or two.",
                              "Tuliskan ringkasan masalah konseli dalam satu atau dua kalimat."),
    "case.problem.areas": Q("Which areas of the client's life does the problem touch?",
                            "Bidang masalah konseli apa saja (pribadi, sosial, belajar, karier, keluarga)?"),
    "case.problem.risk": Q("Were there signs of risk? Choose all that apply.",
                           "Apakah ada tanda-tanda risiko? Pilih semua yang sesuai."),
    "case.problem.rights_violated": Q(
        "Were any of the client's rights violated? Choose all that apply.",
        "Apakah ada hak konseli yang dilanggar? Pilih semua yang sesuai."),
    "case.referral": Q("How the client came to counseling",
                       "Bagaimana konseli datang ke konseling"),
    "case.referral.source": Q("Who brought the client to counseling?",
                              "Konseli datang atas kemauan sendiri atau dirujuk oleh siapa?"),
    "case.referral.mandated": Q("Was the client obliged by an authority to attend?",
                                "Apakah kehadiran konseli diwajibkan (mis. dipanggil sekolah sebagai sanksi), "
                                "bukan sekadar disarankan?"),
    "case.referral.client_agreed": Q(
        "Did the client agree to counseling before the first session?",
        "Apakah konseli setuju mengikuti konseling sebelum sesi pertama?"),
    "case.referred_out": Q(
        "Was the case handed on to someone else (alih tangan kasus)?",
        "Apakah kasus ini dialihtangankan (alih tangan kasus) kepada pihak lain?"),
    "case.referred_out.to": Q("To whom was it handed on (for example a psychologist)?",
                              "Kepada siapa kasus dialihtangankan (misalnya psikolog)?"),
    "case.referred_out.session": Q("In which session was it handed on?",
                                   "Pada sesi ke berapa kasus dialihtangankan?"),
    "case.referred_out.reason": Q("Why was it handed on?", "Apa alasan alih tangan kasus?"),
    "case.advocacy": Q(
        "Was anything done to defend the client's violated rights (advocacy)?",
        "Apakah ada tindakan untuk membela hak konseli yang dilanggar (advokasi)?",
        "What was done? One action per line; an empty line ends the list.",
        "Apa yang dilakukan? Satu tindakan per baris; baris kosong untuk selesai."),
    "sessions": Q("Is there another session to record?",
                  "Apakah ada sesi berikutnya yang akan dicatat?"),
    "sessions[].number": Auto("Numbered 1, 2, 3 ... in the order asked.",
                              "Diberi nomor 1, 2, 3 ... sesuai urutan."),
    "sessions[].date": Q("Date of the session?", "Tanggal sesi?"),
    "sessions[].duration_minutes": Q("How many minutes did the session last?",
                                     "Berapa menit sesi berlangsung?"),
    "sessions[].place": Q("Place", "Tempat"),
    "sessions[].place.kind": Q("Where was the session held?", "Di mana sesi dilaksanakan?"),
    "sessions[].place.private": Q(
        "Was the place private, so that no one else could see or overhear?",
        "Apakah tempatnya tertutup sehingga tidak ada orang lain yang dapat melihat atau "
        "mendengar pembicaraan?"),
    "sessions[].place.others_present": Q(
        "Was anyone else present during the session?",
        "Apakah ada orang lain yang hadir selama sesi?",
        "Who? One per line; an empty line ends the list.",
        "Siapa? Satu per baris; baris kosong untuk selesai."),
    "sessions[].stages": Q("Which stages of counseling did the session go through?",
                           "Tahap konseling apa saja yang dilalui dalam sesi ini?"),
    "sessions[].opening": Q("Opening of the session", "Pembukaan sesi (penstrukturan)"),
    "sessions[].opening.rapport_built": Q(
        "Did you build rapport at the start of the session?",
        "Apakah Anda membina hubungan baik (rapport) di awal sesi?"),
    "sessions[].opening.purpose_explained": Q(
        "Did you explain the purpose of counseling?",
        "Apakah Anda menjelaskan tujuan konseling?"),
    "sessions[].opening.confidentiality_explained": Q(
        "Did you explain confidentiality (asas kerahasiaan) at the start of the session?",
        "Apakah Anda menjelaskan asas kerahasiaan di awal sesi?"),
    "sessions[].opening.confidentiality_limits_explained": Q(
        "Did you explain the limits of confidentiality (when it may be broken: danger to "
        "the client or to others)?",
        "Apakah Anda menjelaskan batas kerahasiaan (kapan rahasia boleh dibuka: bahaya "
        "bagi konseli atau orang lain)?"),
    "sessions[].opening.voluntariness_explained": Q(
        "Did you tell the client that taking part is voluntary and that they may stop?",
        "Apakah Anda menyampaikan bahwa konseli ikut secara sukarela dan boleh berhenti?"),
    "sessions[].client": Q("The client in this session", "Konseli dalam sesi ini"),
    "sessions[].client.willingness": Q("How willing was the client in this session?",
                                       "Bagaimana kesediaan konseli dalam sesi ini?"),
    "sessions[].client.disclosure": Q("How openly did the client speak?",
                                      "Seberapa terbuka konseli bercerita?"),
    "sessions[].client.activity": Q("How active was the client?", "Seberapa aktif konseli?"),
    "sessions[].client.completed_previous_tasks": Q(
        "Did the client do the tasks agreed in the previous session?",
        "Apakah konseli mengerjakan tugas yang disepakati pada sesi sebelumnya?"),
    "sessions[].client.made_own_decision": Q(
        "In this session, did the client make a decision or plan of their own (no decision "
        "yet = no)?",
        "Apakah pada sesi ini konseli merumuskan keputusan atau rencananya sendiri (belum ada "
        "keputusan = tidak)?"),
    "sessions[].client.decision": Q("What did the client decide?",
                                    "Apa yang diputuskan konseli?"),
    "sessions[].counselor": Q("The counselor in this session", "Konselor dalam sesi ini"),
    "sessions[].counselor.time_focus": Q(
        "Which time did the conversation mostly dwell on?",
        "Pembicaraan lebih banyak berfokus pada masa kini, masa lalu, atau masa depan?"),
    "sessions[].counselor.techniques": Q(
        "Which techniques did you use? Choose all that apply.",
        "Teknik apa saja yang Anda gunakan? Pilih semua yang sesuai."),
    "sessions[].counselor.talk_share": Q(
        "What share of the talk was yours, from the verbatim (0 to 1, e.g. 0.4, or 40%)?",
        "Berapa porsi bicara Anda menurut verbatim (0 sampai 1, misalnya 0,4, atau 40%)?"),
    "sessions[].counselor.decided_for_client": Q(
        "Did you make the decision for the client?",
        "Apakah Anda mengambil keputusan untuk konseli?"),
    "sessions[].counselor.self_focus": Q(
        "Did you speak at length about your own experiences?",
        "Apakah Anda panjang lebar menceritakan pengalaman Anda sendiri?"),
    "sessions[].counselor.judgmental_remarks": Q(
        "Did you make judgmental remarks?",
        "Apakah Anda mengucapkan kata-kata yang menghakimi?",
        "Quote them, one per line; an empty line ends the list.",
        "Kutip ucapannya, satu per baris; baris kosong untuk selesai."),
    "sessions[].counselor.pressure_on_client": Q(
        "Did you threaten or pressure the client?",
        "Apakah Anda mengancam atau memaksa konseli?",
        "Quote what was said, one per line; an empty line ends the list.",
        "Kutip ucapannya, satu per baris; baris kosong untuk selesai."),
    "sessions[].counselor.norm_conflicts": Q(
        "Did any advice or action go against a norm (religion, custom, law, science, "
        "social habit)?",
        "Apakah ada saran atau tindakan yang bertentangan dengan norma (agama, adat, hukum, "
        "ilmu, kebiasaan masyarakat)?"),
    "sessions[].counselor.norm_conflicts[].norm": Q("Which norm?", "Norma apa?"),
    "sessions[].counselor.norm_conflicts[].note": Q("What happened?", "Apa yang terjadi?"),
    "sessions[].recording": Q("Recording", "Perekaman"),
    "sessions[].recording.made": Q("Was the session recorded (audio or video)?",
                                   "Apakah sesi direkam (audio atau video)?"),
    "sessions[].recording.consent": Q("Did the client consent to the recording?",
                                      "Apakah konseli menyetujui perekaman?"),
    "sessions[].disclosures": Q(
        "Was any of the client's information shared with someone outside the session?",
        "Apakah ada informasi konseli yang disampaikan kepada orang lain di luar sesi?"),
    "sessions[].disclosures[].to": Q("To whom?", "Kepada siapa?"),
    "sessions[].disclosures[].content": Q("What was shared?", "Apa yang disampaikan?"),
    "sessions[].disclosures[].client_consent": Q(
        "Did the client consent to it beforehand?",
        "Apakah konseli menyetujuinya sebelumnya?"),
    "sessions[].disclosures[].client_informed": Q("Was the client told about it?",
                                                  "Apakah konseli diberi tahu?"),
    "sessions[].disclosures[].reason": Q("Why was it shared?", "Apa alasannya?"),
    "sessions[].disclosures[].identifiable": Q(
        "Could the client be identified from what was shared?",
        "Apakah konseli dapat dikenali dari informasi itu?"),
    "sessions[].tasks_agreed": Q(
        "Were tasks or a plan agreed for after the session (homework, action plan)?",
        "Apakah ada tugas atau rencana yang disepakati untuk setelah sesi (pekerjaan rumah, "
        "rencana tindakan)?",
        "Which? One per line; an empty line ends the list.",
        "Apa saja? Satu per baris; baris kosong untuk selesai."),
    "sessions[].evaluation": Q("Immediate evaluation (laiseg)", "Penilaian segera (laiseg)"),
    "sessions[].evaluation.done": Q(
        "Did you make an immediate evaluation (penilaian segera) at the end?",
        "Apakah Anda melakukan penilaian segera (laiseg) di akhir sesi?"),
    "sessions[].evaluation.understanding": Q("Did the client reach a new understanding?",
                                             "Apakah konseli memperoleh pemahaman baru?"),
    "sessions[].evaluation.feeling_better": Q("Did the client feel relieved?",
                                              "Apakah konseli merasa lega?"),
    "sessions[].evaluation.action_plan": Q("Does the client have a plan of action?",
                                           "Apakah konseli memiliki rencana tindakan?"),
    "sessions[].follow_up": Q("What follow-up is there after this session?",
                              "Bagaimana tindak lanjut setelah sesi ini?"),
    "sessions[].notes": Q("Any other notes on this session?",
                          "Ada catatan lain tentang sesi ini?"),
}

# Asked after the sessions: what happened over the whole case, and may name a session.
DEFERRED = ("case.referred_out",)


# Questions that make no sense in the situation are skipped (the field stays out).
CONDITIONS = {
    # advocacy answers a violation of rights
    "case.advocacy": lambda iv: bool(iv.case.get("problem", {}).get("rights_violated")),
    # tasks from the previous session, unless it agreed none
    "sessions[].client.completed_previous_tasks":
        lambda iv: iv.index > 0 and iv.sessions[iv.index - 1].get("tasks_agreed") != [],
    "sessions[].client.decision":
        lambda iv: iv.session.get("client", {}).get("made_own_decision") is not False,
    "sessions[].recording.consent":
        lambda iv: iv.session.get("recording", {}).get("made") is True,
}

# Groups that a later session may take over from the one before ("Sama seperti sesi 1?"):
# the place, and the structuring, asked in full only when they differ.
SAME_AS = ("sessions[].place", "sessions[].opening")

# Bounds that depend on earlier answers.
MAXIMUM = {"case.referred_out.session": lambda iv: len(iv.sessions)}

def _t(key: str, lang: str, **params) -> str:
    return t("interview." + key, lang, **params)


message = _t   # for cli.py


def _norm(raw: str) -> str:
    return " ".join(raw.replace("’", "'").replace("`", "'").lower().split())


YES, NO = labels.YES, labels.NO     # one list for the interview and the case file
DONT_KNOW = {"", "tidak tahu", "tidak tau", "tdk tahu", "tdk tau", "gak tahu", "gak tau",
             "ga tahu", "ga tau", "nggak tahu", "nggak tau", "tt", "don't know", "dont know",
             "do not know", "unknown", "not documented", "tidak dicatat", "dk", "n/a"}
NONE = {"tidak ada", "tak ada", "gak ada", "ga ada", "nggak ada", "none", "nothing",
        "no one", "nobody", "-", "kosong"}


class Invalid(ValueError):
    pass


def _click_prompt(text: str) -> str:
    return click.prompt(text, default="", show_default=False, prompt_suffix=" ")


class Interview:
    """One interview.  ``prompt(text) -> str`` reads one answer; ``echo`` prints."""

    def __init__(self, lang: str = "en", prompt=None, echo=None, questions=None):
        self.lang = lang
        self.prompt = prompt or _click_prompt
        self.echo = echo or click.echo
        self.questions = QUESTIONS if questions is None else questions
        self.case: dict = {}
        self.sessions: list[dict] = []
        self.session: dict = {}
        self.index = 0
        self.path = ""    # the generic path of the question being asked (for scripts)
        self.where = ""   # ... and the concrete one (sessions[1].client.activity)

    # -- texts -------------------------------------------------------------------
    def t(self, key: str, **params) -> str:
        return _t(key, self.lang, **params)

    def question(self, path: str, spec: FieldSpec) -> str:
        entry = self.questions.get(path)
        if isinstance(entry, Q):
            return entry.get(self.lang)
        return spec.id if self.lang == "id" else spec.en   # the field's own documentation

    def help(self, owner, spec: FieldSpec):
        doc = spec.id if self.lang == "id" else spec.en
        parts = [doc, missing_hint(owner, spec, self.lang), values_hint(spec, self.lang)]
        self.echo("  " + " ".join(p for p in parts if p))

    # -- reading -----------------------------------------------------------------
    def read(self, text: str, path: str, where: str) -> str:
        self.path, self.where = path, where
        return self.prompt(text).strip()

    def ask(self, text, path, where, parse, owner=None, spec=None):
        """Ask until ``parse(raw)`` returns; it raises Invalid with what to say."""
        while True:
            raw = self.read(text, path, where)
            if raw == "?" and spec is not None:
                self.help(owner, spec)
                continue
            try:
                return parse(raw)
            except Invalid as exc:
                self.echo(f"  {exc}")

    def yes_no(self, raw: str, optional: bool):
        answer = _norm(raw)
        if answer in YES:
            return True
        if answer in NO:
            return False
        if optional and answer in DONT_KNOW:
            return MISSING
        raise Invalid(self.t("bad_bool" if optional else "bad_gate"))

    def gate(self, text: str, path: str, where: str) -> bool:
        """A yes/no question that opens a group (Enter or don't know: no)."""
        value = self.ask(f"{text} {self.t('gate_hint')}", path, where,
                         lambda raw: False if _norm(raw) in DONT_KNOW
                         else self.yes_no(raw, optional=False))
        return value is True

    # -- the walk ----------------------------------------------------------------
    def run(self, existing: dict | None = None) -> dict:
        """The whole interview; with ``existing`` (a case file's data), only the sessions
        after its last one (``asas interview FILE --append-session``)."""
        self.echo(self.t("intro"))
        if existing is not None:
            self.case = copy.deepcopy(existing.get("case") or {})
            self.sessions = copy.deepcopy(existing.get("sessions") or [])
        data = {"format": FORMAT_V1, "case": self.case, "sessions": self.sessions}
        if existing is None:
            self.heading(self.question("case", None))
            self.walk(CaseInfo, self.case, "case", "case", skip=DEFERRED)
        else:
            self.echo(self.t("appending", n=len(self.sessions) + 1))
        while True:
            self.index = len(self.sessions)
            self.session = {"number": self.index + 1}
            self.sessions.append(self.session)
            self.echo("")
            self.echo(f"=== {self.t('session')} {self.index + 1} ===")
            self.walk(Session, self.session, "sessions[]", f"sessions[{self.index}]",
                      heading=False)
            entry = self.questions.get("sessions")
            text = entry.get(self.lang) if isinstance(entry, Q) else self.t("another")
            if not self.gate(text, "sessions", "sessions"):
                break
        self.heading(self.t("finally"))
        specs = {s.name: s for s in fields_of(CaseInfo)}
        for path in DEFERRED:
            name = path.split(".")[-1]
            if name not in self.case:
                self.field(CaseInfo, specs[name], self.case, path, path)
        return data

    def heading(self, text: str):
        self.echo("")
        self.echo(f"— {text} —")

    def walk(self, cls, target: dict, path: str, where: str, skip=(), heading=True):
        for spec in fields_of(cls):
            sub, sub_where = f"{path}.{spec.name}", f"{where}.{spec.name}"
            if sub in skip:
                continue
            self.field(cls, spec, target, sub, sub_where)

    def field(self, owner, spec: FieldSpec, target: dict, path: str, where: str):
        entry = self.questions.get(path)
        if isinstance(entry, Auto):
            return   # filled in by the walk itself
        condition = CONDITIONS.get(path)
        if condition is not None and not condition(self):
            return
        if spec.kind == "object" and path in SAME_AS and self.index > 0:
            before = self.sessions[self.index - 1].get(spec.name)
            if before is not None:
                self.heading(self.question(path, spec))
                if self.gate(self.t("same_as", n=self.index), path + "=", where + "="):
                    target[spec.name] = copy.deepcopy(before)
                    self.echo(f"  {self.t('same_copied', n=self.index)}")
                    return
        if spec.kind == "object":   # filled in place: later questions may depend on it
            sub = target[spec.name] = {}
            if nullable_object(owner, spec):
                if not self.gate(self.question(path, spec), path, where):
                    sub = None
            else:
                self.heading(self.question(path, spec))
            if sub is not None:
                self.walk(spec.cls, sub, path, where)
            if not sub:
                del target[spec.name]
            return
        value = self.value(owner, spec, path, where)
        if value is not MISSING:
            target[spec.name] = value

    def value(self, owner, spec: FieldSpec, path: str, where: str):
        text = self.question(path, spec)
        if spec.kind == "list" and spec.item.kind == "object":
            return self.object_list(spec, text, path, where)
        if spec.kind == "list" and spec.item.kind == "str":
            return self.texts(owner, spec, text, path, where)
        if spec.kind == "list":
            return self.choices(owner, spec, text, path, where)
        if spec.kind == "enum":
            return self.choice(owner, spec, text, path, where)
        if spec.kind == "bool":
            answer = self.ask(f"{text} {self.t('bool_hint')}", path, where,
                              lambda raw: self.yes_no(raw, optional=True), owner, spec)
            if answer is MISSING:
                self.echo(f"  {self.t('undocumented')}")
            return answer
        return self.scalar(owner, spec, text, path, where)

    # -- kinds of answers ----------------------------------------------------------
    def object_list(self, spec: FieldSpec, text: str, path: str, where: str):
        if not self.gate(text, path, where):
            return []
        items = []
        while True:
            item: dict = {}
            self.walk(spec.item.cls, item, f"{path}[]", f"{where}[{len(items)}]")
            items.append(item)
            if not self.gate(self.t("another"), path + "+", where + "+"):
                return items

    def texts(self, owner, spec: FieldSpec, text: str, path: str, where: str):
        optional = not spec.closed
        hint = self.t("bool_hint" if optional else "gate_hint")

        def opening(raw):
            if _norm(raw) in NONE:
                return False
            if not optional and _norm(raw) in DONT_KNOW:
                return False
            return self.yes_no(raw, optional)

        answer = self.ask(f"{text} {hint}", path, where, opening, owner, spec)
        if answer is MISSING:
            self.echo(f"  {self.t('undocumented')}")
            return MISSING
        if answer is False:
            return []
        entry = self.questions.get(path)
        ask_items = (entry.items(self.lang) if isinstance(entry, Q) else None) or ""
        if ask_items:
            self.echo(f"  {ask_items}")
        items: list[str] = []
        while True:
            raw = self.read(f"  {len(items) + 1}.", path + "[]", f"{where}[{len(items)}]")
            if raw:
                items.append(raw)
                continue
            if items:
                return items
            self.echo(f"  {self.t('need_item')}")
            again = self.read(f"  {len(items) + 1}.", path + "[]", f"{where}[0]")
            if _norm(again) in NONE or _norm(again) in NO:
                return []
            if _norm(again) in DONT_KNOW and optional:
                return MISSING
            if _norm(again) in DONT_KNOW:
                return []
            items.append(again)

    def show_choices(self, values):
        width = len(str(len(values)))
        for i, value in enumerate(values, 1):
            lab = value_label(value, self.lang)
            self.echo(f"  {i:>{width}}  {value}" + (f" — {lab}" if lab else ""))

    def match(self, raw: str, values) -> str:
        answer = _norm(raw)
        if answer.isdigit():
            n = int(answer)
            if 1 <= n <= len(values):
                return values[n - 1]
        key = answer.replace(" ", "_").replace("-", "_")
        code = labels.code_for(answer, values)    # the same words a case file accepts
        if code is not None:
            return code
        message = self.t("bad_choice", n=len(values), values=", ".join(map(str, values)))
        hint = difflib.get_close_matches(key, [str(v) for v in values], n=1, cutoff=0.6)
        if hint:
            message += self.t("did_you_mean", hint=hint[0])
        raise Invalid(message)

    def choice(self, owner, spec: FieldSpec, text: str, path: str, where: str):
        self.echo(text)
        self.show_choices(spec.choices)

        def parse(raw):
            if _norm(raw) in DONT_KNOW:
                if spec.required:
                    raise Invalid(self.t("required"))
                self.echo(f"  {self.t('undocumented')}")
                return MISSING
            return self.match(raw, spec.choices)

        prompt = self.t("choice_prompt_required" if spec.required else "choice_prompt")
        return self.ask(prompt, path, where, parse, owner, spec)

    def choices(self, owner, spec: FieldSpec, text: str, path: str, where: str):
        values = spec.item.choices
        self.echo(text)
        self.show_choices(values)

        def parse(raw):
            answer = _norm(raw)
            if answer in NONE or answer in NO:
                return []
            if answer in DONT_KNOW:
                if spec.closed:
                    return []
                self.echo(f"  {self.t('undocumented')}")
                return MISSING
            picked = []
            for part in re.split(r"[,;]", raw):
                part = part.strip()
                if not part:
                    continue
                try:
                    found = [self.match(part, values)]
                except Invalid:
                    words = part.split()
                    if len(words) < 2:
                        raise
                    found = [self.match(w, values) for w in words]   # "1 3 5"
                for value in found:
                    if value not in picked:
                        picked.append(value)
            return picked

        prompt = self.t("choices_prompt_closed" if spec.closed else "choices_prompt")
        return self.ask(prompt, path, where, parse, owner, spec)

    def scalar(self, owner, spec: FieldSpec, text: str, path: str, where: str):
        if spec.kind == "date":
            hint = f"[{self.t('date_hint')}]"
        elif spec.required:
            hint = ""
        elif path == "sessions[].notes":
            hint = self.t("notes_hint")
        else:
            hint = self.t("text_hint")
        convert = {"str": self.as_text, "int": self.as_int, "float": self.as_float,
                   "date": self.as_date}[spec.kind]

        def parse(raw):
            if _norm(raw) in DONT_KNOW:
                if spec.required:
                    raise Invalid(self.t("required"))
                self.echo(f"  {self.t('undocumented')}")
                return MISSING
            return convert(raw, spec, path)

        return self.ask(f"{text} {hint}".rstrip(), path, where, parse, owner, spec)

    def as_text(self, raw: str, spec: FieldSpec, path: str) -> str:
        return raw

    def _bounds(self, spec: FieldSpec, path: str):
        high = MAXIMUM[path](self) if path in MAXIMUM else spec.maximum
        return spec.minimum, high

    def as_int(self, raw: str, spec: FieldSpec, path: str) -> int:
        low, high = self._bounds(spec, path)
        if high is not None and low is not None:
            bounds = self.t("range", low=f"{low:g}", high=f"{high:g}")
        elif low is not None:
            bounds = self.t("range_low", low=f"{low:g}")
        else:
            bounds = ""
        found = re.fullmatch(r"(\d+)(\s+\D+)?", raw.strip())   # "45" or "45 menit"
        if not found:
            raise Invalid(self.t("bad_int", range=bounds))
        value = int(found.group(1))
        if (low is not None and value < low) or (high is not None and value > high):
            raise Invalid(self.t("bad_int", range=bounds))
        return value

    def as_float(self, raw: str, spec: FieldSpec, path: str) -> float:
        low, high = self._bounds(spec, path)
        text = raw.strip().replace(",", ".")
        percent = text.endswith("%")
        try:
            value = float(text.rstrip("%").strip())
        except ValueError:
            raise Invalid(self.t("bad_float")) from None
        if percent:
            value = value / 100
        if value != value or (low is not None and value < low) or \
                (high is not None and value > high):
            raise Invalid(self.t("bad_float"))
        return value

    def as_date(self, raw: str, spec: FieldSpec, path: str) -> datetime.date:
        text = raw.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return datetime.date.fromisoformat(text)
            day = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
            if day and self.lang == "id":   # 02-10-2026, as dates are written in Indonesia
                return datetime.date(int(day.group(3)), int(day.group(2)), int(day.group(1)))
        except ValueError:
            pass
        raise Invalid(self.t("bad_date"))


# --- the whole command ------------------------------------------------------------

def suggested_name(data: dict) -> str:
    case_id = str(data.get("case", {}).get("id") or "case")
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", case_id).strip("-.") or "case"
    return f"{safe}.yaml"


def run(file: str | None, lang: str, prompt=None, echo=None,
        schema: str = SCHEMA_FILE, append: bool = False) -> str | None:
    """Interview, write the case file, print its check; return the path written.

    End of input (or Ctrl-C) raises ``click.Abort`` before anything is written.
    """
    import os

    from asas.engine.run.pipeline import check_file
    from asas.engine.report.formats.text import render
    from asas.engine.load.loader import load_bytes
    from asas.engine.authoring.template import write_new

    existing = None
    if append:
        existing = _existing(file, lang, echo or click.echo)
    replay = _Replay(lang, prompt, echo, draft_path(file), existing)
    iv = replay.start()
    if file and os.path.exists(file) and not append:
        iv.echo(iv.t("exists_early", file=file))
    data, iv = replay.interview()
    text = render_case(lang, data, schema=schema, made_by="interview")
    loaded = load_bytes(text.encode("utf-8"), file or "<interview>")
    if not loaded.valid:   # a bug: keep the answers on screen rather than lose them
        iv.echo(iv.t("invalid_result"), err=True)
        for error in loaded.errors:
            iv.echo(error.format(file or "<interview>"), err=True)
        iv.echo(text)
        raise click.ClickException("invalid case file")
    path = file
    iv.echo("")
    while True:
        if not path:
            default = suggested_name(data)
            path = iv.read(f"{iv.t('save_as')} [{default}]", "<file>", "<file>") or default
        overwrite = False
        if os.path.exists(path):
            overwrite = iv.gate(iv.t("exists", file=path), "<overwrite>", "<overwrite>")
            if not overwrite:
                path = None
                continue
        try:
            write_new(path, text, overwrite=overwrite)
        except FileExistsError:
            path = None
            continue
        except OSError as exc:
            iv.echo(f"  {path}: {exc.strerror or exc}")
            path = None
            continue
        break
    replay.discard()
    iv.echo(iv.t("written", file=path))
    iv.echo("")
    iv.echo(render([check_file(path)], lang), nl=False)
    return path


# --- back, and a draft kept after every answer ------------------------------------------

def _existing(file: str | None, lang: str, echo) -> dict:
    """The data of the case file a session is appended to; it must be valid."""
    from asas.engine.load.loader import load_file
    if not file:
        raise click.UsageError(_t("append_needs_file", lang))
    loaded = load_file(file)
    if not loaded.valid:
        for error in loaded.errors:
            echo(error.format(file, lang), err=True)
        raise click.ClickException(_t("append_invalid", lang, file=file))
    import yaml
    with open(file, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


class _Back(Exception):
    """The answer '<': go back to the question before."""


def draft_path(file: str | None) -> str:
    """Where the draft of an interview is kept: beside the case file it will write."""
    if file:
        folder, name = os.path.split(file)
        return os.path.join(folder, f".{name}.asas-draft.json")
    return ".asas-interview.asas-draft.json"


class _Replay:
    """Every answer typed, kept in order (and in a draft file after each one).

    Going back (``<``) and resuming a draft both replay the answers kept into a fresh
    walk, without printing, until the question to ask is reached: the walk is the same
    for the same answers, so no state of the walk itself needs to be saved.
    """

    def __init__(self, lang, prompt, echo, draft: str, existing: dict | None = None):
        self.lang, self.draft, self.existing = lang, draft, existing
        self.real_prompt = prompt or _click_prompt
        self.real_echo = echo or click.echo
        self.answers: list[list[str]] = []    # [where, raw] for every answer read
        self.pending: list[list[str]] = []    # to replay before asking anyone
        self.iv: Interview | None = None

    def echo(self, *args, **kwargs):
        if not self.pending:
            self.real_echo(*args, **kwargs)

    def prompt(self, text: str) -> str:
        where = self.iv.where
        if self.pending:
            raw = self.pending.pop(0)[1]
            self.answers.append([where, raw])
            return raw
        raw = self.real_prompt(text)
        if raw.strip() == "<":
            raise _Back
        self.answers.append([where, raw])
        self.save()
        return raw

    def _fresh(self) -> Interview:
        self.iv = Interview(self.lang, self.prompt, self.echo)
        return self.iv

    def start(self) -> Interview:
        """The interview, offered to go on from a draft left by an unfinished one."""
        kept = self.load()
        if kept:
            ask = Interview(self.lang, self.real_prompt, self.real_echo)
            if ask.gate(ask.t("resume", n=len(kept)), "<resume>", "<resume>"):
                self.pending = kept
        return self._fresh()

    def interview(self):
        """The answers' case (as a dict) and the interview that got them."""
        while True:
            iv = self.iv
            try:
                return iv.run(self.existing), iv
            except _Back:
                self.back(iv.where)
                self.pending, self.answers = self.answers, []
                self._fresh()

    def back(self, where: str) -> None:
        """Drop the answers of the question before ``where`` (and any tries at ``where``)."""
        while self.answers and self.answers[-1][0] == where:
            self.answers.pop()
        if not self.answers:
            self.real_echo(f"  {self.iv.t('nothing_before')}")
            return
        last = self.answers[-1][0]
        while self.answers and self.answers[-1][0] == last:
            self.answers.pop()
        self.save()
        self.real_echo(f"  {self.iv.t('back')}")

    # the draft file: private to its owner, replaced whole
    def save(self) -> None:
        data = json.dumps({"v": 1, "answers": self.answers}, ensure_ascii=False)
        tmp = f"{self.draft}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
            os.replace(tmp, self.draft)
        except OSError:
            pass    # a draft is a convenience: the interview goes on without it

    def load(self) -> list[list[str]]:
        try:
            with open(self.draft, encoding="utf-8") as fh:
                data = json.load(fh)
            answers = data["answers"] if data.get("v") == 1 else []
            return [[str(w), str(r)] for w, r in answers]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return []

    def discard(self) -> None:
        try:
            os.unlink(self.draft)
        except OSError:
            pass
