"""The typed case model (format asas/v1), and the single description of the format.

Each dataclass field carries its documentation and constraints in ``metadata``; the
validator, the JSON Schema, the template and the interview are all read off these
classes, so a field added here reaches every one of them.

Open world: a single observation that is missing is ``None`` ("not documented"); so is
a missing ``stages``, ``techniques`` or ``tasks_agreed``.  Closed world: a missing list
of events (``risk``, ``disclosures``, ...) is ``()`` ("none happened").
"""

from __future__ import annotations

import dataclasses
import datetime
import typing
from dataclasses import dataclass
from typing import Literal, Optional, Tuple

Setting = Literal["school", "university", "community", "workplace", "other"]
Role = Literal["trainee", "professional", "teacher", "peer"]
Competency = Literal["personal", "social", "academic", "career", "family", "crisis", "clinical"]
Area = Literal["personal", "social", "academic", "career", "family"]
Risk = Literal["self_harm", "suicidal_ideation", "harm_to_others", "abuse", "substance_use",
               "psychiatric_symptoms"]
Right = Literal["bullying", "abuse", "discrimination", "exploitation", "other"]
Source = Literal["self", "teacher", "homeroom_teacher", "parent", "principal", "peer", "other"]
PlaceKind = Literal["counseling_room", "classroom", "staff_room", "online", "home",
                    "public_place", "other"]
Stage = Literal["pengantaran", "penjajakan", "penafsiran", "pembinaan", "penilaian"]
Willingness = Literal["willing", "hesitant", "reluctant", "refused"]
Openness = Literal["open", "partial", "guarded", "none"]
Activity = Literal["active", "moderate", "passive"]
TimeFocus = Literal["present", "past", "future", "mixed"]
Technique = Literal["attending", "open_question", "closed_question", "paraphrase",
                    "reflection_of_feeling", "summarizing", "confrontation", "interpretation",
                    "information_giving", "advice", "directive_instruction", "self_disclosure",
                    "reinforcement", "role_play", "homework",
                    # the five spec/verbatim.md adds (the tagger's codes)
                    "structuring", "minimal_encouragement", "clarification", "goal_setting",
                    "evaluation"]
Norm = Literal["religion", "custom", "law", "science", "social_habit"]
Reason = Literal["safety", "legal_duty", "supervision", "coordination", "other"]
FollowUp = Literal["planned", "not_needed", "none"]
# profile bk12 (shared/spec/profile-bk12.md): where the data came from, and the
# supporting activities (kegiatan pendukung) linked to the case
DataSource = Literal["aum", "observation", "homeroom_teacher", "parent", "peer", "documents",
                     "other"]
ActivityKind = Literal["case_conference", "home_visit", "consultation", "referral_feedback",
                       "other"]

FORMAT_V1 = "asas/v1"
RULE_ID = r"^[A-Z]{3}[0-9]{3}$"     # a rule's ID (KRH010), as a suppression names it


def fld(en: str, id: str, *, required: bool = False, closed: bool = False,
        minimum: float | None = None, maximum: float | None = None, example=None,
        profile_only: bool = False, pattern: str | None = None,
        form: tuple[str, str] | None = None):
    """A documented field.  ``closed`` lists default to () ("none happened").
    ``profile_only``: a field only some profiles judge; the template and the interview
    show it when the profile asks for it (engine/judge/profile.py ``fields``).
    ``pattern``: a text must match it (``re.search``, as JSON Schema's ``pattern``);
    ``form`` says in words (en, id) what it asks for, for the loader's message."""
    meta = {"en": en, "id": id, "required": required, "closed": closed,
            "minimum": minimum, "maximum": maximum, "example": example}
    if profile_only:
        meta["profile_only"] = True
    if pattern is not None:
        meta["pattern"], meta["form"] = pattern, form
    return dataclasses.field(default=() if closed else None, metadata=meta)


def sub(cls, en: str, id: str, *, required: bool = False):
    """A nested mapping; missing means every field inside is undocumented."""
    meta = {"en": en, "id": id, "required": required, "closed": False,
            "minimum": None, "maximum": None, "example": None}
    return dataclasses.field(default_factory=cls, metadata=meta)


@dataclass(frozen=True)
class Counselor:
    role: Optional[Role] = fld("The counselor's position.", "Status atau peran konselor.")
    supervised: Optional[bool] = fld(
        "Worked under a supervisor's guidance (matters for trainees).",
        "Praktikan dibimbing guru pamong atau dosen pembimbing (supervisi).")
    competencies: Optional[Tuple[Competency, ...]] = fld(
        "Areas the counselor is trained and competent in.",
        "Bidang layanan yang menjadi kompetensi konselor.")
    code: Optional[str] = fld(
        "A code for the trainee or counselor (not a name), to follow progress across cases.",
        "Kode praktikan atau konselor (bukan nama), untuk melihat perkembangan antarkasus.",
        example="PR-01")


@dataclass(frozen=True)
class Client:
    pseudonym: Optional[str] = fld("A pseudonym, never the client's real name.",
                                   "Nama samaran, jangan pernah nama asli konseli.",
                                   required=True, example="Siswa A")
    age: Optional[int] = fld("Age in years.", "Usia (tahun).", minimum=0, maximum=120,
                             example=15)


@dataclass(frozen=True)
class RiskItem:
    """A risk indicator; written as a plain code (``self_harm``) or as a mapping that
    also says in which session it came to light (``{kind: self_harm, session: 3}``)."""
    __scalar__ = "kind"    # a plain value in the list stands for this field
    kind: Optional[Risk] = fld("The risk indicator.", "Indikator risiko.", required=True)
    session: Optional[int] = fld(
        "The session in which the risk came to light (missing: known from the start).",
        "Sesi saat risiko ini diketahui (kosong = sudah diketahui sejak awal).", minimum=1,
        example=3)


@dataclass(frozen=True)
class Problem:
    summary: Optional[str] = fld("The problem in a few sentences.",
                                 "Ringkasan masalah dalam beberapa kalimat.")
    areas: Optional[Tuple[Area, ...]] = fld("Areas of life the problem touches.",
                                            "Bidang masalah konseli.")
    risk: Tuple[RiskItem, ...] = fld(
        "Risk indicators present (none if left out); each a code, or {kind, session} "
        "to say in which session it came to light.",
        "Indikator risiko yang ada (kosong = tidak ada); tiap butir berupa kode, atau "
        "{kind, session} untuk menyebut pada sesi berapa risiko itu diketahui.", closed=True)
    rights_violated: Tuple[Right, ...] = fld(
        "The client's rights that were violated (none if left out).",
        "Hak konseli yang dilanggar (kosong = tidak ada).", closed=True)


@dataclass(frozen=True)
class Referral:
    source: Optional[Source] = fld("Who brought the client to counseling.",
                                   "Konseli datang atas kemauan sendiri atau dirujuk oleh "
                                   "siapa.")
    mandated: Optional[bool] = fld("Attendance was compelled by an authority.",
                                   "Kehadiran konseli diwajibkan (mis. dipanggil sekolah "
                                   "sebagai sanksi), bukan sekadar disarankan.")
    client_agreed: Optional[bool] = fld(
        "The client agreed to counseling before the first session.",
        "Konseli setuju mengikuti konseling sebelum sesi pertama.")
    feedback_given: Optional[bool] = fld(
        "A report went back to whoever referred the client in (laporan balik ke perujuk).",
        "Laporan balik disampaikan kepada pihak yang mengirim konseli.", profile_only=True)


@dataclass(frozen=True)
class SupportingActivity:
    kind: Optional[ActivityKind] = fld(
        "The supporting activity (kegiatan pendukung).", "Jenis kegiatan pendukung.",
        required=True)
    with_whom: Optional[str] = fld("With whom (a role, not a name).",
                                   "Dengan siapa (peran, bukan nama).", example="wali kelas")
    session: Optional[int] = fld("After which session.", "Setelah sesi ke berapa.", minimum=1)
    client_agreed: Optional[bool] = fld("The client agreed to it beforehand.",
                                        "Konseli menyetujuinya sebelumnya.")


@dataclass(frozen=True)
class ReferredOut:
    to: Optional[str] = fld("Whom the case was handed on to (alih tangan kasus).",
                            "Kepada siapa kasus dialihtangankan.", required=True,
                            example="psikolog")
    session: Optional[int] = fld("The session in which it was handed on.",
                                 "Sesi saat kasus dialihtangankan.", minimum=1)
    reason: Optional[str] = fld("Why it was handed on.", "Alasan alih tangan kasus.")
    alternatives_offered: Optional[bool] = fld(
        "The client was offered a choice of whom to be referred to.",
        "Konseli ditawari pilihan pihak tujuan alih tangan.", profile_only=True)
    client_agreed: Optional[bool] = fld(
        "The client agreed to the referral.", "Konseli menyetujui alih tangan kasus.",
        profile_only=True)


@dataclass(frozen=True)
class VerbatimSpeakers:
    counselor: Optional[Tuple[str, ...]] = fld(
        "Speaker codes of the counselor in the verbatims.",
        "Kode pembicara konselor dalam verbatim.", example="[Kons]")
    client: Optional[Tuple[str, ...]] = fld(
        "Speaker codes of the client in the verbatims.",
        "Kode pembicara konseli dalam verbatim.", example="[Ko]")
    other: Tuple[str, ...] = fld(
        "Speaker codes of third parties (a parent, a friend) (none if left out).",
        "Kode pembicara pihak ketiga (orang tua, teman) (kosong = tidak ada).", closed=True)


@dataclass(frozen=True)
class CaseInfo:
    id: Optional[str] = fld("Case identifier, unique within a batch.",
                            "Kode kasus, unik dalam satu kumpulan.", required=True,
                            example="KI-2026-07")
    title: Optional[str] = fld("A short title.", "Judul singkat.")
    setting: Optional[Setting] = fld("Where the counseling took place.",
                                     "Lingkungan tempat konseling berlangsung.")
    counselor: Counselor = sub(Counselor, "The counselor.", "Konselor.")
    client: Client = sub(Client, "The client (konseli).", "Konseli.", required=True)
    problem: Problem = sub(Problem, "The client's problem.", "Masalah konseli.")
    referral: Referral = sub(Referral, "How the client came to counseling.",
                             "Bagaimana konseli datang ke konseling.")
    referred_out: Optional[ReferredOut] = fld(
        "Set if the case was handed on (alih tangan kasus).",
        "Diisi bila kasus dialihtangankan.")
    advocacy: Tuple[str, ...] = fld(
        "Actions taken for the client's violated rights (none if left out).",
        "Tindakan advokasi atas hak konseli yang dilanggar (kosong = tidak ada).",
        closed=True)
    verbatim_speakers: Optional[VerbatimSpeakers] = fld(
        "The speaker codes the verbatims use, replacing the default map (Ko/Ki, "
        "Konselor/Konseli, K/S ...).",
        "Kode pembicara yang dipakai verbatim, menggantikan peta bawaan (Ko/Ki, "
        "Konselor/Konseli, K/S ...).")
    data_sources: Optional[Tuple[DataSource, ...]] = fld(
        "Where the data about the client came from (himpunan data).",
        "Sumber data tentang konseli (himpunan data).", profile_only=True)
    supporting_activities: Tuple[SupportingActivity, ...] = fld(
        "Supporting activities linked to the case (none if left out).",
        "Kegiatan pendukung yang terkait dengan kasus (kosong = tidak ada).", closed=True,
        profile_only=True)


@dataclass(frozen=True)
class Observer:
    """Someone else present in a session; written as plain text (who: no agreement
    recorded) or as a mapping ``{who: guru pamong, client_agreed: true}``."""
    __scalar__ = "who"     # a plain value in the list stands for this field
    who: Optional[str] = fld("Who was present.", "Siapa yang hadir.", required=True,
                             example="guru pamong")
    client_agreed: Optional[bool] = fld(
        "The client agreed to their presence beforehand (missing: not recorded).",
        "Konseli menyetujui kehadirannya sebelumnya (kosong = tidak dicatat).")


@dataclass(frozen=True)
class Place:
    kind: Optional[PlaceKind] = fld("Kind of place.", "Jenis tempat.")
    private: Optional[bool] = fld("No one else could see or overhear.",
                                  "Tempatnya tertutup: tidak ada orang lain yang dapat "
                                  "melihat atau mendengar pembicaraan.")
    others_present: Tuple[Observer, ...] = fld(
        "Who else was there (none if left out); each as text, or {who, client_agreed} "
        "to record that the client agreed.",
        "Siapa lagi yang hadir (kosong = tidak ada); tiap butir berupa teks, atau "
        "{who, client_agreed} untuk mencatat bahwa konseli menyetujuinya.", closed=True)


@dataclass(frozen=True)
class Opening:
    rapport_built: Optional[bool] = fld("Rapport was built at the start.",
                                        "Konselor membina hubungan baik (rapport) di awal "
                                        "sesi.")
    purpose_explained: Optional[bool] = fld("The purpose of counseling was explained.",
                                            "Tujuan konseling dijelaskan.")
    confidentiality_explained: Optional[bool] = fld(
        "Confidentiality (asas kerahasiaan) was explained.",
        "Asas kerahasiaan dijelaskan.")
    confidentiality_limits_explained: Optional[bool] = fld(
        "The limits of confidentiality (danger to self or others) were explained.",
        "Batas kerahasiaan (bahaya bagi diri atau orang lain) dijelaskan.")
    voluntariness_explained: Optional[bool] = fld(
        "The client was told they take part freely and may stop.",
        "Konseli diberi tahu bahwa ia ikut secara sukarela dan boleh berhenti.")


@dataclass(frozen=True)
class SessionClient:
    willingness: Optional[Willingness] = fld("The client's willingness in this session.",
                                             "Kesukarelaan konseli dalam sesi ini.")
    disclosure: Optional[Openness] = fld("How openly the client spoke.",
                                            "Seberapa terbuka konseli bercerita.")
    activity: Optional[Activity] = fld("How active the client was.",
                                       "Seberapa aktif konseli.")
    completed_previous_tasks: Optional[bool] = fld(
        "The client did the tasks agreed in the previous session.",
        "Konseli mengerjakan tugas yang disepakati pada sesi sebelumnya.")
    missed_tasks_explored: Optional[bool] = fld(
        "When the tasks were not done: the counselor went over why with the client.",
        "Bila tugas tidak dikerjakan: konselor menggali bersama konseli alasannya.")
    made_own_decision: Optional[bool] = fld("The client made their own decision.",
                                            "Konseli mengambil keputusan sendiri.")
    decision: Optional[str] = fld("What the client decided.", "Apa yang diputuskan konseli.")


@dataclass(frozen=True)
class NormConflict:
    norm: Optional[Norm] = fld("The norm the advice or action conflicted with.",
                               "Norma yang dilanggar oleh saran atau tindakan.", required=True)
    note: Optional[str] = fld("What happened.", "Apa yang terjadi.")


@dataclass(frozen=True)
class SessionCounselor:
    time_focus: Optional[TimeFocus] = fld("The time the conversation dwelt on.",
                                          "Fokus waktu pembicaraan.")
    techniques: Optional[Tuple[Technique, ...]] = fld("Techniques the counselor used.",
                                                      "Teknik yang digunakan konselor.")
    talk_share: Optional[float] = fld(
        "The counselor's share of the talk from a verbatim: a number from 0 to 1 (e.g. 0.4 "
        "= 40%).",
        "Porsi bicara konselor menurut verbatim: angka 0–1 (mis. 0,4 = 40%).", minimum=0,
        maximum=1, example=0.4)
    decided_for_client: Optional[bool] = fld("The counselor made the decision for the client.",
                                             "Konselor mengambil keputusan untuk konseli.")
    self_focus: Optional[bool] = fld("The counselor spoke at length about their own experiences.",
                                     "Konselor panjang lebar menceritakan pengalamannya sendiri.")
    judgmental_remarks: Tuple[str, ...] = fld(
        "Judgmental remarks, quoted (none if left out).",
        "Ucapan yang menghakimi, dikutip (kosong = tidak ada).", closed=True)
    pressure_on_client: Tuple[str, ...] = fld(
        "Threats or coercion, quoted (none if left out).",
        "Ancaman atau paksaan, dikutip (kosong = tidak ada).", closed=True)
    norm_conflicts: Tuple[NormConflict, ...] = fld(
        "Advice or action in conflict with a norm (none if left out).",
        "Saran atau tindakan yang bertentangan dengan norma (kosong = tidak ada).",
        closed=True)


@dataclass(frozen=True)
class Recording:
    made: Optional[bool] = fld("An audio or video recording was made.",
                               "Sesi direkam (audio atau video).")
    consent: Optional[bool] = fld("The client consented to the recording.",
                                  "Konseli menyetujui perekaman.")


@dataclass(frozen=True)
class Disclosure:
    to: Optional[str] = fld("Who received the information.", "Kepada siapa informasi diberikan.",
                            required=True, example="orang tua")
    content: Optional[str] = fld("What was shared.", "Apa yang disampaikan.")
    client_consent: Optional[bool] = fld("The client consented beforehand.",
                                         "Konseli menyetujui sebelumnya.")
    client_informed: Optional[bool] = fld("The client was told about it.",
                                          "Konseli diberi tahu.")
    reason: Optional[Reason] = fld("Why it was shared (missing: no legitimate reason).",
                                   "Alasan (kosong = tanpa alasan yang sah).")
    identifiable: Optional[bool] = fld("The client can be identified from it (missing: yes).",
                                       "Konseli dapat dikenali darinya (kosong = ya).")


@dataclass(frozen=True)
class Evaluation:
    done: Optional[bool] = fld("An immediate evaluation (penilaian segera) was made.",
                               "Penilaian segera (laiseg) dilakukan.")
    understanding: Optional[bool] = fld("The client reached a new understanding.",
                                        "Konseli memperoleh pemahaman baru.")
    feeling_better: Optional[bool] = fld("The client felt relieved.", "Konseli merasa lega.")
    action_plan: Optional[bool] = fld("The client has a plan of action.",
                                      "Konseli memiliki rencana tindakan.")
    laijapen_planned: Optional[bool] = fld(
        "A short-term evaluation (laijapen, 1 week to 1 month) is planned.",
        "Penilaian jangka pendek (laijapen, 1 minggu – 1 bulan) direncanakan.",
        profile_only=True)
    laijapang_planned: Optional[bool] = fld(
        "A long-term evaluation (laijapang, months) is planned.",
        "Penilaian jangka panjang (laijapang, beberapa bulan) direncanakan.",
        profile_only=True)


@dataclass(frozen=True)
class Session:
    number: Optional[int] = fld("Session number: 1, 2, 3 ... without gaps.",
                                "Nomor sesi: 1, 2, 3 ... tanpa loncatan.", required=True,
                                minimum=1, example=1)
    date: Optional[datetime.date] = fld("Date of the session.", "Tanggal sesi.",
                                        example="2026-10-02")
    duration_minutes: Optional[int] = fld("Length in minutes.", "Lama sesi (menit).",
                                          minimum=1, maximum=600, example=45)
    place: Place = sub(Place, "Where the session took place.", "Tempat sesi.")
    stages: Optional[Tuple[Stage, ...]] = fld("Stages of the session that took place.",
                                              "Tahap konseling yang dilalui.")
    opening: Opening = sub(Opening, "Structuring at the start of the session.",
                           "Penstrukturan di awal sesi.")
    client: SessionClient = sub(SessionClient, "The client in this session.",
                                "Konseli dalam sesi ini.")
    counselor: SessionCounselor = sub(SessionCounselor, "The counselor in this session.",
                                      "Konselor dalam sesi ini.")
    recording: Recording = sub(Recording, "Recording of the session.", "Perekaman sesi.")
    disclosures: Tuple[Disclosure, ...] = fld(
        "Client information shared outside the session (none if left out).",
        "Informasi konseli yang disampaikan ke luar sesi (kosong = tidak ada).", closed=True)
    tasks_agreed: Optional[Tuple[str, ...]] = fld(
        "Homework or action plan agreed for after the session ([] = none).",
        "Tugas atau rencana tindakan yang disepakati setelah sesi ([] = tidak ada).")
    goals_reviewed: Optional[bool] = fld(
        "The goals set before were reviewed and updated in this session.",
        "Tujuan yang ditetapkan sebelumnya ditinjau dan diperbarui dalam sesi ini.",
        profile_only=True)
    evaluation: Evaluation = sub(Evaluation, "Immediate evaluation (laiseg).",
                                 "Penilaian segera (laiseg).")
    follow_up: Optional[FollowUp] = fld("Follow-up after this session.",
                                        "Tindak lanjut setelah sesi ini.")
    notes: Optional[str] = fld("Free notes.", "Catatan bebas.")
    verbatim: Optional[str] = fld(
        "The session turn by turn, as a literal block (|): 'Ko: ...' / 'Ki: ...', the "
        "trainee's technique after ' | ' (docs/verbatim.md).",
        "Sesi giliran demi giliran, sebagai blok literal (|): 'Ko: ...' / 'Ki: ...', teknik "
        "menurut praktikan setelah ' | ' (docs/verbatim.md).")


@dataclass(frozen=True)
class Suppression:
    """A finding set aside in this case, with the reason (an in-file suppression, as a
    linter's ``noqa``; a lecturer's reasoned override is the same thing):
    engine/judge/suppress.py applies it."""
    rule: Optional[str] = fld(
        "The rule ID of the finding set aside: three letters and three digits.",
        "Kode aturan temuan yang dikecualikan: tiga huruf dan tiga angka.", required=True,
        example="KRH010", pattern=RULE_ID,
        form=("a rule ID: three capital letters and three digits, such as KRH010",
              "kode aturan: tiga huruf kapital dan tiga angka, mis. KRH010"))
    reason: Optional[str] = fld(
        "Why the finding is set aside. Shown in the report.",
        "Alasan temuan itu dikecualikan. Ditampilkan dalam laporan.", required=True,
        example="izin tertulis orang tua ada di berkas sekolah", pattern=r"\S",
        form=("a reason in words: why the finding is set aside",
              "alasan dalam kata-kata: mengapa temuan itu dikecualikan"))
    session: Optional[int] = fld(
        "Only in this session (missing: in every session).",
        "Hanya pada sesi ini (kosong = pada semua sesi).", minimum=1, example=2)
    by: Optional[str] = fld("Who decided (a name and role).",
                            "Siapa yang memutuskan (nama dan peran).",
                            example="dosen pembimbing")


@dataclass(frozen=True)
class Settings:
    """What asas itself is told about this file (the top-level ``asas:``)."""
    ignore: Tuple[Suppression, ...] = fld(
        "Findings set aside in this case, each with its reason (none if left out); "
        "asas check --no-suppress shows them all again.",
        "Temuan yang dikecualikan pada kasus ini, masing-masing dengan alasannya (kosong = "
        "tidak ada); asas check --no-suppress menampilkan semuanya lagi.", closed=True)


@dataclass(frozen=True)
class Case:
    format: Optional[Literal["asas/v1"]] = fld("The format and its version.",
                                               "Format dan versinya.", required=True,
                                               example=FORMAT_V1)
    case: CaseInfo = sub(CaseInfo, "Who, and why.", "Siapa dan mengapa.", required=True)
    sessions: Tuple[Session, ...] = fld("The sessions, in order (at least one).",
                                        "Sesi-sesi, berurutan (minimal satu).", required=True,
                                        closed=True, minimum=1)
    asas: Settings = sub(Settings, "Settings for asas in this file: suppressions.",
                         "Pengaturan asas untuk berkas ini: pengecualian temuan.")


# --- reading the description -------------------------------------------------------

@dataclass(frozen=True)
class FieldSpec:
    """What the validator, the JSON Schema and the template need to know of a field."""
    name: str
    kind: str                 # str | int | float | bool | date | enum | object | list
    required: bool
    closed: bool
    en: str
    id: str
    choices: tuple = ()       # for enum, and for lists of enum
    item: FieldSpec | None = None   # for list
    cls: type | None = None           # for object (and list of object)
    minimum: float | None = None
    maximum: float | None = None
    example: object = None
    profile_only: bool = False        # shown by init/interview when the profile asks
    pattern: str | None = None        # a text matches it (re.search)
    form: tuple | None = None         # (en, id): what the pattern asks for, in words

    @property
    def item_spec(self) -> FieldSpec:
        """The spec of a list's items (every ``list`` field has one)."""
        if self.item is None:
            raise TypeError(f"field {self.name!r} ({self.kind}) has no item spec")
        return self.item

    @property
    def object_cls(self) -> type:
        """The dataclass of an ``object`` field (every ``object`` field has one)."""
        if self.cls is None:
            raise TypeError(f"field {self.name!r} ({self.kind}) has no dataclass")
        return self.cls


_SCALARS = {str: "str", int: "int", float: "float", bool: "bool", datetime.date: "date"}
_spec_cache: dict[type, tuple[FieldSpec, ...]] = {}


def _strip_optional(tp):
    if typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _spec_for_type(name, tp, meta) -> FieldSpec:
    base = dict(name=name, required=meta["required"], closed=meta["closed"], en=meta["en"],
                id=meta["id"], minimum=meta["minimum"], maximum=meta["maximum"],
                example=meta["example"], profile_only=meta.get("profile_only", False),
                pattern=meta.get("pattern"), form=meta.get("form"))
    tp = _strip_optional(tp)
    origin = typing.get_origin(tp)
    if origin is Literal:
        return FieldSpec(kind="enum", choices=typing.get_args(tp), **base)
    if origin in (tuple, Tuple):
        item_tp = typing.get_args(tp)[0]
        item_meta = dict(meta, required=False, closed=False, minimum=None, maximum=None)
        return FieldSpec(kind="list", item=_spec_for_type(name, item_tp, item_meta), **base)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return FieldSpec(kind="object", cls=tp, **base)
    return FieldSpec(kind=_SCALARS[tp], **base)


def fields_of(cls: type) -> tuple[FieldSpec, ...]:
    """The format's fields of one mapping, in the order a case file writes them."""
    if cls not in _spec_cache:
        hints = typing.get_type_hints(cls)
        _spec_cache[cls] = tuple(_spec_for_type(f.name, hints[f.name], f.metadata)
                                 for f in dataclasses.fields(cls))
    return _spec_cache[cls]


def all_paths(cls: type = Case, prefix: str = "") -> list[str]:
    """Every field path of the format, lists written as ``[]`` (``sessions[].number``)."""
    paths = []
    for spec in fields_of(cls):
        path = f"{prefix}.{spec.name}" if prefix else spec.name
        paths.append(path)
        target = spec.item_spec if spec.kind == "list" else spec
        if target.kind == "object":
            paths.extend(all_paths(target.object_cls, path + ("[]" if spec.kind == "list" else "")))
    return paths
