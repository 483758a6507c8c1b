"""Report formatters, one module per ``--format``; each has ``render(results, lang, **opts)``.

Modules are imported only when their format is asked for, so that a plain check does
not pay for the HTML or SARIF code.
"""

import importlib

# format name -> module in this package
FORMATS = {
    "text": "text",
    "json": "json_",
}


def renderer(name: str):
    return importlib.import_module(f"{__name__}.{FORMATS[name]}").render
