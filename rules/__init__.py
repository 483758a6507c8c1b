"""The knowledge base: one module per principle, the cross-principle chains, the five
functions and the documentation rules.  This registry is explicit: a module is part
of the knowledge base only when it is listed here.
"""

from . import kerahasiaan
from . import kesukarelaan
from . import keterbukaan
from . import kemandirian
from . import kekinian, kegiatan, kenormatifan, keahlian, chains, fungsi
from . import privasi

MODULES = (kerahasiaan, kesukarelaan, keterbukaan, kemandirian,
           kekinian, kegiatan, kenormatifan, keahlian, chains, fungsi, privasi,)

# experta collects @Rule methods from every class in the MRO, so the knowledge engine
# is these rule sets combined by multiple inheritance (see engine/runner.py).
RULESETS = (kerahasiaan.Kerahasiaan, kesukarelaan.Kesukarelaan, keterbukaan.Keterbukaan,
            kemandirian.Kemandirian,
            kekinian.Kekinian, kegiatan.Kegiatan, kenormatifan.Kenormatifan,
            keahlian.Keahlian, chains.Chains, fungsi.Fungsi, privasi.Privasi,)

CATALOG = {doc.id: doc for module in MODULES for doc in module.CATALOG}
