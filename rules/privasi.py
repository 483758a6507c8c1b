"""Privasi: identifying data in the write-up itself.

Not a principle of the practice but of the document: a case file handed to a
lecturer or supervisor is information about the client shared outside the session,
and the source's confidentiality covers everything the client reveals.  So these
findings have ``principle: None`` and change no principle's status; they tell a
trainee what to anonymise, and where, before the file leaves their hands.

The scanning is done in Python (engine/privacy.py); each hit is one ``PrivacyFact``.
No message quotes the data found, only its kind and the field it is in.
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import MATCH, Rule
from asas.engine.reason.facts import PrivacyFact
from asas.rules._registry import REGISTRY, RuleSet
from asas.rules.privacy_scan import ADDRESS, BIRTH_DATE, EMAIL, FULL_NAME, ID_NUMBER, PHONE

KNOWLEDGE = REGISTRY.module("privasi")   # principle: None

SOURCE = Text("Asas kerahasiaan (confidentiality), ¶1", "Asas kerahasiaan, ¶1")
WHY = Text(
    "According to the source text: everything the client reveals must be protected by the "
    "counselor, and "
    "the client's belief that their secrets are safe is the guarantee that the service "
    "succeeds. A write-up that can be traced to the client carries their secrets to every "
    "reader of it.",
    "Menurut teks sumber: segala sesuatu yang diungkapkan konseli wajib dijaga kerahasiaannya oleh "
    "konselor, dan keyakinan konseli bahwa rahasianya terlindungi menjadi jaminan "
    "keberhasilan layanan. Laporan yang dapat ditelusuri ke diri konseli membawa "
    "rahasianya kepada setiap pembacanya.")


def _entry(id, title_en, title_id, cf, what_en, what_id, do_en, do_id, fail, passing) -> dict:
    """The catalogue entry of one kind of identifying data."""
    return {
        "id": id, "severity": "risk", "cf": cf,
        "title": Text(title_en, title_id),
        "message": Text(f"{what_en} is written in {{fields}}; the write-up could identify the "
                        "client.",
                        f"{what_id} tertulis di {{fields}}; laporan ini dapat mengungkap "
                        "identitas konseli."),
        "recommendation": Text(f"Before handing the case file in: {do_en}.",
                               f"Sebelum menyerahkan berkas kasus: {do_id}."),
        "why": WHY, "source": SOURCE, "fail": fail, "passing": passing, "shows_values": False,
    }


def _found(report, path, session):
    return report(session, [path], {"fields": path})


@KNOWLEDGE.rules
class Privasi(RuleSet):
    @KNOWLEDGE.finding(**_entry(
        "PRV001", "Pseudonym looks like a real name", "Nama samaran tampak seperti nama asli", 0.6,
        "A pseudonym that looks like a full name (two or more name-like words)",
        "Nama samaran yang tampak seperti nama lengkap (dua kata nama atau lebih)",
        "use a pseudonym that cannot point to anyone, such as 'Siswa A', 'Konseli B' or "
        "initials",
        "gunakan nama samaran yang tidak menunjuk siapa pun, seperti 'Siswa A', 'Konseli B' "
        "atau inisial",
        fail={"case.client.pseudonym": "Budi Santoso"},
        passing={"case.client.pseudonym": "Konseli B"}))
    @Rule(PrivacyFact(kind=FULL_NAME, path=MATCH.path, session=MATCH.session))
    def prv001_full_name(self, report, path, session):
        self.declare(_found(report, path, session))

    @KNOWLEDGE.finding(**_entry(
        "PRV002", "Phone number in the write-up", "Nomor telepon dalam laporan", 0.9,
        "A phone number", "Nomor telepon",
        "remove the number; if the contact matters, write only who was contacted",
        "hapus nomornya; bila kontak itu penting, cukup tulis siapa yang dihubungi",
        fail={"sessions[0].notes": "Orang tua dapat dihubungi di 0812-3456-7890."},
        passing={"sessions[0].notes": "Orang tua dapat dihubungi melalui wali kelas."}))
    @Rule(PrivacyFact(kind=PHONE, path=MATCH.path, session=MATCH.session))
    def prv002_phone(self, report, path, session):
        self.declare(_found(report, path, session))

    @KNOWLEDGE.finding(**_entry(
        "PRV003", "E-mail address in the write-up", "Alamat surel dalam laporan", 0.95,
        "An e-mail address", "Alamat surel (e-mail)",
        "remove the address", "hapus alamat surel tersebut",
        fail={"sessions[0].notes": "Tugas dikirim konseli ke budi.santoso@example.com."},
        passing={"sessions[0].notes": "Tugas dikirim konseli melalui surel."}))
    @Rule(PrivacyFact(kind=EMAIL, path=MATCH.path, session=MATCH.session))
    def prv003_email(self, report, path, session):
        self.declare(_found(report, path, session))

    @KNOWLEDGE.finding(**_entry(
        "PRV004", "Identity number in the write-up", "Nomor identitas dalam laporan", 0.8,
        "A student or identity number (NISN, NIS, NIK, NIM or a number of their length)",
        "Nomor induk atau nomor identitas (NISN, NIS, NIK, NIM, atau nomor sepanjang itu)",
        "remove the number; the case ID is enough to find the file",
        "hapus nomor tersebut; kode kasus sudah cukup untuk menemukan berkasnya",
        fail={"case.problem.summary": "Konseli (NISN 0061234567) sering terlambat masuk kelas."},
        passing={"case.problem.summary": "Konseli sering terlambat masuk kelas."}))
    @Rule(PrivacyFact(kind=ID_NUMBER, path=MATCH.path, session=MATCH.session))
    def prv004_id_number(self, report, path, session):
        self.declare(_found(report, path, session))

    @KNOWLEDGE.finding(**_entry(
        "PRV005", "Street address in the write-up", "Alamat rumah dalam laporan", 0.8,
        "A street address (a street with a number, or RT/RW)",
        "Alamat (nama jalan dengan nomor, atau RT/RW)",
        "remove the address; say only what matters for the case (for example 'lives far from "
        "school')",
        "hapus alamatnya; cukup tulis yang penting bagi kasus (misalnya 'rumahnya jauh dari "
        "sekolah')",
        fail={"sessions[0].notes": "Kunjungan rumah ke Jl. Melati No. 12, RT 03/RW 05."},
        passing={"sessions[0].notes": "Kunjungan rumah dilakukan bersama wali kelas."}))
    @Rule(PrivacyFact(kind=ADDRESS, path=MATCH.path, session=MATCH.session))
    def prv005_address(self, report, path, session):
        self.declare(_found(report, path, session))

    @KNOWLEDGE.finding(**_entry(
        "PRV006", "Exact birth date in the write-up", "Tanggal lahir lengkap dalam laporan", 0.85,
        "An exact date of birth", "Tanggal lahir yang lengkap",
        "write the age instead (case.client.age)",
        "tuliskan usia saja (case.client.age)",
        fail={"case.problem.summary": "Konseli lahir 12 Maret 2010 dan kini kelas X."},
        passing={"case.problem.summary": "Konseli berusia 16 tahun dan kini kelas X."}))
    @Rule(PrivacyFact(kind=BIRTH_DATE, path=MATCH.path, session=MATCH.session))
    def prv006_birth_date(self, report, path, session):
        self.declare(_found(report, path, session))
