"""The cache's entry encoder checks for no cycles (engine/run/cache.py ``_ENTRY``): it
writes the same text as the encoder that did, and a value it cannot write is still
only "not cached"."""

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from asas.engine.run.batch import check_paths
from asas.engine.run.cache import _ENTRY, Cache
from asas.engine.run.codec import to_data

CASES = Path(__file__).resolve().parents[1] / "cases"
CHECKED = json.JSONEncoder(ensure_ascii=False, allow_nan=False,
                           separators=(",", ":")).encode     # the encoder it replaces


def test_entries_of_the_bundled_cases_are_written_as_before():
    results = check_paths([str(CASES)])
    assert results
    for r in results:
        data = to_data(r)
        assert _ENTRY(data) == CHECKED(data)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False,
                                                          allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30)


@given(_json)
def test_any_json_value_is_written_as_before(value):
    assert _ENTRY(value) == CHECKED(value)


def test_a_cycle_is_not_cached(tmp_path):
    cache = Cache(tmp_path / "c", "x" * 64)
    looped: list = []
    looped.append(looped)
    cache.put("k", {"findings": looped})        # no exception: only a cache
    assert "k" not in cache._pending
