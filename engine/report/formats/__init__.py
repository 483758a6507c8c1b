"""Report formatters, one module per ``--format``; each has ``render(results, lang, **opts)``.

Modules are imported only when their format is asked for, so that a plain check does
not pay for the HTML or SARIF code.
"""

import importlib

# format name -> module in this package
FORMATS = {
    "text": "text",
    "json": "json_",
    "concise": "concise",      # file:line:col: ID message
    "markdown": "markdown",
    "html": "html",            # self-contained page; redacted when it covers several cases
    "csv": "csv_",             # one row per finding (and per error of an invalid file)
    "junit": "junit",          # GitLab, Jenkins
    "sarif": "sarif",          # SARIF 2.1.0: code scanning
    "github": "github",        # GitHub Actions annotations
}


def renderer(name: str):
    return importlib.import_module(f"{__name__}.{FORMATS[name]}").render
