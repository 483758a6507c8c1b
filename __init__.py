"""asas: audits counseling case write-ups against the principles (asas) of counseling.

The repository root is this package: ``engine/`` is ``asas.engine``, ``rules/`` is
``asas.rules`` and ``cli.py`` is ``asas.cli``.  Keep this file free of imports so
that importing the package stays cheap.
"""

__version__ = "1.0.0"
FORMAT = "asas/v1"
