import sys
import threading
from pathlib import Path

# the helpers module sits beside the tests (tests/ is not a package)
sys.path.insert(0, str(Path(__file__).resolve().parent))


import pytest


@pytest.fixture(autouse=True)
def _cache_outside_the_checked_folders(tmp_path_factory, monkeypatch):
    """`asas check` keeps a result cache in the user's cache folder; in tests it goes to a fresh folder of its own, so that no test leaves a cache behind
    and no test reuses another's results (tests of the cache set their own)."""
    monkeypatch.setenv("ASAS_CACHE_DIR", str(tmp_path_factory.mktemp("asas-cache")))


@pytest.fixture(autouse=True)
def _not_under_ci(monkeypatch):
    """The suite passes the same on a laptop and in CI: under GitHub Actions `asas check`
    would default to --format github and write a step summary, and FORCE_COLOR would
    colour what the tests read (tests of those set the variables themselves)."""
    for var in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "ASAS_FORMAT", "FORCE_COLOR",
                "CLICOLOR_FORCE"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(autouse=True)
def _no_thread_left_running():
    """A thread a test leaves running is still there when a later test's batch forks its
    workers: a fork of a multi-threaded process, which Python 3.12+ warns of."""
    before = set(threading.enumerate())
    yield
    left = [t for t in threading.enumerate() if t not in before]
    assert not left, f"the test left threads running: {left}"
