"""The example cases shipped inside the package (also after a non-editable install)."""

from __future__ import annotations

from pathlib import Path


def bundled_cases_dir() -> Path:
    # the repository root is the package `asas`, so cases/ sits beside engine/
    return Path(__file__).resolve().parents[2] / "cases"
