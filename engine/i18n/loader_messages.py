"""The loader's messages in Indonesian.

As with gettext, the English message is the message ID: each entry pairs an English
template (its variable parts as named groups) with the Indonesian one, and the parts
are carried over.  A message without an entry stays in English — never lost, only
untranslated; tests/test_translate.py keeps every message the test fixtures produce
covered.
"""

from __future__ import annotations

import re

# what "expected ..., found ..." names, in Indonesian
_WORDS = {
    "text": "teks", "a whole number": "bilangan bulat", "a number": "angka",
    "true or false": "true atau false", "a date (YYYY-MM-DD)": "tanggal (TTTT-BB-HH)",
    "one word": "satu kata", "a list": "daftar", "a mapping": "pemetaan",
    "a mapping of fields": "pemetaan isian", "nothing (null)": "kosong (null)",
}


def _word(text: str) -> str:
    return _WORDS.get(text, text)


_HINT = r"(?: \(did you mean '(?P<hint>[^']*)'\?\))?"

# (English pattern, Indonesian template); the first that matches the whole message wins
_ENTRIES = [
    (r"(?P<value>.+) is not one of (?P<choices>.+?)" + _HINT,
     "{value} bukan salah satu dari {choices}{hint}"),
    (r"unknown key (?P<key>.+); did you mean '(?P<name>[^']*)'\?",
     "kunci {key} tidak dikenal; maksud Anda '{name}'?"),
    (r"unknown key (?P<key>.+); allowed: (?P<names>.+)",
     "kunci {key} tidak dikenal; yang diizinkan: {names}"),
    (r"duplicate key (?P<key>.+) \(first at line (?P<line>\d+)\)",
     "kunci {key} ditulis dua kali (pertama di baris {line})"),
    (r"missing required key '(?P<key>[^']*)'", "kunci wajib '{key}' tidak ada"),
    (r"'(?P<key>[^']*)' is required but empty", "'{key}' wajib diisi, tetapi kosong"),
    (r"expected (?P<what>.+?), found (?P<found>.+?)(?P<none> \(write \[\] for none\))?",
     "seharusnya {what}, ditemukan {found}{none}"),
    (r"(?P<value>.+) is out of range (?P<range>.+)", "{value} di luar rentang {range}"),
    (r"needs at least (?P<n>\d+) item\(s\)", "perlu sedikitnya {n} butir"),
    (r"session number (?P<n>\d+) out of order; expected (?P<m>\d+) "
     r"\(numbered 1, 2, 3 \.\.\. in order, without gaps\)",
     "nomor sesi {n} tidak berurutan; seharusnya {m} (bernomor 1, 2, 3 ... berurutan, "
     "tanpa loncatan)"),
    (r"session (?P<n>\d+) does not exist; the file has (?P<m>\d+) session\(s\)",
     "sesi {n} tidak ada; berkas ini memuat {m} sesi"),
    (r"tag (?P<tag>.+) is not allowed: only plain YAML values \(text, numbers, true/false, "
     r"dates\)",
     "tag {tag} tidak diizinkan: hanya nilai YAML biasa (teks, angka, true/false, tanggal)"),
    (r"a key must be a plain name, found (?P<found>.+)",
     "kunci harus berupa nama biasa, ditemukan {found}"),
    (r"merge keys \('<<'\) are not supported; (?P<rest>.+)",
     "kunci gabungan ('<<') tidak didukung; tulis isiannya satu per satu"),
    # the verbatim (engine/verbatim/parse.py)
    (r"a verbatim must be a literal block: write 'verbatim: \|' and the turns on the lines "
     r"below it, indented",
     "verbatim harus berupa blok literal: tulis 'verbatim: |' lalu giliran bicara di baris-baris "
     "di bawahnya, menjorok"),
    (r"this line has no speaker code \(such as 'Ko:' or 'Ki:'\) and no turn above it to "
     r"continue",
     "baris ini tidak diawali kode pembicara (misalnya 'Ko:' atau 'Ki:') dan tidak ada giliran "
     "di atasnya yang dilanjutkan"),
    (r"turn (?P<n>\d+) \((?P<code>.+)\) is empty; write what was said, or a note such as "
     r"'\(diam\)'",
     "giliran {n} ({code}) kosong; tuliskan apa yang diucapkan, atau catatan seperti '(diam)'"),
    (r"label (?P<label>.+) is not a technique(?:; did you mean '(?P<sug>[^']*)'\?)?",
     "label {label} bukan nama teknik{sug}"),
    (r"speaker (?P<code>.+) is not in the case's verbatim_speakers map(?:; did you mean "
     r"'(?P<sug>[^']*)'\?)?",
     "pembicara {code} tidak ada dalam peta case.verbatim_speakers{sug}"),
    (r"the verbatim has no (?P<who>counselor|client) turn; check the speaker codes "
     r"\(case.verbatim_speakers\)",
     "verbatim tidak memuat giliran {who}; periksa kode pembicara (case.verbatim_speakers)"),
    (r"the verbatim is empty", "verbatim kosong"),
    (r"not valid YAML: (?P<what>.+)", "bukan YAML yang valid: {what}"),
    (r"the file is empty; a case file starts with 'format: asas/v1'",
     "berkas kosong; berkas kasus diawali 'format: asas/v1'"),
    (r"the file holds no YAML document; a case file starts with 'format: asas/v1'",
     "berkas tidak memuat dokumen YAML; berkas kasus diawali 'format: asas/v1'"),
    (r"missing 'format: asas/v1' \(the first line of a case file\)",
     "tidak ada 'format: asas/v1' (baris pertama berkas kasus)"),
    (r"format (?P<value>.+) is not supported; this tool reads (?P<format>\S+)",
     "format {value} tidak didukung; alat ini membaca {format}"),
    (r"a case file is a mapping of fields, found (?P<found>.+)",
     "berkas kasus berupa pemetaan isian, ditemukan {found}"),
    (r"more than one YAML document \('---'\); put one case in each file",
     "lebih dari satu dokumen YAML ('---'); tulis satu kasus di setiap berkas"),
    (r"file is (?P<n>[\d,]+) bytes, over the limit of (?P<m>[\d,]+); raise it with --max-bytes",
     "berkas berukuran {n} bita, melebihi batas {m}; naikkan dengan --max-bytes"),
    (r"more than (?P<n>[\d,]+) YAML nodes(?P<alias> once aliases are expanded \(an alias "
     r"bomb\?\))?; raise the limit with --max-nodes",
     "lebih dari {n} simpul YAML{alias}; naikkan batasnya dengan --max-nodes"),
    (r"nested deeper than (?P<n>\d+) levels; raise the limit with --max-depth",
     "bersarang lebih dari {n} tingkat; naikkan batasnya dengan --max-depth"),
    (r"(?P<n>[\d,]+) sessions is more than the limit of (?P<m>[\d,]+); raise it with "
     r"--max-sessions",
     "{n} sesi melebihi batas {m}; naikkan dengan --max-sessions"),
    (r"the file is (?P<enc>UTF-16|UTF-32) text; save it as UTF-8",
     "berkas berupa teks {enc}; simpan sebagai UTF-8"),
    (r"the file looks like UTF-16 text \(no byte-order mark\); save it as UTF-8",
     "berkas tampaknya teks UTF-16 (tanpa penanda urutan bita); simpan sebagai UTF-8"),
    (r"not UTF-8 text \(byte (?P<byte>0x[0-9a-f]{2}) on line (?P<line>\d+)\); the file may be "
     r"Latin-1 or Windows-1252: save it as UTF-8",
     "bukan teks UTF-8 (bita {byte} di baris {line}); berkas mungkin Latin-1 atau "
     "Windows-1252: simpan sebagai UTF-8"),
    (r"the file holds NUL bytes \(line (?P<line>\d+)\): (?P<rest>.+)",
     "berkas memuat bita NUL (baris {line}): berkas biner, bukan berkas kasus"),
    (r"contains the control character (?P<char>U\+[0-9A-F]{4}); a write-up is plain text: "
     r"remove it",
     "memuat karakter kendali {char}; laporan berupa teks biasa: hapus karakter itu"),
    (r"alias \*(?P<name>.+) has no anchor &(?P=name) before it",
     "alias *{name} tidak memiliki jangkar &{name} sebelumnya"),
    (r"alias \*(?P<name>.+) repeats a node that contains it \(a structure without end\)",
     "alias *{name} mengulang simpul yang memuat dirinya (struktur tanpa akhir)"),
    (r"anchor &(?P<name>.+) is defined twice", "jangkar &{name} didefinisikan dua kali"),
    (r"is a directory, not a case file", "adalah folder, bukan berkas kasus"),
    (r"the file changed while it was being read; (?P<rest>.+)",
     "berkas berubah ketika sedang dibaca; periksa lagi setelah selesai disimpan"),
    (r"cannot read: (?P<why>.+)", "tidak dapat dibaca: {why}"),
    # the rule engine's budget per case (engine/reason/runner.py)
    (r"(?P<n>[\d,]+) sessions, disclosures and norm conflicts is more than the (?P<m>[\d,]+) "
     r"one case may ask of the rule engine; split the case into several files",
     "{n} sesi, pengungkapan, dan konflik norma melebihi {m} yang boleh diminta satu kasus "
     "dari mesin aturan; pecah kasus menjadi beberapa berkas"),
    (r"the rules would fire more than (?P<m>[\d,]+) times for this case, the most one case "
     r"may ask of the engine; split the case into several files",
     "aturan akan dijalankan lebih dari {m} kali untuk kasus ini, batas yang boleh diminta "
     "satu kasus dari mesin; pecah kasus menjadi beberapa berkas"),
]
_COMPILED = [(re.compile(pattern, re.DOTALL), template) for pattern, template in _ENTRIES]


def indonesian(message: str) -> str:
    """The Indonesian form of one of the loader's messages (English when unknown)."""
    for pattern, template in _COMPILED:
        match = pattern.fullmatch(message)
        if match:
            parts = {k: v or "" for k, v in match.groupdict().items()}
            for key in ("what", "found"):
                if key in parts:
                    parts[key] = _word(parts[key])
            if parts.get("hint"):
                parts["hint"] = f" (maksud Anda '{parts['hint']}'?)"
            if parts.get("none"):
                parts["none"] = " (tulis [] bila tidak ada)"
            if parts.get("sug"):
                parts["sug"] = f"; maksud Anda '{parts['sug']}'?"
            if parts.get("who"):
                parts["who"] = {"counselor": "konselor", "client": "konseli"}[parts["who"]]
            if parts.get("alias"):
                parts["alias"] = " setelah alias dijabarkan (bom alias?)"
            return template.format(**parts)
    return message


def error_text(message: str, lang: str) -> str:
    return indonesian(message) if lang == "id" else message
