"""The knowledge base: one module per principle (in the report's order), the five
functions, and the privacy of the write-up.  Each principle's module holds its whole
knowledge: its rules, each with its catalogue entry on it (rules/_registry.py), its
documentation (DOC) rules, and the chains that end in it.

The modules register themselves when imported; importing them all here is what makes
them part of the knowledge base, and the registry puts them in its ORDER.
"""

# registration happens on import, so each module is imported for its side effect
from asas.rules import (  # noqa: F401
    catatan,
    fungsi,
    keahlian,
    kegiatan,
    kekinian,
    kemandirian,
    kenormatifan,
    kerahasiaan,
    kesukarelaan,
    keterbukaan,
    privasi,
    verbatim,
)
from asas.rules._registry import REGISTRY

# What a finding says, in Indonesian and English, and how sure it is: by ID, in the
# knowledge base's order (and, within a module, the order of its rules).
CATALOG = REGISTRY.catalog()

# experta collects @Rule methods from every class in the MRO, so the knowledge engine
# is these rule sets combined by multiple inheritance (see engine/reason/runner.py).
RULESETS = REGISTRY.rulesets()

MODULES = REGISTRY.module_names()
