"""Every text a person reads, except the rules' own (they live beside their rules):
a message code, its English and its Indonesian template, in one table.

A message is a code with parameters (:class:`Msg`); it is turned into text only when
it is shown, in the reader's language (:func:`text`).  A parameter may itself be a
``Msg`` (a word such as "a list" inside "expected a list, found ..."), rendered in the
same language.  Codes are stable: a message's wording may change, its code does not,
so a test, a cache entry or a machine reader can rely on it.

Sections (the code's prefix): ``load.`` what the loader says of a file, ``kind.`` the
kinds of values it names, ``yaml.`` explanations of YAML syntax errors, ``os.`` the
operating system's errors, ``word.`` the words of the reports, ``template.`` the
template's comments, ``interview.`` the interview, ``cli.`` the command line,
``verbatim.`` a session's verbatim block, ``import.`` ``asas verbatim import``,
``budget.`` the rule engine's budget per case, ``reason.`` the fast network's
fallback, ``profile.`` profile files, ``run.`` running a check (standard streams,
outputs refused), ``oswrite.`` the system's reasons a file cannot be written.

tests/test_i18n_messages.py walks the source for user-facing errors and output written
as English literals outside this layer, so that none comes back.

tests/test_translate.py keeps every code complete in both languages, with the same
parameters in both.
"""

from __future__ import annotations

import string
from typing import Any, NamedTuple


class Msg(NamedTuple):
    """A message not yet in words: its code and its parameters."""
    code: str
    params: tuple = ()     # (name, value) pairs, so a Msg can be hashed and compared

    @classmethod
    def of(cls, code: str, **params) -> Msg:
        if code not in MESSAGES:
            raise KeyError(f"no message {code!r} in engine/i18n/messages.py")
        return cls(code, tuple(sorted(params.items())))

    def text(self, lang: str = "en") -> str:
        return text(self, lang)

    def __str__(self) -> str:       # English, where a plain string is expected
        return text(self, "en")


class Pair(NamedTuple):
    """A parameter that is itself text in both languages (a field's own description)."""
    en: str
    id: str


def text(msg: Msg | Pair | str, lang: str = "en") -> str:
    """``msg`` in words, in ``lang`` ('en' or 'id'); a plain string is returned as it is."""
    if isinstance(msg, Pair):
        return msg.id if lang == "id" else msg.en
    if not isinstance(msg, Msg):
        return str(msg)
    en, id_ = MESSAGES[msg.code]
    template = id_ if lang == "id" else en
    params = {k: (text(v, lang) if isinstance(v, (Msg, Pair)) else v) for k, v in msg.params}
    return template.format(**params)


def names_its_source(msg: Msg | str) -> bool:
    """Whether a message starts with the file it is about (``"{source}: ..."``)."""
    if not isinstance(msg, Msg):
        return False
    en, id_ = MESSAGES[msg.code]
    return en.startswith("{source}: ") and id_.startswith("{source}: ")


def unsourced(msg: Msg) -> Msg:
    """A message that starts with its file (``"{source}: ..."``, as the import's do)
    without it, in both languages, for a report already located in that file
    (``asas verbatim tag v.csv`` says "v.csv:1:1: ..." once, not twice)."""
    lead = "{source}: "
    en, id_ = MESSAGES[msg.code]
    # a source that says more than the file ("v.docx (tabel 2)") is kept
    if not (en.startswith(lead) and id_.startswith(lead)) \
            or not isinstance(dict(msg.params).get("source"), str):
        return msg
    params = {k: v for k, v in msg.params if k != "source"}

    def said(template: str, lang: str) -> str:
        return template[len(lead):].format(
            **{k: (text(v, lang) if isinstance(v, (Msg, Pair)) else v) for k, v in params.items()})
    return Msg.of("import.in_file", what=Pair(said(en, "en"), said(id_, "id")))


def t(code: str, lang: str, **params) -> str:
    """One message in words: ``t("load.empty", "id")``."""
    return text(Msg.of(code, **params), lang)


def number(n: int) -> Pair:
    """A count as each language writes it: 10,000 in English, 10.000 in Indonesian."""
    shown = f"{n:,}"
    return Pair(shown, shown.replace(",", "."))


class English(str):
    """A message's English text that still knows its message, for code that passes
    text along (``error_text`` gives it back in the reader's language)."""
    msg: Msg

    def __new__(cls, msg: Msg) -> English:
        self = super().__new__(cls, text(msg, "en"))
        self.msg = msg
        return self


class MessageError(Exception):
    """An exception whose message is a :class:`Msg`: ``str()`` is the English (what logs
    and tests compare), :meth:`text` the reader's language.  The user-facing errors of
    the engine (CheckError, ProfileError, ImportProblem, OutputRefused ...) are these,
    so that no English reaches an Indonesian reader (tests/test_i18n_messages.py)."""

    def __init__(self, msg: Msg | str):
        self.msg = msg
        super().__init__(text(msg, "en"))

    def text(self, lang: str = "en") -> str:
        return text(self.msg, lang)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# --- plain data, for the result cache and other processes -------------------------

def to_plain(value: Any) -> Any:
    """A parameter as JSON-able data: a Msg becomes ``{"@": code, "p": {...}}``."""
    if isinstance(value, Msg):
        return {"@": value.code, "p": {k: to_plain(v) for k, v in value.params}}
    if isinstance(value, Pair):
        return {"en": value.en, "id": value.id}
    return value


def from_plain(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"@", "p"} and value["@"] in MESSAGES:
        return Msg(value["@"], tuple(sorted((k, from_plain(v)) for k, v in value["p"].items())))
    if isinstance(value, dict) and set(value) == {"en", "id"}:
        return Pair(str(value["en"]), str(value["id"]))
    return value


# --- the loader ----------------------------------------------------------------------

_LOAD = {
    "load.stdin_closed": ("standard input is closed: there is no case file to read from -",
                          "masukan standar tertutup: tidak ada berkas kasus yang dapat dibaca dari -"),
    # values and keys
    "load.enum": ("{value} is not one of {choices}{hint}",
                  "{value} bukan salah satu pilihan: {choices}{hint}"),
    "load.enum_hint": (" (did you mean '{name}'?)", " (maksud Anda '{name}'?)"),
    "load.unknown_key_hint": ("unknown key {key}; did you mean '{name}'{about}?",
                              "nama isian {key} tidak dikenal (salah ketik?); maksud Anda "
                              "'{name}'{about}?"),
    "load.unknown_key": ("unknown key {key}; allowed: {names}",
                         "nama isian {key} tidak dikenal; yang dikenal di sini: {names}"),
    "load.duplicate_key": ("duplicate key {key} (first at line {line})",
                           "isian {key} ditulis dua kali (pertama di baris {line})"),
    "load.missing_key": ("missing required key '{key}'{about}{fix}",
                         "isian wajib '{key}'{about} belum ditulis{fix}"),
    "load.about": (" ({what})", " ({what})"),
    "load.pattern": ("expected {form}, found {found}{hint}",
                     "harus {form}, tetapi tertulis {found}{hint}"),
    # in-file suppressions (asas: ignore:, engine/judge/suppress.py)
    "load.fix_reason": ("; every suppression needs one: add 'reason: ...'",
                        "; setiap pengecualian wajib memilikinya: tambahkan 'reason: ...'"),
    "load.waivers_key": ("{key} belongs under 'asas:' as 'ignore:' (asas: {{ignore: [{{rule: "
                         "..., reason: ...}}]}}), one list for suppressions and overrides",
                         "{key} ditulis di bawah 'asas:' sebagai 'ignore:' (asas: {{ignore: "
                         "[{{rule: ..., reason: ...}}]}}), satu daftar untuk semua pengecualian"),
    "suppress.suppressed": ("suppressed: {rule}{with_} — {reason}{by}",
                            "dikecualikan: {rule}{with_} — {reason}{by}"),
    "suppress.with": (" with {ids}", " beserta {ids}"),
    "suppress.by": ("; by {by}", "; oleh {by}"),
    "suppress.unused": ("unused suppression: {rule} matches no finding of this case; remove "
                        "it, or correct its rule ID or session",
                        "pengecualian tak terpakai: {rule} tidak cocok dengan temuan mana pun "
                        "pada kasus ini; hapus, atau perbaiki kode aturan atau sesinya"),
    "suppress.unknown_rule": ("{rule} is not a rule of asas{hint}; see asas rules",
                              "{rule} bukan kode aturan asas{hint}; lihat asas rules"),
    "load.fix_number": ("; write 'number: {n}' as the first line of this session",
                        "; tulis 'number: {n}' sebagai baris pertama sesi ini"),
    "load.required_empty": ("'{key}' is required but empty", "'{key}' wajib diisi, tetapi kosong"),
    "load.expected": ("expected {what}, found {found}{none}",
                      "harus {what}, tetapi tertulis {found}{none}"),
    "load.write_none": (" (write [] for none)", " (tulis [] bila tidak ada)"),
    "load.bool_hint_yes": (" (write true for yes)", " (tulis true untuk ya)"),
    "load.bool_hint_no": (" (write false for no)", " (tulis false untuk tidak)"),
    "load.decimal_hint": (" (with a decimal point: {value})", " (pakai titik desimal: {value})"),
    "load.out_of_range": ("{value} is out of range {range}", "{value} di luar rentang {range}"),
    "load.min_items": ("needs at least {n} item(s)", "perlu sedikitnya {n} butir"),
    "load.session_order": (
        "session number {n} out of order; expected {m} (numbered 1, 2, 3 ... in order, "
        "without gaps)",
        "nomor sesi {n} tidak berurutan; seharusnya {m} (bernomor 1, 2, 3 ... berurutan, "
        "tanpa loncatan)"),
    "load.session_missing": ("session {n} does not exist; the file's last session is session {m}",
                             "sesi {n} tidak ada; berkas ini memuat {m} sesi"),
    "load.tag": ("tag {tag} is not allowed: only plain YAML values (text, numbers, "
                 "true/false, dates)",
                 "tag {tag} tidak diizinkan: hanya nilai YAML biasa (teks, angka, "
                 "true/false, tanggal)"),
    "load.key_not_plain": ("a key must be a plain name, found {found}",
                           "nama isian harus berupa kata biasa, tertulis {found}"),
    "load.merge_key": ("merge keys ('<<') are not supported; write the fields out in full",
                       "kunci gabungan ('<<') tidak didukung; tulis isiannya satu per satu"),
    "load.control_char": ("contains the control character {char}; a write-up is plain text: "
                          "remove it",
                          "memuat karakter kendali {char}; laporan berupa teks biasa: hapus "
                          "karakter itu"),
    # the file as a whole
    "load.not_yaml": ("not valid YAML: {what}", "bukan YAML yang valid: {what}"),
    "load.empty": ("the file is empty; a case file starts with 'format: asas/v1'",
                   "berkas kosong; berkas kasus diawali 'format: asas/v1'"),
    "load.no_document": ("the file holds no YAML document; a case file starts with "
                         "'format: asas/v1'",
                         "berkas tidak memuat dokumen YAML; berkas kasus diawali "
                         "'format: asas/v1'"),
    "load.no_format": ("missing 'format: asas/v1' (the first line of a case file)",
                       "tidak ada 'format: asas/v1' (baris pertama berkas kasus)"),
    "load.bad_format": ("format {value} is not supported; this tool reads {format}",
                        "format {value} tidak didukung; alat ini membaca {format}"),
    "load.not_mapping": ("a case file is a mapping of fields, found {found}",
                         "berkas kasus berupa kelompok isian ('nama: nilai'), tertulis "
                         "{found}"),
    "load.is_verbatim": ("this looks like a verbatim, not a case file: `asas verbatim tag "
                         "FILE` shows its turns and their codes, and `asas verbatim import FILE "
                         "--into CASE.yaml --session N` writes it into a session of a case file",
                         "berkas ini tampaknya verbatim, bukan berkas kasus: `asas verbatim tag "
                         "BERKAS` memperlihatkan giliran bicaranya beserta kodenya, dan `asas "
                         "verbatim import BERKAS --into KASUS.yaml --session N` menuliskannya ke "
                         "satu sesi berkas kasus"),
    "load.is_word": ("this is a Word document, not a case file: a verbatim table in it is read "
                     "by `asas verbatim tag FILE` and written into a case file by `asas verbatim "
                     "import FILE --into CASE.yaml --session N`",
                     "berkas ini dokumen Word, bukan berkas kasus: tabel verbatim di dalamnya "
                     "dibaca oleh `asas verbatim tag BERKAS` dan dituliskan ke berkas kasus oleh "
                     "`asas verbatim import BERKAS --into KASUS.yaml --session N`"),
    "load.is_excel": ("this is an Excel workbook, not a case file: a verbatim table in it is "
                      "read by `asas verbatim tag FILE` and written into a case file by `asas "
                      "verbatim import FILE --into CASE.yaml --session N`",
                      "berkas ini buku kerja Excel, bukan berkas kasus: tabel verbatim di "
                      "dalamnya dibaca oleh `asas verbatim tag BERKAS` dan dituliskan ke berkas "
                      "kasus oleh `asas verbatim import BERKAS --into KASUS.yaml --session N`"),
    "load.many_documents": ("more than one YAML document ('---'); put one case in each file",
                            "lebih dari satu dokumen YAML ('---'); tulis satu kasus di setiap "
                            "berkas"),
    # limits
    "load.too_many_bytes": ("file is {n} bytes, over the limit of {m}; raise it with "
                            "--max-bytes",
                            "berkas berukuran {n} bita, melebihi batas {m}; naikkan dengan "
                            "--max-bytes"),
    "load.too_many_nodes": ("more than {n} YAML nodes{alias}; raise the limit with --max-nodes",
                            "lebih dari {n} simpul YAML{alias}; naikkan batasnya dengan "
                            "--max-nodes"),
    "load.alias_bomb": (" once aliases are expanded (an alias bomb?)",
                        " setelah alias dijabarkan (bom alias?)"),
    "load.too_deep": ("nested deeper than {n} levels; raise the limit with --max-depth",
                      "bersarang lebih dari {n} tingkat; naikkan batasnya dengan --max-depth"),
    "load.parser_depth": ("nested deeper than the YAML parser allows (about 1000 levels)",
                          "bersarang lebih dalam daripada yang dapat dibaca pengurai YAML "
                          "(sekitar 1000 tingkat)"),
    "load.too_many_sessions": ("{n} sessions is more than the limit of {m}; raise it with "
                               "--max-sessions",
                               "{n} sesi melebihi batas {m}; naikkan dengan --max-sessions"),
    # anchors and aliases
    "load.alias_no_anchor": ("alias *{name} has no anchor &{name} before it",
                             "alias *{name} tidak memiliki jangkar &{name} sebelumnya (bila "
                             "ini teks yang diawali '*', apit dengan tanda petik)"),
    "load.alias_loop": ("alias *{name} repeats a node that contains it (a structure without "
                        "end)",
                        "alias *{name} mengulang simpul yang memuat dirinya (struktur tanpa "
                        "akhir)"),
    "load.anchor_twice": ("anchor &{name} is defined twice",
                          "jangkar &{name} didefinisikan dua kali"),
    # bytes and encodings
    "load.utf_wide": ("the file is {enc} text; save it as UTF-8",
                      "berkas berupa teks {enc}; simpan sebagai UTF-8"),
    "load.utf16_no_bom": ("the file looks like UTF-16 text (no byte-order mark); save it as "
                          "UTF-8",
                          "berkas tampaknya teks UTF-16 (tanpa penanda urutan bita); simpan "
                          "sebagai UTF-8"),
    "load.nul": ("the file holds NUL bytes (line {line}): a binary file, not a case file "
                 "written as text",
                 "berkas memuat bita NUL (baris {line}): berkas biner, bukan berkas kasus"),
    "load.not_utf8": ("not UTF-8 text (byte {byte} on line {line}); the file may be Latin-1 "
                      "or Windows-1252: save it as UTF-8",
                      "bukan teks UTF-8 (bita {byte} di baris {line}); berkas mungkin Latin-1 "
                      "atau Windows-1252: simpan sebagai UTF-8"),
    # reading
    "load.is_dir": ("is a directory, not a case file", "adalah folder, bukan berkas kasus"),
    "load.not_regular": ("is not a regular file (a FIFO, socket or device?); give a file "
                         "saved on disk",
                         "bukan berkas biasa (FIFO, soket, atau perangkat?); berikan berkas "
                         "yang tersimpan di disk"),
    "load.changed": ("the file changed while it was being read; check it again once it is "
                     "saved",
                     "berkas berubah ketika sedang dibaca; periksa lagi setelah selesai "
                     "disimpan"),
    "load.cannot_read": ("cannot read: {why}", "tidak dapat dibaca: {why}"),
    "load.cannot_list": ("cannot list the directory: {why}",
                         "isi folder tidak dapat dibaca: {why}"),
    "load.no_case_files": ("no case files (*.yaml, *.yml) in this directory",
                           "tidak ada berkas kasus (*.yaml, *.yml) di folder ini"),
}

# YAML syntax: what the mistake is and what to write instead (engine/load/yaml_errors.py)
_YAML = {
    "load.yaml": ("not valid YAML: {why} — line {n} reads: {text}",
                  "bukan YAML yang valid: {why} — baris {n} tertulis: {text}"),
    "yaml.tab": ("the line is indented with a Tab; YAML allows only spaces. Replace the Tab "
                 "with spaces (as many as the lines around it).",
                 "baris ini diberi indentasi dengan Tab; YAML hanya menerima spasi. Ganti Tab "
                 "itu dengan spasi (sebanyak baris di sekitarnya)."),
    "yaml.colon": ("the text holds ': ' (a colon and a space), which YAML reads as the start "
                   "of another field. Put the text in quotes: {fix}",
                   "teks memuat ': ' (titik dua dan spasi), yang dibaca YAML sebagai awal isian "
                   "baru. Apit teks itu dengan tanda petik: {fix}"),
    "yaml.no_space": ("a space is missing after the colon. Write: {fix}",
                      "spasi sesudah titik dua tidak ada. Tulis: {fix}"),
    "yaml.list_after_empty": ("a list item follows a field written as [] (none). Take out "
                              "the [] (write {fix} alone), then the items below it, each "
                              "starting with '- '.",
                              "butir daftar ditulis di bawah isian yang bernilai [] (tidak "
                              "ada). Hapus [] itu (tulis {fix} saja), lalu tulis butirnya di "
                              "bawahnya, masing-masing diawali '- '."),
    "yaml.text_after_quote": ("the text goes on after its closing quote. Put the whole text "
                              "in quotes: {fix}",
                              "teks masih berlanjut sesudah tanda petik penutupnya. Apit "
                              "seluruh teks dengan tanda petik: {fix}"),
    "yaml.text_after_quote_plain": ("the text goes on after its closing quote. Put the whole "
                                    "text in quotes.",
                                    "teks masih berlanjut sesudah tanda petik penutupnya. Apit "
                                    "seluruh teks dengan tanda petik."),
    "yaml.indent": ("the line is not indented like the fields of its group. Give it the same "
                    "number of spaces at the start as the fields above it that belong with "
                    "it.",
                    "indentasi baris ini tidak sama dengan isian lain dalam kelompoknya. Beri "
                    "jumlah spasi di awal baris yang sama dengan isian di atasnya yang "
                    "sekelompok."),
    "yaml.block_dedent": ("this line looks like part of the text block ('|') above it, but it "
                          "is indented less than the block's other lines, so the block ends "
                          "here. Start it with {spaces} spaces, like them.",
                          "baris ini tampaknya bagian dari teks blok ('|') di atasnya, tetapi "
                          "menjorok lebih sedikit daripada baris lain di blok itu, sehingga "
                          "bloknya berakhir di sini. Awali baris ini dengan {spaces} spasi, "
                          "seperti baris lainnya."),
    "yaml.block_first_deeper": ("the first line of this text block ('|') is indented more "
                                "than the lines after it, and YAML takes its indentation "
                                "for the whole block. Start it with {spaces} spaces, like "
                                "them.",
                                "baris pertama teks blok ('|') ini menjorok lebih dalam "
                                "daripada baris-baris sesudahnya, padahal YAML memakai "
                                "indentasinya untuk seluruh blok. Awali baris ini dengan "
                                "{spaces} spasi, seperti baris lainnya."),
    "yaml.list_indent": ("this list item is not in line with the items above it. Start every "
                         "'- ' of a list at the same column.",
                         "butir daftar ini tidak sejajar dengan butir di atasnya. Mulailah "
                         "setiap '- ' dalam satu daftar pada kolom yang sama."),
    "yaml.dash_value": ("the value starts with '- ', which YAML reads as a list. Put the text "
                        "in quotes, or write the list items on the lines below. In quotes: "
                        "{fix}",
                        "nilainya diawali '- ', yang dibaca YAML sebagai daftar. Apit teks "
                        "itu dengan tanda petik, atau tulis butir daftarnya di baris-baris di "
                        "bawahnya. Dengan tanda petik: {fix}"),
    "yaml.unclosed_quote": ("a quote opened on this line is never closed. Add the closing "
                            "quote at the end of the text.",
                            "tanda petik yang dibuka di baris ini tidak pernah ditutup. "
                            "Tambahkan tanda petik penutup di akhir teks."),
    "yaml.special_start": ("a text cannot start with '{char}' in YAML. Put the text in "
                           "quotes: \"...\".",
                           "dalam YAML, teks tidak boleh diawali '{char}'. Apit teks itu "
                           "dengan tanda petik: \"...\"."),
    "yaml.unclosed_bracket": ("the list opened with '{bracket}' on this line is not closed. "
                              "End it with '{close}' on the same line, e.g. [a, b].",
                              "daftar yang dibuka dengan '{bracket}' di baris ini tidak "
                              "ditutup. Akhiri dengan '{close}' di baris yang sama, mis. "
                              "[a, b]."),
    "yaml.unclosed_brace": ("the group of fields opened with '{{' on this line is not closed. "
                            "End it with '}}' on the same line, e.g. {{pseudonym: R, age: 15}}.",
                            "kelompok isian yang dibuka dengan '{{' di baris ini tidak "
                            "ditutup. Akhiri dengan '}}' di baris yang sama, mis. "
                            "{{pseudonym: R, age: 15}}."),
    "yaml.no_colon": ("the line has no 'field: value'. If it continues the text of the line "
                      "above, put the whole text in quotes on one line, or write '|' after "
                      "the colon and the text on the lines below, indented.",
                      "baris ini tidak berbentuk 'isian: nilai'. Bila baris ini lanjutan teks "
                      "di baris atasnya, apit seluruh teks dengan tanda petik dalam satu "
                      "baris, atau tulis '|' sesudah titik dua lalu teksnya di baris-baris "
                      "di bawahnya dengan indentasi."),
}

# the operating system's errors, by errno name (load.cannot_read)
_OS = {
    "os.ENOENT": ("no such file (check the name and the folder)",
                  "berkas tidak ditemukan (periksa nama dan foldernya)"),
    "os.EACCES": ("permission denied (the file's owner can allow reading it)",
                  "tidak ada izin membaca berkas ini (pemilik berkas dapat mengizinkannya)"),
    "os.EPERM": ("operation not permitted", "tindakan tidak diizinkan"),
    "os.EISDIR": ("is a directory", "adalah folder"),
    "os.ENOTDIR": ("a part of the path is not a directory",
                   "sebagian jalur berkas bukan folder"),
    "os.ENAMETOOLONG": ("the file name is too long", "nama berkas terlalu panjang"),
    "os.ELOOP": ("too many symbolic links (a link that points to itself?)",
                 "terlalu banyak tautan simbolis (tautan yang menunjuk dirinya sendiri?)"),
    "os.EIO": ("input/output error (the disk or the network drive)",
               "galat masukan/keluaran (disk atau drive jaringan)"),
    "os.EMFILE": ("too many open files", "terlalu banyak berkas yang terbuka"),
    "os.ENXIO": ("no such device", "perangkat tidak ada"),
    "os.EBUSY": ("the file is in use", "berkas sedang dipakai"),
    "os.other": ("{why}", "{why}"),
}

# what "expected ..., found ..." names
_KIND = {
    "kind.str": ("text", "teks"),
    "kind.int": ("a whole number", "bilangan bulat"),
    "kind.float": ("a number", "angka"),
    "kind.bool": ("true or false", "true atau false"),
    "kind.date": ("a date (2026-09-07, 7-9-2026 or 7 September 2026)",
                  "tanggal (2026-09-07, 7-9-2026 atau 7 September 2026)"),
    "kind.enum": ("one word", "satu kata"),
    "kind.list": ("a list", "daftar"),
    "kind.object": ("a mapping", "kelompok isian"),
    "kind.mapping": ("a mapping", "kelompok isian"),
    "kind.fields": ("a mapping of fields", "kelompok isian ('nama: nilai')"),
    "kind.null": ("nothing (null)", "kosong (null)"),
    "kind.tagged_key": ("a key tagged {tag}", "nama isian bertag {tag}"),
}

# --- the words of the reports (engine/i18n/words.py: word()) --------------------------

_WORD = {
    "word.violation": ('violation', 'pelanggaran'),
    "word.risk": ('risk', 'risiko'),
    "word.advice": ('advice', 'saran'),
    "word.violations": ('violations', 'pelanggaran'),   # counted: "13 violations"
    "word.risks": ('risks', 'risiko'),
    "word.upheld": ('upheld', 'ditegakkan'),
    "word.at_risk": ('at risk', 'berisiko'),
    "word.violated": ('violated', 'dilanggar'),
    "word.not_assessed": ('not assessed', 'tidak dapat dinilai'),
    "word.session": ('session', 'sesi'),
    "word.case": ('case', 'kasus'),
    "word.line": ('line', 'baris'),
    "word.certainty": ('certainty', 'tingkat keyakinan'),
    "word.derived_from": ('a consequence of', 'akibat dari temuan'),
    "word.evidence": ('evidence', 'bukti'),
    "word.recommendation": ('Next time', 'Saran perbaikan'),
    "word.functions": ('functions', 'fungsi'),
    "word.invalid": ('invalid case file', 'berkas kasus tidak valid'),
    "word.invalid_count": ('invalid', 'tidak valid'),
    "word.unreadable": ("file not found or unreadable",
                        "berkas tidak ditemukan atau tidak dapat dibaca"),
    "word.summary": ('Summary', 'Ringkasan'),
    "word.files": ('files', 'berkas'),
    "word.file": ('file', 'berkas'),
    "word.lines": ('lines', 'baris'),
    "word.valid": ('valid', 'valid'),
    "word.findings": ('findings', 'temuan'),
    "word.no_findings": ('no findings', 'tidak ada temuan'),
    "word.went_well": ('What went well', 'Yang sudah baik'),
    "word.consequence": ('consequence', 'akibatnya'),
    "word.undocumented_block": ('Not documented (advice)', 'Belum dicatat (saran)'),
    "word.defeated": ('Presumptions defeated by what happened later', 'Dugaan yang gugur oleh kejadian berikutnya'),
    "word.defeated_via": ('rested only on', 'hanya bertumpu pada'),
    "word.certainty_note": ('A finding drawn from several others can be more certain than each of them: independent lines of evidence for the same conclusion add up (cf1 + cf2 × (1 − cf1)).', 'Temuan yang diturunkan dari beberapa temuan lain dapat lebih meyakinkan daripada masing-masing temuan itu: beberapa bukti yang saling lepas untuk kesimpulan yang sama saling menguatkan (cf1 + cf2 × (1 − cf1)).'),
    "word.weakest": ('most often failing', 'paling sering bermasalah'),
    "word.pemahaman": ('understanding', 'pemahaman'),
    "word.pengentasan": ('alleviation', 'pengentasan'),
    "word.pengembangan_pemeliharaan": ('maintenance and development', 'pemeliharaan dan pengembangan'),
    "word.pencegahan": ('prevention', 'pencegahan'),
    "word.advokasi": ('advocacy', 'advokasi'),
    "word.served": ('served', 'terlayani'),
    "word.not_served": ('not served', 'tidak terlayani'),
    "word.not_documented": ('not documented / not applicable', 'tidak dicatat / tidak berlaku'),
    "word.not_documented_value": ('not documented', 'tidak dicatat'),
    "word.report_title": ('asas · Principles of individual counseling: report', 'asas · Laporan asas konseling individual'),
    "word.class_overview": ('Class overview', 'Gambaran kelas'),
    "word.matrix_note": ('Each row is a case, each column a principle; the number is the score (0-100).', 'Setiap baris satu kasus, setiap kolom satu asas; angkanya skor (0-100).'),
    "word.legend": ('legend', 'keterangan'),
    "word.chart_principles": ('Score of each principle, coloured by status', 'Skor tiap asas, diwarnai menurut status'),
    "word.weakest_principles": ("The class's weakest principles", 'Asas terlemah di kelas ini'),
    "word.cases_at_risk_or_violated": ('cases at risk or violated', 'kasus berisiko atau dilanggar'),
    "word.failing_count": ('at risk or violated', 'berisiko atau dilanggar'),
    "word.none_failing": ('No principle is at risk or violated in any case.', 'Tidak ada asas yang berisiko atau dilanggar di kasus mana pun.'),
    "word.frequent_findings": ('Findings met most often', 'Temuan yang paling sering muncul'),
    "word.no_serious_findings": ('No risk or violation found.', 'Tidak ditemukan risiko atau pelanggaran.'),
    "word.score_note": ('Score of a principle: upheld 100; each risk finding takes off 40% and each violation 70%, times its certainty (one certain risk: 60, one certain violation: 30); a principle not assessed has no score.', 'Skor tiap asas: ditegakkan 100; setiap temuan risiko mengurangi 40% dan setiap pelanggaran 70%, dikalikan kepastiannya (satu risiko pasti: 60, satu pelanggaran pasti: 30); asas yang tidak dapat dinilai tidak diberi skor.'),
    "word.redaction_on": ('Pseudonyms and quoted free text are left out of this report (more than one case).', 'Nama samaran dan kutipan teks bebas tidak dimuat dalam laporan ini (lebih dari satu kasus).'),
    "word.invalid_help": ('The case file could not be read or does not follow the asas/v1 format; fix the errors shown and check it again.', 'Berkas kasus tidak dapat dibaca atau tidak mengikuti format asas/v1; perbaiki kesalahan yang ditunjukkan lalu periksa lagi.'),
    "word.why": ('Why it matters', 'Mengapa penting'),
    "word.suppressions": ('Suppressed in the case file (asas: ignore)',
                          'Dikecualikan dalam berkas kasus (asas: ignore)'),
    "word.principle": ('principle', 'asas'),
    "word.status": ('status', 'status'),
    "word.score": ('score', 'skor'),
    "word.severity": ('severity', 'tingkat'),
    "word.title": ('title', 'judul'),
    "word.cases": ('cases', 'kasus'),
    "word.sessions": ('sessions', 'jumlah sesi'),
    "word.first_session": ('first session', 'sesi pertama'),
    "word.client": ('client', 'konseli'),
    "word.trainee": ('trainee', 'praktikan'),
    "word.no_code": ('(no code)', '(tanpa kode)'),
    "word.gradebook_title": ('asas · Gradebook', 'asas · Daftar nilai'),
    "word.grade": ('grade', 'nilai'),
    "word.grade_point": ('grade point', 'bobot'),
    "word.total": ('total', 'total'),
    "word.deductions": ('deductions', 'pengurangan'),
    "word.ungraded": ('not graded', 'tidak dinilai'),
    "word.reason": ('reason', 'alasan'),
    "word.rubric": ('Rubric', 'Rubrik'),
    "word.weight": ('weight', 'bobot'),
    "word.average": ('average', 'rata-rata'),
    "word.distribution": ('Grades', 'Sebaran nilai'),
    "word.points_per_status": ('points per status (% of the weight)', 'poin per status (% dari bobot)'),
    "word.deduction_per_finding": ('deducted per finding', 'pengurangan per temuan'),
    "word.bands": ('grade bands (lowest total)', 'rentang nilai (total terendah)'),
    "word.trend_title": ('asas · Progress of each trainee', 'asas · Perkembangan tiap praktikan'),
    "word.date": ('date', 'tanggal'),
    "word.change": ('change', 'perubahan'),
    "word.improved": ('better', 'membaik'),
    "word.declined": ('worse', 'menurun'),
    "word.unchanged": ('same', 'tetap'),
    "word.not_included": ('not included (invalid)', 'tidak disertakan (tidak valid)'),
    "word.undated": ('no date', 'tanpa tanggal'),
    "word.stat_violation": ('with a principle violated', 'dengan asas yang dilanggar'),
    "word.stat_risk_only": ('at risk, no violation', 'berisiko, tanpa pelanggaran'),
    "word.stat_all_upheld": ('all eight principles upheld', 'kedelapan asas ditegakkan'),
    "word.by_trainee": ('By trainee', 'Per praktikan'),
    "word.stat_not_assessed": ('with a principle the write-up does not show', 'dengan asas yang tidak tampak dalam laporan'),
}

# `asas trend` (engine/report/trend.py)
_TREND = {
    "trend.by_score": ("change: score of the first case → the last, ±{step} points or more",
                       "perubahan: skor kasus pertama → terakhir, ±{step} poin atau lebih"),
    "trend.by_status": ("change: status of the first case → the last",
                        "perubahan: status kasus pertama → terakhir"),
}

# --- the template (engine/authoring/template.py) -----------------------------------------

_TEMPLATE = {
    "template.required": ("Required.", "Wajib diisi."),
    "template.empty_undocumented": ("Empty = not documented.", "Kosong = tidak dicatat."),
    "template.empty_or_none": ("Empty = not documented; [] = none.",
                               "Kosong = tidak dicatat; [] = tidak ada."),
    "template.closed": ("[] = none.", "[] = tidak ada."),
    "template.empty_none": ("Empty = none.", "Kosong = tidak ada."),
    "template.one_of": ("One of:", "Pilihan:"),
    "template.some_of": ("One or more, written [a, b], of:",
                         "Satu atau lebih, ditulis [a, b], dari:"),
    "template.bool": ("true (yes) or false (no).", "true (ya) atau false (tidak)."),
    "template.int": ("A whole number", "Bilangan bulat"),
    "template.float": ("A number", "Angka"),
    "template.date": ("A date: 2026-09-07 (7-9-2026 and 7 September 2026 are read too).",
                      "Tanggal: 2026-09-07 (boleh juga 7-9-2026 atau 7 September 2026)."),
    "template.texts": ("A list of texts: take out the [] first, then write one per line "
                       "below it, starting with '- '.",
                       "Daftar teks: hapus [] dahulu, lalu tulis satu butir per baris di "
                       "bawahnya, diawali '- '."),
    "template.example": ("e.g.", "mis."),
    "template.items": ("To record one, replace [] with entries like the commented example "
                       "below (remove the '# ' in front of its lines).",
                       "Untuk mencatatnya, ganti [] dengan butir seperti contoh bertanda # di "
                       "bawah (hapus '# ' di depan baris-barisnya)."),
    "template.object": ("If it applies, fill in the commented lines below (remove the '# ' in "
                        "front of them).",
                        "Bila berlaku, isi baris bertanda # di bawah (hapus '# ' di "
                        "depannya)."),
    "template.session": ("Session", "Sesi"),
    "template.written": ("Written: {file} (sessions: {sessions}). Fill it in, then run: "
                         "asas check {file}",
                         "Tersimpan: {file} ({sessions} sesi). Isilah, lalu jalankan: asas "
                         "check {file}"),
    "template.exists": ("{file} already exists; nothing was written (use --force to overwrite "
                        "it)",
                        "{file} sudah ada; tidak ada yang ditulis (pakai --force untuk "
                        "menimpanya)"),
    "template.see_first": ("fields as in session 1", "isian seperti sesi 1"),
    "template.schema_written": ("Also written: {file}, the schema editors check the file "
                                "against (its first line points at it).",
                                "Ditulis juga: {file}, skema yang dipakai editor untuk "
                                "memeriksa berkas (baris pertamanya menunjuk ke sana)."),
    "template.schema_not_written": ("Could not write {file}: run `asas schema -o {file}` "
                                    "for editors to check the file as you type.",
                                    "Tidak dapat menulis {file}: jalankan `asas schema -o "
                                    "{file}` agar editor memeriksa berkas saat Anda "
                                    "mengetik."),
}

# --- the interview (engine/authoring/interview/) ----------------------------------------

_INTERVIEW = {
    "interview.intro": (
        "asas interview: questions about the case, then session by session, as a "
        "supervisor would ask them. Answer from your write-up.\n"
        "  Enter or \"don't know\" = not documented (the field is left out).\n"
        "  ? = what the question means.   < = back to the previous question.\n"
        "  Every answer is kept in a draft: Ctrl-C stops, and the next `asas interview` "
        "offers to go on from there.",
        "Wawancara asas: pertanyaan tentang kasus, lalu sesi demi sesi, seperti yang "
        "ditanyakan supervisor. Jawablah sesuai laporan Anda.\n"
        "  Enter atau \"tidak tahu\" = tidak dicatat (isian dikosongkan).\n"
        "  ? = penjelasan pertanyaan.   < = kembali ke pertanyaan sebelumnya.\n"
        "  Setiap jawaban disimpan dalam draf: Ctrl-C menghentikan wawancara, dan `asas "
        "interview` berikutnya menawarkan untuk melanjutkannya."),
    "interview.bool_hint": ("[yes/no, Enter = don't know]", "[ya/tidak, Enter = tidak tahu]"),
    "interview.gate_hint": ("[yes/no]", "[ya/tidak]"),
    "interview.text_hint": ("[Enter = don't know]", "[Enter = tidak tahu]"),
    "interview.required_hint": ("", ""),
    "interview.choice_prompt": ("Type a number or a choice [Enter = don't know]",
                                "Ketik nomor atau pilihannya [Enter = tidak tahu]"),
    "interview.choice_prompt_required": ("Type a number or a choice",
                                         "Ketik nomor atau pilihannya"),
    "interview.notes_hint": ("[Enter = none]", "[Enter = tidak ada]"),
    "interview.choices_prompt": ("Type numbers or choices, comma-separated; type \"none\" "
                                 "if none applies; Enter = don't know",
                                 "Ketik nomor atau pilihannya, pisahkan dengan koma; ketik "
                                 "\"tidak ada\" bila tidak ada satu pun; Enter = tidak tahu"),
    "interview.choices_prompt_closed": ("Type numbers or choices, comma-separated [Enter = "
                                        "NONE]",
                                        "Ketik nomor atau pilihannya, pisahkan dengan koma "
                                        "[Enter = TIDAK ADA]"),
    "interview.another": ("Another one?", "Ada lagi?"),
    "interview.item": ("", ""),
    "interview.session": ("Session", "Sesi"),
    "interview.finally": ("To finish, about the whole case",
                          "Terakhir, tentang kasus secara keseluruhan"),
    "interview.undocumented": ("→ not documented", "→ tidak dicatat"),
    "interview.verbatim_line": ("line {line} of the verbatim:", "baris {line} verbatim:"),
    "interview.verbatim_read": ("{n} turns read from {file}", "{n} giliran terbaca dari {file}"),
    "interview.verbatim_again": ("The verbatim cannot be read as it is. Paste it again?",
                                 "Verbatim belum dapat dibaca. Tempelkan lagi?"),
    "interview.required": ("This one is required; please answer it.",
                           "Bagian ini wajib diisi; mohon dijawab."),
    "interview.bad_bool": ("Please answer yes or no (or press Enter if you don't know).",
                           "Jawab ya atau tidak (atau tekan Enter bila tidak tahu)."),
    "interview.bad_gate": ("Please answer yes or no.", "Jawab ya atau tidak."),
    "interview.bad_choice": ("Not one of the choices: type a number 1–{n} or one of: {values}.",
                             "Bukan salah satu pilihan: ketik nomor 1–{n} atau salah satu "
                             "dari: {values}."),
    "interview.one_unknown": ("'{item}' is not one of the choices; the others were understood "
                              "({rest}). Type them again with a choice in place of '{item}', "
                              "or without it.",
                              "'{item}' tidak dikenal; yang lain sudah dipahami ({rest}). "
                              "Ketik lagi dengan pilihan lain sebagai ganti '{item}', atau "
                              "tanpa itu."),
    "interview.did_you_mean": (" Did you mean '{hint}'?", " Maksud Anda '{hint}'?"),
    "interview.bad_int": ("Please type a whole number{range}.", "Tulis bilangan bulat{range}."),
    "interview.bad_float": ("Please type a number from 0 to 1 (e.g. 0.4) or a percentage "
                            "(40%).",
                            "Tulis angka 0 sampai 1 (misalnya 0,4) atau persen (40%)."),
    "interview.bad_date": ("Please type a date, e.g. 7 September 2026 or 2026-09-07.",
                           "Tulis tanggalnya, misalnya 7 September 2026, 7-9-2026, 7/9/2026 "
                           "atau 2026-09-07."),
    "interview.date_hint": ("e.g. 7 September 2026; Enter = don't know",
                            "mis. 7 September 2026 atau 7-9-2026; Enter = tidak tahu"),
    "interview.need_item": ("Write at least one (or: none).",
                            "Tulis setidaknya satu (atau: tidak ada)."),
    "interview.save_as": ("Save the case file as", "Simpan berkas kasus sebagai"),
    "interview.exists": ("{file} already exists. Overwrite it?", "{file} sudah ada. Timpa?"),
    "interview.exists_early": ("Note: {file} already exists; you will be asked before it is "
                               "overwritten.",
                               "Catatan: {file} sudah ada; Anda akan ditanya sebelum berkas "
                               "itu ditimpa."),
    "interview.written": ("Written: {file}. The check of it follows; edit the file to add "
                          "what is missing, then run: asas check {file}",
                          "Tersimpan: {file}. Hasil pemeriksaannya di bawah ini; lengkapi "
                          "berkas itu bila ada yang kurang, lalu jalankan: asas check {file}"),
    "interview.stopped": ("The interview stopped before it was finished (end of input, or "
                          "Ctrl-C); nothing was saved.",
                          "Wawancara berhenti sebelum selesai (masukan berakhir, atau "
                          "Ctrl-C); tidak ada yang disimpan."),
    "interview.range": (" {low}–{high}", " {low}–{high}"),
    "interview.back": ("← back to the previous question", "← kembali ke pertanyaan sebelumnya"),
    "interview.nothing_before": ("There is no earlier question.",
                                 "Tidak ada pertanyaan sebelumnya."),
    "interview.resume": ("A draft of an unfinished interview was found ({n} answers). Go on "
                         "from there?",
                         "Ada draf wawancara yang belum selesai ({n} jawaban). Lanjutkan dari "
                         "sana?"),
    "interview.appending": ("Adding session {n} to the case file; the case and the sessions "
                            "before are kept as they are.",
                            "Menambahkan sesi {n} ke berkas kasus; kasus dan sesi-sesi "
                            "sebelumnya tetap seperti adanya."),
    "interview.append_needs_file": ("--append-session needs the case file to add to",
                                    "--append-session memerlukan berkas kasus yang akan "
                                    "ditambah"),
    "interview.append_invalid": ("{file} is not a valid case file: correct it first, then "
                                 "add the session",
                                 "{file} bukan berkas kasus yang valid: perbaiki dulu, lalu "
                                 "tambahkan sesinya"),
    "interview.same_as": ("Same as in session {n}?", "Sama seperti sesi {n}?"),
    "interview.same_copied": ("→ as in session {n}", "→ seperti sesi {n}"),
    "interview.stopped_draft": ("The interview stopped before it was finished; your answers "
                                "are kept in {file}: run `asas interview` again to go on.",
                                "Wawancara berhenti sebelum selesai; jawaban Anda tersimpan "
                                "di {file}: jalankan lagi `asas interview` untuk "
                                "melanjutkan."),
    "interview.range_low": (" of at least {low}", " minimal {low}"),
    "interview.control_char": ("That answer holds a control character ({char}; an arrow or "
                               "other editing key?); type it again",
                               "Jawaban itu memuat karakter kendali ({char}; tombol panah atau "
                               "tombol penyunting lain?); ketik ulang"),
    "interview.invalid_result": ("The answers did not make a valid case file (a bug in asas; "
                                 "please report it). The file follows:",
                                 "Jawaban tidak menghasilkan berkas kasus yang valid (galat "
                                 "pada asas; mohon dilaporkan). Isi berkasnya:"),
}

# --- the command line (cli.py) ----------------------------------------------------------

_CLI = {
    "cli.interrupted": ("interrupted (Ctrl-C): {done} of {total} files checked; the report "
                        "covers those",
                        "dihentikan (Ctrl-C): {done} dari {total} berkas diperiksa; laporan "
                        "hanya memuat berkas-berkas itu"),
    "cli.no_rule": ("no rule {rule}{more}", "tidak ada aturan {rule}{more}"),
    "cli.no_rule_hint": ("; did you mean {hint}?", "; maksud Anda {hint}?"),
    "cli.no_rule_list": ("; `asas rules` lists them", "; daftarnya: `asas rules`"),
    "cli.no_rule_profile": ("; it is a rule of profile {profile}: "
                            "`asas rule {rule} --profile {profile}`",
                            "; aturan itu milik profil {profile}: "
                            "`asas rule {rule} --profile {profile}`"),
    "cli.cannot_write": ("cannot write {file}: {why}", "tidak dapat menulis {file}: {why}"),
    "cli.need_paths": ("give at least one file or directory (or --examples)",
                       "sebutkan sedikitnya satu berkas atau folder (atau --examples)"),
    "cli.need_paths_rubric": ("give at least one file or directory (or --print-rubric)",
                              "sebutkan sedikitnya satu berkas atau folder (atau "
                              "--print-rubric)"),
    "cli.need_paths_plain": ("give at least one file or directory",
                             "sebutkan sedikitnya satu berkas atau folder"),
    "cli.redact_contradiction": ("--redact and --no-redact (or --lecturer) contradict each "
                                 "other",
                                 "--redact dan --no-redact (atau --lecturer) saling "
                                 "bertentangan; pakai salah satu saja"),
    "cli.xlsx_needs_output": ("--format xlsx writes a workbook: give --output FILE.xlsx",
                              "--format xlsx menulis buku kerja (workbook): sebutkan --output "
                              "BERKAS.xlsx"),
    "cli.no_answers": ("standard input is closed: there is nothing to read the answers from",
                       "masukan standar tertutup: tidak ada jawaban yang dapat dibaca"),
    "cli.written_note": ("report written to {file}; exit status 1 is a CI convention (a "
                         "finding of {fail_on} or worse was found), not a failure",
                         "laporan ditulis ke {file}; status keluar 1 hanya konvensi CI (ada "
                         "temuan setingkat {fail_on} atau lebih berat), bukan kegagalan"),
    "cli.sheets_written": ("feedback sheets: {n} → {index}", "lembar umpan balik: {n} → {index}"),
}

# --- the verbatim (engine/verbatim/parse.py: what a trainee's verbatim block gets) -------

_VERBATIM = {
    "verbatim.not_block": ("a verbatim must be a literal block: write 'verbatim: |' and the "
                           "turns on the lines below it, indented",
                           "verbatim harus ditulis sebagai blok: tulis 'verbatim: |', lalu "
                           "giliran bicaranya di baris-baris di bawahnya, menjorok ke dalam"),
    "verbatim.no_speaker": ("this line has no speaker code (such as 'Ko:' or 'Ki:') and no "
                            "turn above it to continue",
                            "baris ini tidak diawali kode pembicara (misalnya 'Ko:' atau "
                            "'Ki:') dan bukan lanjutan giliran bicara di atasnya"),
    "verbatim.unknown_speaker": ("speaker {speaker} is not in the case's verbatim_speakers "
                                 "map{hint}",
                                 "kode pembicara {speaker} tidak tercantum dalam "
                                 "case.verbatim_speakers{hint}"),
    "verbatim.hint": ("; did you mean '{name}'?", "; maksud Anda '{name}'?"),
    "verbatim.hint_silence": ("; write the silence as a note instead, '(diam)': asas codes no "
                              "technique for it",
                              "; tuliskan diamnya sebagai catatan saja, '(diam)': asas tidak "
                              "mengodekannya sebagai teknik"),
    "verbatim.hint_uncoded": ("; asas codes no such skill: leave the label out, or name the "
                              "technique the turn shows ('dorongan minimal', 'pertanyaan "
                              "terbuka' ...)",
                              "; asas tidak mengodekan keterampilan ini: hapus labelnya, atau "
                              "sebut teknik yang tampak pada giliran itu ('dorongan minimal', "
                              "'pertanyaan terbuka' ...)"),
    "verbatim.no_counselor": ("the verbatim has no counselor turn (the speakers read: {codes}); "
                              "name the counselor's code in case.verbatim_speakers, e.g. "
                              "counselor: [{example}]",
                              "verbatim tidak memuat satu pun giliran bicara konselor "
                              "(pembicara yang terbaca: {codes}); tuliskan kode konselor di "
                              "case.verbatim_speakers, misalnya counselor: [{example}]"),
    "verbatim.no_client": ("the verbatim has no client turn (the speakers read: {codes}); "
                           "name the client's code in case.verbatim_speakers, e.g. "
                           "client: [{example}]",
                           "verbatim tidak memuat satu pun giliran bicara konseli (pembicara "
                           "yang terbaca: {codes}); tuliskan kode konseli di "
                           "case.verbatim_speakers, misalnya client: [{example}]"),
    "verbatim.empty": ("the verbatim is empty", "verbatim masih kosong"),
    # a verbatim's own file: its heading, before the first turn (engine/verbatim/source.py)
    "verbatim.heading_skipped": ("lines {lines} left out: they come before the first turn "
                                 "and are no turns (a title, a date, a name)",
                                 "baris {lines} dilewati: letaknya sebelum giliran pertama "
                                 "dan bukan giliran bicara (judul, tanggal, nama)"),
    "verbatim.heading_skipped_one": ("line {lines} left out: it comes before the first turn "
                                     "and is no turn (a title, a date, a name)",
                                     "baris {lines} dilewati: letaknya sebelum giliran "
                                     "pertama dan bukan giliran bicara (judul, tanggal, "
                                     "nama)"),
    "verbatim.bad_label": ("label {label} is not a technique{hint}",
                           "label {label} bukan nama teknik konseling{hint}"),
    "verbatim.empty_turn": ("turn {n} ({speaker}) is empty; write what was said, or a note such "
                            "as '(diam)'",
                            "giliran {n} ({speaker}) kosong; tuliskan apa yang diucapkan, atau "
                            "catatan seperti '(diam)'"),
}

# --- `asas verbatim import` (engine/verbatim/importer.py, cli.py) ------------------------

_IMPORT = {
    "import.no_header": ("{source}: no header row naming the speaker and dialog columns "
                         "(e.g. 'Pembicara', 'Dialog', 'Teknik')",
                         "{source}: tidak ada baris judul yang menamai kolom pembicara dan "
                         "dialog (misalnya 'Pembicara', 'Dialog', 'Teknik')"),
    "import.table": ("{path} (table {n})", "{path} (tabel {n})"),
    "import.needs_docx": ("{source}: reading .docx needs python-docx "
                          "(pip install 'asas[docx]')",
                          "{source}: membaca berkas .docx memerlukan python-docx "
                          "(pip install 'asas[docx]')"),
    "import.bad_docx": ("{source}: not a .docx file that can be read ({why})",
                        "{source}: bukan berkas .docx yang dapat dibaca ({why})"),
    "import.bad_xlsx": ("{source}: not an .xlsx workbook that can be read ({why})",
                        "{source}: bukan buku kerja .xlsx yang dapat dibaca ({why})"),
    "import.sheet": ("{path} (sheet '{name}')", "{path} (lembar '{name}')"),
    "import.unsupported": ("{source}: a {kind} file cannot be read; save it as .docx, .xlsx, "
                           ".csv or .txt (in Word or LibreOffice: Save As)",
                           "{source}: berkas {kind} tidak dapat dibaca; simpan sebagai .docx, "
                           ".xlsx, .csv, atau .txt (di Word atau LibreOffice: Simpan Sebagai)"),
    "import.unzipped_too_big": ("{source}: unpacked, this file holds {size} MiB (at most "
                                "{limit} MiB are read): not read",
                                "{source}: bila dibuka, berkas ini berisi {size} MiB (paling "
                                "banyak {limit} MiB yang dibaca): tidak dibaca"),
    "import.no_table": ("{source}: the document has neither a verbatim table nor "
                        "paragraphs of turns ('Ko: ...')",
                        "{source}: dokumen tidak memuat tabel verbatim maupun paragraf "
                        "giliran bicara ('Ko: ...')"),
    "import.not_utf8": ("{source}: not UTF-8 text; save it as UTF-8",
                        "{source}: bukan teks UTF-8; simpan sebagai UTF-8"),
    "import.case_not_utf8": ("not UTF-8 text; save it as UTF-8",
                             "bukan teks UTF-8; simpan sebagai UTF-8"),
    "import.case_not_yaml": ("not valid YAML; run `asas check` on it first to see where",
                             "bukan YAML yang valid; jalankan dahulu `asas check` pada berkas "
                             "itu untuk melihat letak kesalahannya"),
    "import.no_sessions": ("the case file has no list of sessions",
                           "berkas kasus tidak memuat daftar sesi (sessions)"),
    "import.no_session": ("session {n} does not exist; the file's last session is session {m}",
                          "sesi {n} tidak ada; berkas ini memuat {m} sesi"),
    "import.not_block": ("session {n} is not written as a block mapping (one field per "
                         "line); add 'verbatim: |' by hand",
                         "sesi {n} tidak ditulis satu isian per baris; tambahkan "
                         "'verbatim: |' secara manual"),
    "import.has_verbatim": ("session {n} already has a verbatim (line {line}); give "
                            "--replace to replace it",
                            "sesi {n} sudah memuat verbatim (baris {line}); pakai --replace "
                            "untuk menggantinya"),
    "import.line": ("{source}:{line}:{column}: {message}", "{source}:{line}:{column}: {message}"),
    "verbatim.name_speakers": ("for a verbatim on its own, name them when you tag it: {command}",
                               "untuk verbatim yang berdiri sendiri, sebutkan pembicaranya "
                               "saat menandainya: {command}"),
    "import.speakers_in_case": ("--counselor and --client name the speakers of a verbatim on "
                                "its own; a case file's are its case.verbatim_speakers",
                                "--counselor dan --client menyebut pembicara verbatim yang "
                                "berdiri sendiri; pembicara berkas kasus ditulis di "
                                "case.verbatim_speakers-nya"),
    "import.in_file": ("{what}", "{what}"),
    "import.not_written": ("{file}: not written", "{file}: tidak ditulis"),
    "import.written": ("{file}: session {n}: {turns} turns written",
                       "{file}: sesi {n}: {turns} giliran ditulis"),
}

# --- the rule engine's budget per case (engine/reason/runner.py; docs/limits.md) --------

_BUDGET = {
    "budget.facts": ("{n} sessions, disclosures and norm conflicts is more than the {m} one "
                     "case may ask of the rule engine; split the case into several files",
                     "{n} sesi, penyampaian informasi, dan konflik norma melebihi batas {m} "
                     "untuk satu kasus pada mesin aturan; pecah kasus ini menjadi beberapa "
                     "berkas"),
    "budget.firings": ("the rules would fire more than {m} times for this case, the most one "
                       "case may ask of the engine; split the case into several files",
                       "aturan akan dijalankan lebih dari {m} kali untuk kasus ini, melebihi "
                       "batas untuk satu kasus pada mesin aturan; pecah kasus ini menjadi "
                       "beberapa berkas"),
}

# --- the fast network's fallback (engine/reason/runner.py, engine/i18n/engine_messages.py)

_REASON = {
    "reason.fallback": ("asas: warning: the fast Rete network is not used ({reason}); asas "
                        "uses experta's own network instead: the same findings, only slower.",
                        "asas: peringatan: jaringan Rete cepat tidak dipakai ({reason}); "
                        "asas memakai jaringan experta sendiri: temuannya sama, hanya lebih "
                        "lambat."),
    "reason.experta_version": ("experta {found} is installed, and the fast network was "
                               "written for {expected}",
                               "experta {found} terpasang, padahal jaringan cepat ditulis "
                               "untuk {expected}"),
    "reason.experta_internal": ("experta no longer has {name}", "experta tidak lagi punya {name}"),
    "reason.node_type": ("experta's network holds a node type it does not know: {name}",
                         "jaringan experta memuat jenis simpul yang tidak dikenal: {name}"),
    "reason.check_type": ("experta's network holds a check it does not know: {name}",
                          "jaringan experta memuat jenis pemeriksaan yang tidak dikenal: "
                          "{name}"),
}

# --- profiles (engine/judge/profile.py, rules/_profiles.py; docs/profiles.md) -------------

_PROFILE = {
    "profile.at": ("{where}:{at}: {message}", "{where}:{at}: {message}"),
    "profile.no_file": ("{key}: no such profile file", "{key}: berkas profil tidak ditemukan"),
    "profile.unknown": ("no profile '{key}' (bundled: {names}; or give the path of a profile "
                        "file)",
                        "tidak ada profil '{key}' (yang tersedia: {names}; atau sebutkan "
                        "jalur berkas profil)"),
    "profile.cannot_read": ("cannot be read: {why}", "tidak dapat dibaca: {why}"),
    "profile.not_utf8": ("not UTF-8 text", "bukan teks UTF-8; simpan sebagai UTF-8"),
    "profile.not_mapping": ("a profile is a mapping with the keys {keys}",
                            "profil berupa kelompok isian dengan nama isian {keys}"),
    "profile.unknown_key": ("unknown key '{key}' (keys: {keys})",
                            "nama isian '{key}' tidak dikenal (yang dikenal: {keys})"),
    "profile.missing": ("'{key}' is missing", "isian wajib '{key}' belum ditulis"),
    "profile.bilingual": ("'{key}' must give an 'en' and an 'id' text",
                          "'{key}' harus memuat teks 'en' dan 'id'"),
    "profile.name_text": ("'name' must be text", "'name' harus berupa teks"),
    "profile.rules_list": ("'rules' must be a list of rule modules of rules/",
                           "'rules' harus berupa daftar modul aturan dari rules/"),
    "profile.fields_list": ("'fields' must be a list of field paths",
                            "'fields' harus berupa daftar jalur isian"),
    "profile.principles_list": ("'principles' must be a list of {{key, en, id}}",
                                "'principles' harus berupa daftar {{key, en, id}}"),
    "profile.principle_key": ("each principle needs a 'key'",
                              "setiap asas memerlukan isian 'key'"),
    "profile.principle_twice": ("principle '{key}' is listed twice",
                                "asas '{key}' tercantum dua kali"),
    "profile.reassign_map": ("'reassign' must map rule IDs to principles",
                             "'reassign' harus memetakan ID aturan ke asas"),
    "profile.reassign_unknown": ("{rule} is reassigned to '{principle}', which is not one of "
                                 "the profile's principles",
                                 "{rule} dialihkan ke '{principle}', padahal itu bukan salah "
                                 "satu asas dalam profil ini"),
    "profile.rubric_name": ("'rubric' must be the name of a rubric file",
                            "'rubric' harus berupa nama berkas rubrik"),
    "profile.no_rubric": ("no rubric file {file} beside the profile",
                          "berkas rubrik {file} tidak ada di samping berkas profil"),
    "profile.not_module": ("'{name}' is not a rule module of rules/",
                           "'{name}' bukan modul aturan dari rules/"),
    "profile.no_module": ("no rule module rules/{name}.py",
                          "modul aturan rules/{name}.py tidak ada"),
    "profile.no_ruleset": ("{module} has no rule set", "{module} tidak memuat kumpulan aturan"),
    "profile.reassign_missing": ("profile {name}: reassigns {rules}, which none of its rule "
                                 "modules documents",
                                 "profil {name}: mengalihkan {rules}, padahal tidak satu pun "
                                 "modul aturannya memuat aturan itu"),
    "profile.in_config": ("{file}: profile: {message}", "{file}: profile: {message}"),
}

# --- running a check (engine/run/check.py, atomic.py, batch.py) --------------------------

_RUN = {
    "run.stdin_closed": ("standard input is closed: there is no case file to read from -",
                         "masukan standar tertutup: tidak ada berkas kasus yang dapat dibaca "
                         "dari -"),
    "run.stdout_closed": ("standard output is closed; give --output FILE",
                          "keluaran standar tertutup; pakai --output BERKAS"),
    "run.stdout_failed": ("cannot write to standard output: {why}",
                          "tidak dapat menulis ke keluaran standar: {why}"),
    "run.standard_output": ("standard output", "keluaran standar"),
    "run.worker_died": ("a worker process stopped unexpectedly (out of memory, or killed?); "
                        "check again, or with --jobs 1",
                        "sebuah proses pemeriksa berhenti tiba-tiba (memori habis, atau "
                        "dihentikan?); periksa lagi, atau pakai --jobs 1"),
    "run.refuse_stdin": ("refusing to write {what} over {file}: it is the file given on "
                         "standard input; choose another {option}",
                         "{what} tidak ditulis menimpa {file}: berkas itu diberikan lewat "
                         "masukan standar; pilih {option} yang lain"),
    "run.refuse_input": ("refusing to write {what} over {file}, {role}; choose another "
                         "{option}",
                         "{what} tidak ditulis menimpa {file}, {role}; pilih {option} yang "
                         "lain"),
    "run.refuse_link": ("refusing to write through {file}: it is a link another user (uid "
                        "{uid}) made in a shared folder; choose another {option}",
                        "tidak menulis melalui {file}: berkas itu tautan yang dibuat pengguna "
                        "lain (uid {uid}) di folder bersama; pilih {option} yang lain"),
    "run.the_report": ("the report", "laporan"),
    "run.an_input": ("one of the files this command reads",
                     "salah satu berkas yang dibaca perintah ini"),
    "run.a_case_file": ("one of the case files being checked",
                        "salah satu berkas kasus yang diperiksa"),
    "run.the_case_file": ("the case file", "berkas kasus"),
    "run.file_name": ("file name", "nama berkas"),
}

# `asas cache clear` / `asas cache prune` (engine/run/cache.py)
_CACHE = {
    "cache.none": ("no cache at {folder}", "tidak ada cache di {folder}"),
    "cache.untrusted": ("{folder} {problem}; nothing removed",
                        "{folder}: folder itu {problem}; tidak ada yang dihapus"),
    "cache.not_ours": ("{folder} is not an asas cache (no CACHEDIR.TAG written by asas); "
                       "nothing removed",
                       "{folder} bukan cache asas (tidak ada CACHEDIR.TAG yang ditulis asas); "
                       "tidak ada yang dihapus"),
    "cache.pruned": ("pruned {folder}: {removed} removed, {kept} kept ({size} bytes)",
                     "{folder} dibersihkan: {removed} entri dihapus, {kept} disimpan ({size} "
                     "bita)"),
    "cache.cleared_partly": ("cleared {folder} (other files in it were left alone)",
                             "{folder} dikosongkan (berkas lain di dalamnya tidak disentuh)"),
    "cache.removed": ("removed {folder}", "{folder} dihapus"),
}

# what the operating system says when a file cannot be written (engine/i18n/oserr.py):
# the English is the system's own words, as before
_OS_WRITE = {
    "oswrite.ENOENT": ("No such file or directory",
                       "folder tujuannya tidak ada (periksa nama foldernya)"),
    "oswrite.EACCES": ("Permission denied", "tidak ada izin menulis di sana"),
    "oswrite.EPERM": ("Operation not permitted", "tindakan tidak diizinkan"),
    "oswrite.EISDIR": ("Is a directory", "adalah folder"),
    "oswrite.ENOTDIR": ("Not a directory", "sebagian jalurnya bukan folder"),
    "oswrite.ENOSPC": ("No space left on device", "disk penuh"),
    "oswrite.EDQUOT": ("Disk quota exceeded", "kuota disk habis"),
    "oswrite.EROFS": ("Read-only file system", "sistem berkasnya hanya dapat dibaca"),
    "oswrite.ENAMETOOLONG": ("File name too long", "nama berkas terlalu panjang"),
    "oswrite.EPIPE": ("Broken pipe", "pembaca keluaran sudah berhenti"),
    "oswrite.EIO": ("Input/output error", "galat masukan/keluaran (disk atau drive jaringan)"),
    "oswrite.other": ("{why}", "{why}"),
}

# --- CI: GitHub annotations and step summary, the terminal (engine/report/formats/github.py,
# engine/run/check.py) -------------------------------------------------------------------

_CI = {
    "github.more": ("{count} more {kind} are not shown as annotations (GitHub shows {limit} "
                    "of each type per step); {where}",
                    "{count} {kind} lainnya tidak ditampilkan sebagai anotasi (GitHub hanya "
                    "menampilkan {limit} anotasi per jenis dalam satu langkah); {where}"),
    "github.kind_error": ("violations or errors of invalid files",
                          "pelanggaran atau kesalahan berkas tidak valid"),
    "github.kind_warning": ("risk findings", "temuan risiko"),
    "github.kind_notice": ("advice findings", "temuan saran"),
    "github.where_summary": ("every finding is listed in the job summary of this run",
                             "semua temuan tercantum dalam ringkasan job (job summary) "
                             "run ini"),
    "github.where_report": ("every finding is in the full report: asas check --format "
                            "markdown (or text)",
                            "semua temuan ada dalam laporan lengkap: asas check --format "
                            "markdown (atau text)"),
    "github.summary_note": ("GitHub shows at most {limit} annotations of each type per step: "
                            "{shown} of these {total} findings and errors are annotated in "
                            "the files; every one is listed below.",
                            "GitHub hanya menampilkan {limit} anotasi per jenis dalam satu "
                            "langkah: {shown} dari {total} temuan dan kesalahan ini dianotasi "
                            "pada berkasnya; semuanya tercantum di bawah."),
    "github.summary_cut": ("… and {count} more, not listed: a step summary is limited to "
                           "1 MiB. The full report: asas check --format markdown",
                           "… dan {count} lagi, tidak dicantumkan: ringkasan satu langkah "
                           "dibatasi 1 MiB. Laporan lengkap: asas check --format markdown"),
    "github.where": ("file:line:column", "berkas:baris:kolom"),
    "ci.summary_unwritable": ("cannot append the step summary to {file}: {why}",
                              "ringkasan langkah tidak dapat ditambahkan ke {file}: {why}"),
    "ci.summary_is_input": ("the step summary file {file} is left as it is: it is one of "
                            "the files checked, or a link another user planted",
                            "berkas ringkasan langkah {file} tidak diubah: berkas itu termasuk "
                            "berkas yang diperiksa, atau tautan yang dipasang pengguna lain"),
    "ci.not_case_file": ("{file}: skipped, not a case file (no 'format: asas/v1')",
                         "{file}: dilewati, bukan berkas kasus (tidak ada 'format: asas/v1')"),
    "ci.bad_env_format": ("{var}={value} is not a report format; one of: {choices}",
                          "{var}={value} bukan format laporan; pilihannya: {choices}"),
}

# --- the config file (engine/run/config.py) ---------------------------------------------

_CONFIG = {
    "config.unknown_key_hint": ("unknown key '{key}'; did you mean '{name}'?",
                                "pengaturan '{key}' tidak dikenal; maksud Anda '{name}'?"),
    "config.unknown_key": ("unknown key '{key}'; allowed: {names}",
                           "pengaturan '{key}' tidak dikenal; yang dikenal: {names}"),
    "config.bad_value": ("{key} = {value} is not one of {choices}",
                         "{key} = {value} bukan salah satu pilihan: {choices}"),
    "config.bad_codes": ("{key}: expected rule IDs or prefixes, a list or \"A,B\"",
                         "{key}: harus ID atau awalan aturan, berupa daftar atau \"A,B\""),
    "config.bad_bool": ("{key}: expected true or false", "{key}: harus true atau false"),
    "config.bad_path": ("{key}: expected a file name", "{key}: harus nama berkas"),
    "config.bad_url": ("{key}: expected an absolute URL (https://...)",
                       "{key}: harus URL lengkap (https://...)"),
    "config.bad_table": ("{key}: expected a table of settings",
                         "{key}: harus berupa kelompok pengaturan"),
    "config.bad_limit": ("{key}: expected a whole number of at least 1",
                         "{key}: harus bilangan bulat minimal 1"),
    "config.not_mapping": ("a config file is a mapping of settings",
                           "berkas pengaturan berupa kelompok pengaturan ('nama: nilai')"),
    "config.syntax": ("not a valid config file: {what}",
                      "berkas pengaturan tidak valid: {what}"),
    "config.unreadable": ("cannot read the config file: {why}",
                          "berkas pengaturan tidak dapat dibaca: {why}"),
}

MESSAGES: dict[str, tuple[str, str]] = {
    **_LOAD, **_YAML, **_OS, **_KIND, **_CONFIG, **_WORD, **_TEMPLATE, **_INTERVIEW, **_CLI,
    **_VERBATIM, **_IMPORT, **_BUDGET, **_REASON, **_PROFILE, **_RUN, **_OS_WRITE, **_CACHE,
    **_TREND, **_CI}


# --- help in Indonesian (cli.py) ----------------------------------------------------------
# The English help is written beside each command and option in cli.py (click's own
# way); its Indonesian is here, by command ("check") and by command and option
# ("check.format"; "*.lang" for an option every command has).  tests/test_translate.py
# keeps every command and every option covered.

HELP_ID: dict[str, str] = {
    "asas": (
        "asas — memeriksa laporan konseling individual terhadap asas-asas "
        "bimbingan dan konseling.\n\n"
        "\b\n"
        "Mulai dengan:   asas check kasus/\n"
        "Satu aturan:    asas rule KSR001\n"
        "Alasan di balik sebuah hasil:   asas explain kasus/BERKAS.yaml\n"
        "Bahasa: --lang id atau --lang en (juga variabel lingkungan ASAS_LANG)."),
    "asas.version": "Tampilkan versi lalu keluar.",
    "asas.lang": "Bahasa bantuan dan laporan (bawaan: ASAS_LANG, lalu locale, lalu en).",
    "*.help": "Tampilkan bantuan ini lalu keluar.",
    "*.lang": "Bahasa laporan (bawaan: ASAS_LANG, lalu locale, lalu en).",
    "*.output": "Tulis hasilnya ke BERKAS (utuh, atau tidak sama sekali), bukan ke layar.",
    "*.profile": ("Asas mana yang dinilai: konseling-individual (bawaan, delapan asas "
                  "konseling individual) atau bk12 (dua belas asas menurut Prayitno & Amti), "
                  "atau berkas profil (docs/profiles.md)."),
    "cache prune": (
        "Hapus hasil lama dari cache: yang lebih tua dari --max-age (entri juga kedaluwarsa "
        "sendiri setelah 30 hari), lalu yang tertua melebihi --max-size."),
    "cache prune.cache_dir": "Cache yang dibersihkan (bawaan: $ASAS_CACHE_DIR, lalu "
                             "~/.cache/asas).",
    "cache prune.max_age": "Hapus entri yang ditulis lebih dari HARI hari yang lalu.",
    "cache prune.max_size": "Lalu hapus entri tertua sampai sisanya paling banyak MB megabita.",
    "check": (
        "Periksa berkas kasus: berkas, folder (dicari *.yaml, *.yml), atau - untuk "
        "masukan standar.\n\n"
        "Berkas yang tidak berubah tidak diperiksa ulang: hasilnya diambil dari cache "
        "(`asas cache --help`). Pemeriksaan banyak berkas menampilkan kemajuannya di "
        "terminal; Ctrl-C menghentikannya dan melaporkan berkas yang sudah diperiksa.\n\n"
        "Tingkat keyakinan: temuan yang diturunkan dari beberapa temuan lain dapat lebih "
        "meyakinkan daripada masing-masing temuan itu, karena beberapa bukti yang saling "
        "lepas untuk kesimpulan yang sama saling menguatkan (cf1 + cf2 x (1 - cf1)); "
        "temuan turunan ditampilkan di bawah temuan yang menjadi dasarnya.\n\n"
        "Status keluar: 0 tidak ada temuan yang mencapai --fail-on; 1 ada temuan yang "
        "mencapainya; 2 kesalahan pemakaian, atau ada berkas yang tidak dapat dibaca atau "
        "tidak valid (berkas lain tetap diperiksa), atau laporan tidak dapat ditulis; 130 "
        "dihentikan (Ctrl-C)."),
    "check.fmt": ("Format laporan (bawaan: $ASAS_FORMAT, lalu isi berkas pengaturan, lalu "
                  "github di GitHub Actions, lalu text)."),
    "check.quiet": ("text, concise: tampilkan hanya berkas yang gagal (tidak valid, atau ada "
                    "temuan yang mencapai --fail-on); tidak ada apa pun untuk berkas yang "
                    "lolos, tanpa ringkasan."),
    "check.color": ("Warnai laporan text: auto = di terminal, atau bila FORCE_COLOR atau "
                    "CLICOLOR_FORCE disetel, tidak pernah bila NO_COLOR disetel atau "
                    "TERM=dumb."),
    "check.only_case_files": ("Lewati, tanpa galat, berkas yang tidak menyatakan "
                              "'format: asas/v1' (mkdocs.yml di antara berkas kasus); untuk "
                              "hook pre-commit."),
    "check.fail_on": "Keluar dengan status 1 bila ada temuan setingkat ini atau lebih berat.",
    "check.junit_family": "--format junit untuk GitLab (berkas dan baris pada setiap tes) "
                          "atau untuk skema ketat plugin xUnit Jenkins.",
    "check.select": "Hanya aturan dengan ID atau awalan ini (pisahkan dengan koma, mis. "
                    "KRH,KSR001).",
    "check.ignore": "Abaikan aturan dengan ID atau awalan ini (awalan yang lebih panjang "
                    "mengalahkan --select).",
    "check.examples": "Periksa contoh kasus yang disertakan bersama asas (milik --profile).",
    "check.redact": "Jangan muat nama samaran konseli dan kutipan teks bebas dalam laporan.",
    "check.max_bytes": "Tolak berkas kasus yang lebih besar dari N bita (bawaan 2 MiB; "
                       "docs/limits.md).",
    "check.max_nodes": "Tolak berkas kasus dengan lebih dari N simpul YAML, alias dijabarkan "
                       "(bawaan 200.000).",
    "check.max_depth": "Tolak berkas kasus yang bersarang lebih dari N tingkat (bawaan 64).",
    "check.max_sessions": "Tolak berkas kasus dengan lebih dari N sesi (bawaan 500).",
    "check.jobs": "Periksa dengan N proses (bawaan: semua inti untuk lebih dari beberapa "
                  "berkas, selain itu 1).",
    "check.cache_dir": "Simpan cache hasil di FOLDER (bawaan: $ASAS_CACHE_DIR, lalu "
                       "~/.cache/asas).",
    "check.no_cache": "Jangan membaca atau menulis cache hasil.",
    "check.config_file": "Baca pengaturan dari BERKAS ini (bawaan: asas.toml, .asas.yaml, atau "
                    "[tool.asas] di pyproject.toml, dicari ke atas dari berkas kasus).",
    "check.isolated": "Abaikan semua berkas pengaturan.",
    "check.no_suppress": "Jangan terapkan pengecualian yang ditulis dalam berkas kasus (asas: "
                         "ignore:): semua temuan ditampilkan dan dihitung, seperti saat "
                         "pembimbing memeriksa.",
    "check.strict": "Terima hanya kode persis format (reluctant, true, 0.6), bukan kata yang "
                    "biasa ditulis orang (enggan, ya, 0,6).",
    "cache": ("Cache hasil `asas check` (bawaan ~/.cache/asas, atau $ASAS_CACHE_DIR).\n\n"
              "Isinya data turunan dari berkas kasus: tetap di komputer ini, dan aman "
              "dihapus kapan saja."),
    "cache clear": "Hapus hasil yang tersimpan (hanya folder buatan asas yang disentuh).",
    "cache clear.cache_dir": "Cache yang dihapus (bawaan: $ASAS_CACHE_DIR, lalu "
                             "~/.cache/asas).",
    "cache dir": "Tampilkan letak cache.",
    "cache dir.cache_dir": "Folder cache (bawaan: $ASAS_CACHE_DIR, lalu ~/.cache/asas).",
    "grade": (
        "Beri nilai berkas kasus dengan rubrik: poin tiap asas menurut statusnya, "
        "pengurangan per temuan dan per fungsi yang tidak terlayani, batas nilai untuk "
        "temuan kritis (paling tinggi D, wajib konsultasi), \"belum lengkap — "
        "dikembalikan\" untuk laporan yang tidak dapat dinilai, dan huruf nilai (A, AB, "
        "B, BC, C, D, E). Yang dinilai adalah laporannya, bukan praktiknya: satu komponen "
        "dari nilai PPL.\n\n"
        "Status keluar: 0 semua berkas dinilai (atau dikembalikan karena belum lengkap); 2 "
        "kesalahan pemakaian, berkas rubrik, daftar praktikan, atau pengecualian yang "
        "tidak dapat dipakai, atau berkas yang tidak valid (barisnya menyebut alasannya; "
        "berkas lain tetap dinilai)."),
    "grade.csv_locale": "id: ';' di antara kolom, koma desimal, dan BOM UTF-8, seperti "
                        "Excel dengan pengaturan wilayah Indonesia membuka CSV.",
    "grade.no_suppress": "Jangan ikuti pengecualian yang ditulis dalam berkas kasus (asas: "
                         "ignore:); berkas pengecualian (--overrides) tetap berlaku.",
    "grade.roster": "Kode praktikan -> nama atau NIM, kelas, guru pamong (CSV atau YAML).",
    "grade.overrides": "Pengecualian beralasan (waivers: case, rule, reason, by), disimpan "
                       "di samping berkas kelas.",
    "grade.sheets": "Tulis juga lembar umpan balik cetak untuk setiap kasus ke FOLDER "
                    "(berbahasa Indonesia kecuali --lang en).",
    "*.redact": "Jangan muat nama samaran konseli dan kutipan teks bebas dalam laporan.",
    "*.roster": "Kode praktikan -> nama atau NIM, kelas, guru pamong (CSV atau YAML).",
    "check.no_redact": ("Jangan samarkan format yang bawaannya disamarkan: sarif, github, "
                        "junit, dan gitlab, yang diunggah ke layanan kode (kutipan di sana "
                        "menjadi terbuka), serta html beberapa kasus (dibuat untuk "
                        "dibagikan)."),
    "check.lecturer": "Tampilan dosen untuk satu kelas (html): --no-redact, dan kelas "
                      "dikelompokkan per praktikan di samping matriks kasus.",
    "trend.by": "Yang dibandingkan sebuah perubahan, dari kasus pertama ke terakhir: status "
                "tiap asas, atau skornya (perubahan 10 poin atau lebih).",
    "grade.rubric": "Berkas rubrik (YAML) sebagai ganti rubrik bawaan; lihat --print-rubric.",
    "grade.print_rubric": "Tampilkan rubrik (bawaan, atau --rubric BERKAS setelah diperiksa) "
                          "lalu keluar.",
    "grade.fmt": "csv dan xlsx adalah daftar nilai untuk lembar kerja (xlsx memerlukan "
                 "--output).",
    "trend": (
        "Status dan skor asas tiap praktikan dari kasus ke kasus, menurut tanggal (tanggal sesi "
        "pertama); praktikan menurut case.counselor.code.\n\n"
        "Status keluar: 0 semua berkas terbaca; 2 kesalahan pemakaian atau berkas tidak "
        "valid (dicantumkan sebagai tidak disertakan; yang lain tetap ditampilkan)."),
    "trend.fmt": "Format laporan.",
    "schema": "Tampilkan JSON Schema (draft-07) format kasus, untuk editor.",
    "schema.output": "Tulis ke BERKAS.",
    "rules": "Daftar katalog aturan: ID, asas, tingkat, tingkat keyakinan, judul.",
    "rules.fmt": "Format daftar.",
    "rules.select": "Hanya ID atau awalan ini.",
    "rule": ("Jelaskan satu aturan: apa yang diperiksanya, mengapa penting, contoh yang "
             "memicu dan yang tidak memicunya, dan apa yang sebaiknya dilakukan."),
    "explain": ("Tampilkan penalaran untuk satu kasus: fakta (dengan nomor baris) → "
                "kesimpulan antara → temuan → status asas."),
    "init": ("Tulis templat berkas kasus: setiap isian format, dengan keterangan, belum ada "
             "yang dicatat (hasilnya 'tidak dapat dinilai' sampai Anda mengisinya). Tanpa "
             "BERKAS, atau dengan -, templat ditampilkan di layar."),
    "init.lang": "Bahasa keterangan (bawaan: ASAS_LANG, lalu locale, lalu en).",
    "init.sessions": "Jumlah sesi dalam templat.",
    "init.schema_ref": "Ke mana baris pertama mengarahkan editor untuk JSON Schema (bawaan: "
                       "asas-v1.schema.json di samping berkas kasus).",
    "init.force": "Timpa BERKAS bila sudah ada.",
    "interview": (
        "Tulis berkas kasus dengan menjawab pertanyaan seorang supervisor, mulai dari kasus "
        "lalu sesi demi sesi; kemudian berkas itu diperiksa. Jawaban dapat dialirkan, satu "
        "per baris. BERKAS ditanyakan di akhir bila tidak disebut; berkas yang sudah ada "
        "hanya ditimpa setelah Anda setuju."),
    "interview.lang": "Bahasa pertanyaan (bawaan: ASAS_LANG, lalu locale, lalu en).",
    "interview.append_session": "Tambahkan satu sesi (atau lebih) ke BERKAS yang sudah ada; "
                                "kasus dan sesi sebelumnya tetap.",
    "verbatim": "Baca, tandai, dan impor verbatim sesi (transkrip giliran demi giliran).",
    "verbatim tag": ("Setiap giliran dalam verbatim tiap sesi beserta kodenya dan petunjuk "
                     "yang menentukan tiap kode, serta apa yang ditunjukkan sesi itu (porsi "
                     "bicara, rasio, pembukaan, keputusan). BERKAS adalah berkas kasus, atau "
                     "verbatim saja (.txt, .csv, .docx, .xlsx, dibaca seperti oleh `verbatim "
                     "import`) untuk dilihat sebelum diimpor."),
    "verbatim tag.redact": "Jangan tampilkan teks dan petunjuk setiap giliran.",
    "verbatim tag.counselor": ("Kode atau nama konselor dalam verbatim saja (boleh diulang; "
                               "berkas kasus memakai case.verbatim_speakers-nya)."),
    "verbatim tag.client": ("Kode atau nama konseli dalam verbatim saja (boleh diulang; berkas "
                            "kasus memakai case.verbatim_speakers-nya)."),
    "verbatim import": ("Ambil verbatim dari SUMBER (teks biasa, atau tabel .csv, .docx, atau "
                        ".xlsx dengan kolom pembicara, dialog, dan teknik) lalu tulis ke sesi N "
                        "berkas kasus, tanpa mengubah bagian lain berkas itu. Verbatim yang "
                        "sudah ada tetap dipertahankan kecuali dengan --replace."),
    "verbatim import.case_file": "Berkas kasus tempat verbatim ditulis.",
    "verbatim import.number": "Nomor sesi.",
    "verbatim import.replace": "Ganti verbatim sesi itu bila sudah ada.",
    "verbatim import.lang": "Bahasa pesan (bawaan: ASAS_LANG, lalu locale, lalu en).",
    "interview.schema_ref": "Ke mana baris pertama berkas mengarahkan editor untuk JSON "
                            "Schema (bawaan: asas-v1.schema.json di samping berkas kasus).",
}

# click's own words (its gettext message IDs), in Indonesian
CLICK_ID: dict[str, str] = {
    "Usage:": "Cara pakai:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Positional arguments": "Argumen",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "Error: {message}": "Galat: {message}",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "No such option {name!r}.": "Tidak ada opsi {name!r}.",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "Missing argument": "Argumen belum diberikan",
    "Missing option": "Opsi belum diberikan",
    "Missing parameter": "Parameter belum diberikan",
    "Missing command.": "Perintah belum diberikan.",
    "Missing {param_type}": "{param_type} belum diberikan",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan sebuah nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Got unexpected extra argument ({args})": "Ada argumen lebih yang tidak diharapkan ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen lebih yang tidak diharapkan ({args})",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "default: {default}": "bawaan: {default}",
    "env var: {var}": "variabel lingkungan: {var}",
    "required": "wajib",
    "Aborted!": "Dibatalkan!",
    "file": "berkas",
    "directory": "folder",
    "path": "jalur",
    "integer": "bilangan bulat",
    "integer range": "rentang bilangan bulat",
    "text": "teks",
    "choice": "pilihan",
    "boolean": "ya/tidak",
}


# --- the interview's help and dates, and the case file's dates (helper iview) -----------
# Kept in a block of their own at the end, so that other edits of the tables above merge.

_IVIEW = {
    "kind.date_iso": ("a date written YYYY-MM-DD (--strict)",
                      "tanggal dengan bentuk TTTT-BB-HH (--strict)"),
    "load.date_hint": (" (write it as {value})", " (tulis {value})"),
    "load.date_weekday": ("{date} is a {actual}, not a {named}: check the date",
                          "{date} jatuh pada hari {actual}, bukan {named}: periksa "
                          "tanggalnya"),
    "load.date_impossible": ("'{value}' is not a date of the calendar: check the day and the "
                             "month",
                             "'{value}' bukan tanggal yang ada: periksa hari dan bulannya"),
    "interview.date_ambiguous": (
        "A date in numbers only can be read two ways (9/7 is 9 July or 7 September): "
        "write the month as a word, e.g. 7 September 2026, or as 2026-09-07.",
        "Tanggal yang hanya berupa angka dapat dibaca dua cara: tulis nama bulannya, "
        "misalnya 7 September 2026, atau 2026-09-07."),
    "interview.date_impossible": ("There is no such date; check the day and the month.",
                                  "Tanggal itu tidak ada; periksa hari dan bulannya."),
    "interview.date_weekday": ("{date} is a {actual}, not a {named}; check the date.",
                               "{date} jatuh pada hari {actual}, bukan {named}; periksa "
                               "tanggalnya."),
    "interview.date_read": ("→ {date}", "→ {date}"),
    "interview.help_answers_bool": ("Answer: yes or no; Enter = not recorded in your write-up.",
                                    "Jawab: ya atau tidak; Enter = tidak tercatat dalam "
                                    "laporan Anda."),
    "interview.help_answers_gate": ("Answer: yes or no.", "Jawab: ya atau tidak."),
    "interview.help_answers_choice": ("Answer: the number or the word of one choice; Enter = "
                                      "not recorded.",
                                      "Jawab: nomor atau kata salah satu pilihan; Enter = "
                                      "tidak tercatat."),
    "interview.help_answers_required": ("This one must be answered.",
                                        "Pertanyaan ini wajib dijawab."),
    "interview.help_answers_choices": ("Answer: the numbers or words of every choice that "
                                       "applies, separated by commas (e.g. 1, 3); \"none\" "
                                       "if none applies; Enter = not recorded.",
                                       "Jawab: nomor atau kata setiap pilihan yang sesuai, "
                                       "dipisah koma (mis. 1, 3); \"tidak ada\" bila tidak "
                                       "ada satu pun; Enter = tidak tercatat."),
    "interview.help_answers_choices_closed": ("Answer: the numbers or words of every choice "
                                              "that applies, separated by commas (e.g. 1, 3); "
                                              "Enter = none.",
                                              "Jawab: nomor atau kata setiap pilihan yang "
                                              "sesuai, dipisah koma (mis. 1, 3); Enter = "
                                              "tidak ada."),
    "interview.help_answers_texts": ("Answer yes, then write one item per line; an empty line "
                                     "ends the list. No: none.",
                                     "Jawab ya, lalu tulis satu butir per baris; baris kosong "
                                     "untuk selesai. Tidak: tidak ada."),
    "interview.help_answers_number": ("Answer: a number{range}; Enter = not recorded.",
                                      "Jawab: angka{range}; Enter = tidak tercatat."),
    "interview.help_answers_text": ("Answer in your own words; Enter = not recorded.",
                                    "Jawab dengan kata-kata Anda sendiri; Enter = tidak "
                                    "tercatat."),
    "interview.help_answers_date": ("Answer: the date as in your report (7 September 2026, "
                                    "2026-09-07); Enter = not recorded.",
                                    "Jawab: tanggal seperti dalam laporan Anda (7 September "
                                    "2026, 7-9-2026, 7/9/2026, 2026-09-07); Enter = tidak "
                                    "tercatat."),
    "interview.help_share_range": (" 0–1 (0.4 = 40%)", " 0–1 (0,4 = 40%)"),
    "interview.together_hint": ("[yes/no; Enter = ask each]",
                                "[ya/tidak; Enter = tanyakan satu per satu]"),
    "interview.together_none": ("→ none of them", "→ tidak satu pun"),
    "interview.same_as_hint": ("[yes/no, Enter = yes]", "[ya/tidak, Enter = ya]"),
    "interview.technique_elsewhere": (
        "A technique the list does not have (leading, focusing): leave it out here and name "
        "it in the session's notes.",
        "Teknik yang tidak ada dalam daftar (misalnya memimpin, fokus): lewati di sini dan "
        "sebutkan di catatan sesi."),
}

MESSAGES.update(_IVIEW)
