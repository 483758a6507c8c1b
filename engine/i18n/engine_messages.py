"""What the reasoning stage tells a person, in Indonesian and English.

One message today: the fast Rete network (engine/reason/fastrete.py) refused to run
and experta's own network is used instead.  Each reason is a code with parameters.
"""

from __future__ import annotations

REASONS = {
    "experta_version": ("experta {found} terpasang, padahal jaringan cepat ditulis untuk {expected}",
                        "experta {found} is installed, and the fast network was written for {expected}"),
    "experta_internal": ("experta tidak lagi punya {name}",
                         "experta no longer has {name}"),
    "node_type": ("jaringan experta memuat jenis simpul yang tidak dikenal: {name}",
                  "experta's network holds a node type it does not know: {name}"),
    "check_type": ("jaringan experta memuat jenis pemeriksaan yang tidak dikenal: {name}",
                   "experta's network holds a check it does not know: {name}"),
}

FALLBACK = ("asas: peringatan: jaringan Rete cepat tidak dipakai ({reason}); asas memakai "
            "jaringan experta sendiri: temuannya sama, hanya lebih lambat.",
            "asas: warning: the fast Rete network is not used ({reason}); asas uses "
            "experta's own network instead: the same findings, only slower.")


def fallback_text(code: str, params: dict) -> str:
    """The warning, Indonesian line first, then English."""
    reason = REASONS.get(code, (code, code))
    lines = [template.format(reason=reason[i].format(**params))
             for i, template in enumerate(FALLBACK)]
    return "\n".join(lines) + "\n"
