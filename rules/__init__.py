"""The knowledge base: one module per principle (in the report's order), the
cross-principle chains, the five functions, and the privacy of the write-up.  Each
principle's module also holds its documentation (DOC) rules.  This registry is
explicit: a module is part of the knowledge base only when it is listed here.
"""

from asas.rules import (chains, fungsi, keahlian, kegiatan, kekinian, kemandirian, kenormatifan,
               kerahasiaan, kesukarelaan, keterbukaan, privasi, verbatim)

MODULES = (kerahasiaan, kesukarelaan, keterbukaan, kekinian, kegiatan, kenormatifan,
           keahlian, kemandirian, chains, fungsi, privasi, verbatim)

# experta collects @Rule methods from every class in the MRO, so the knowledge engine
# is these rule sets combined by multiple inheritance (see engine/runner.py).
RULESETS = (kerahasiaan.Kerahasiaan, kesukarelaan.Kesukarelaan, keterbukaan.Keterbukaan,
            kekinian.Kekinian, kegiatan.Kegiatan, kenormatifan.Kenormatifan,
            keahlian.Keahlian, kemandirian.Kemandirian, chains.Chains, fungsi.Fungsi,
            privasi.Privasi, verbatim.Verbatim)

CATALOG = {doc.id: doc for module in MODULES for doc in module.CATALOG}
