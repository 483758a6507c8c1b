"""The example cases shipped inside the package (also after a non-editable install)."""

from __future__ import annotations

from pathlib import Path


def bundled_cases_dir() -> Path:
    # the repository root is the package `asas`, so cases/ sits beside engine/
    return Path(__file__).resolve().parents[2] / "cases"


def bundled_cases(profile: str | None = None) -> list[str]:
    """The example cases of a profile (``check --examples``): ``cases/<profile>/`` when
    the profile has a folder of its own (bk12), else the files of ``cases/`` itself (the
    default profile's; the profiles' folders are left out)."""
    folder = bundled_cases_dir()
    if profile is not None:
        from asas.engine.judge.profile import lookup
        own = folder / lookup(profile).name
        if own.is_dir():
            return [str(own)]
    return [str(p) for p in sorted(folder.glob("*.yaml"))]
