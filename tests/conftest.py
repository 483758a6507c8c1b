import sys
from pathlib import Path

# the helpers module sits beside the tests (tests/ is not a package)
sys.path.insert(0, str(Path(__file__).resolve().parent))


import pytest


@pytest.fixture(autouse=True)
def _cache_outside_the_checked_folders(tmp_path_factory, monkeypatch):
    """`asas check` keeps a result cache in the user's cache folder; in tests it goes to a fresh folder of its own, so that no test leaves a cache behind
    and no test reuses another's results (tests of the cache set their own)."""
    monkeypatch.setenv("ASAS_CACHE_DIR", str(tmp_path_factory.mktemp("asas-cache")))
