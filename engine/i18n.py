"""The words of the interface, in English and Indonesian (the rule texts live with the rules)."""

from __future__ import annotations

import os

WORDS = {
    "violation": ("violation", "pelanggaran"),
    "risk": ("risk", "risiko"),
    "advice": ("advice", "saran"),
    "upheld": ("upheld", "ditegakkan"),
    "at_risk": ("at risk", "berisiko"),
    "violated": ("violated", "dilanggar"),
    "not_assessed": ("not assessed", "tidak dapat dinilai"),
    "session": ("session", "sesi"),
    "case": ("case", "kasus"),
    "line": ("line", "baris"),
    "certainty": ("certainty", "kepastian"),
    "derived_from": ("follows from", "berasal dari"),
    "evidence": ("evidence", "bukti"),
    "recommendation": ("next time", "lain kali"),
    "functions": ("functions", "fungsi"),
    "invalid": ("invalid case file", "berkas kasus tidak valid"),
    "invalid_count": ("invalid", "tidak valid"),
    "summary": ("Summary", "Ringkasan"),
    "files": ("files", "berkas"),
    "valid": ("valid", "valid"),
    "findings": ("findings", "temuan"),
    "no_findings": ("no findings", "tidak ada temuan"),
    "weakest": ("most often failing", "paling sering bermasalah"),
    "pemahaman": ("understanding", "pemahaman"),
    "pengentasan": ("alleviation", "pengentasan"),
    "pengembangan_pemeliharaan": ("development and maintenance", "pengembangan dan pemeliharaan"),
    "pencegahan": ("prevention", "pencegahan"),
    "advokasi": ("advocacy", "advokasi"),
    "served": ("served", "terlayani"),
    "not_served": ("not served", "tidak terlayani"),
    "not_documented": ("not documented / not applicable", "tidak dicatat / tidak berlaku"),
    "not_documented_value": ("not documented", "tidak dicatat"),
}


def word(key: str, lang: str) -> str:
    pair = WORDS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "id" else pair[0]


def default_lang(environ=os.environ) -> str:
    """Indonesian when the locale says so (id_ID.UTF-8, in), else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(var, "")
        if value:
            return "id" if value.split(":")[0].lower().startswith(("id", "in_")) else "en"
    return "en"
