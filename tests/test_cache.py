"""The result cache (issue 6): reused only when nothing it depends on changed; JSON,
never trusted blindly, written atomically, local only, and the same report with or
without it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.load.discover import case_paths
from asas.engine.load.types import Limits
from asas.engine.run import cache as cache_mod
from asas.engine.run.batch import Batch
from asas.engine.run.cache import Cache, clear, config_key
from asas.engine.run.codec import DATA_VERSION

from helpers import generator

gen = generator()


@pytest.fixture()
def cases(tmp_path):
    folder = tmp_path / "cases"
    gen.write_cases(folder, 12, seed=42)
    return folder


def run(*args):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def check_json(folder, cache_dir, *extra):
    result = run("check", "--format", "json", "--cache-dir", str(cache_dir), *extra, str(folder))
    assert result.exit_code in (0, 1), result.output
    return result.output


def entries(cache_dir) -> list[Path]:
    return sorted(Path(cache_dir).rglob("*.json"))


def stored(entry: Path) -> dict:
    """The result an entry file holds for its own name (its pack may hold others')."""
    return json.loads(entry.read_text(encoding="utf-8"))["entries"][entry.stem]


def batch(folder, cache_dir, select=None, ignore=None, jobs=1):
    limits = Limits()
    cache = Cache(cache_dir, config_key(select, ignore, limits))
    b = Batch(case_paths([str(folder)]), select, ignore, limits, jobs=jobs, cache=cache)
    return list(b), cache


@pytest.mark.slow
def test_same_report_with_and_without_the_cache(cases, tmp_path):
    store = tmp_path / "store"
    cold = check_json(cases, store)
    assert len(entries(store)) == 12
    warm = check_json(cases, store)
    plain = check_json(cases, tmp_path / "unused", "--no-cache")
    assert cold == warm == plain
    assert not (tmp_path / "unused").exists(), "--no-cache writes nothing"
    for lang in ("id", "en"):   # stored results are language-independent
        for fmt in ("text", "json", "sarif", "csv"):
            args = ("check", "--format", fmt, "--lang", lang, str(cases))
            with_cache = run(*args, "--cache-dir", str(store)).output
            without = run(*args, "--no-cache").output
            assert with_cache == without, (fmt, lang)


def test_unchanged_files_come_from_the_cache(cases, tmp_path):
    store = tmp_path / "store"
    first, c1 = batch(cases, store)
    assert c1.hits == 0
    again, c2 = batch(cases, store)
    assert c2.hits == 12
    assert [r.file for r in again] == [r.file for r in first]


def test_changed_content_is_checked_again(cases, tmp_path):
    store = tmp_path / "store"
    batch(cases, store)
    target = sorted(cases.glob("*.yaml"))[3]
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("format: asas/v1", "format: asas/v1\n# edited"),
                      encoding="utf-8")
    results, c = batch(cases, store)
    assert c.hits == 11
    broken = sorted(cases.glob("*.yaml"))[5]
    broken.write_text(broken.read_text(encoding="utf-8").replace("willingness:", "wilingness:"),
                      encoding="utf-8")
    results, c = batch(cases, store)
    assert c.hits == 11
    assert not results[5].valid and "wilingness" in results[5].errors[0].message


def test_selection_and_limits_are_part_of_the_key(cases, tmp_path):
    store = tmp_path / "store"
    all_rules, _ = batch(cases, store)
    only_krh, c = batch(cases, store, select=["KRH"])
    assert c.hits == 0, "a different --select is not served from the cache"
    assert all(f.id.startswith("KRH") for r in only_krh for f in r.findings)
    assert any(not f.id.startswith("KRH") for r in all_rules for f in r.findings)
    _, c = batch(cases, store, select=["KRH"])
    assert c.hits == 12
    _, c = batch(cases, store, ignore=["KRH"])
    assert c.hits == 0
    assert config_key(None, None, Limits()) != config_key(None, None, Limits(max_sessions=9))


def test_tool_version_and_knowledge_base_are_part_of_the_key(monkeypatch):
    base = config_key(None, None, Limits())
    monkeypatch.setattr(cache_mod, "__version__", "9.9.9")
    assert config_key(None, None, Limits()) != base
    monkeypatch.undo()
    monkeypatch.setattr(cache_mod, "knowledge_hash", lambda: "another knowledge base")
    assert config_key(None, None, Limits()) != base


def test_knowledge_hash_follows_the_rules_source(tmp_path, monkeypatch):
    fake = tmp_path / "asas"
    (fake / "rules").mkdir(parents=True)
    (fake / "engine").mkdir()
    (fake / "rules" / "r.py").write_text("A = 1\n")
    monkeypatch.setattr(cache_mod, "_ROOT", fake)
    before = cache_mod.knowledge_hash()
    (fake / "rules" / "r.py").write_text("A = 2\n")
    assert cache_mod.knowledge_hash() != before


def test_knowledge_hash_follows_the_cue_lexicon(tmp_path, monkeypatch):
    """The verbatim tagger's lexicon is data, not code, but it decides the VBT findings:
    a cached verdict made with an older lexicon is not reused."""
    fake = tmp_path / "asas"
    (fake / "rules" / "lexicon").mkdir(parents=True)
    (fake / "engine").mkdir()
    (fake / "rules" / "lexicon" / "cues.yaml").write_text("cues: []\n")
    monkeypatch.setattr(cache_mod, "_ROOT", fake)
    before = cache_mod.knowledge_hash()
    (fake / "rules" / "lexicon" / "cues.yaml").write_text("cues: [{code: pressure}]\n")
    assert cache_mod.knowledge_hash() != before


@pytest.mark.parametrize("garbage", [
    b"\x80\x81 not json",
    b'{"key": "x"}',
    b"[]",
    b'{"config": "CONFIG", "entries": {"KEY": {"v": 1, "case_id": 5}}}',
    b'{"config": "CONFIG", "entries": {"KEY": {"v": 99}}}',
    b'{"config": "CONFIG", "entries": {"KEY": []}}',
    b'{"config": "CONFIG", "entries": [["KEY", {}]]}',
    b'{"config": "CONFIG", "entries": {"OTHER": {}}}',
    b'{"config": "another", "entries": {"KEY": {}}}',
    b'{"config": "CONFIG", "entries": {"KEY": {}}',          # cut short
])
def test_a_corrupt_or_foreign_entry_is_ignored_and_rewritten(cases, tmp_path, garbage):
    store = tmp_path / "store"
    reference = check_json(cases, store)
    victim = entries(store)[0]
    key = victim.stem
    config = json.loads(victim.read_text(encoding="utf-8"))["config"]
    # written through the name: the pack it shares with other entries is changed for all
    victim.write_bytes(garbage.replace(b"KEY", key.encode()).replace(b"CONFIG", config.encode()))
    assert check_json(cases, store) == reference
    assert stored(victim)["v"] == DATA_VERSION


def test_a_forged_result_naming_an_unknown_rule_is_not_trusted(cases, tmp_path):
    store = tmp_path / "store"
    reference = check_json(cases, store)
    for victim in entries(store):
        pack = json.loads(victim.read_text(encoding="utf-8"))
        pack["entries"][victim.stem]["findings"].append(
            ["XYZ999", None, 1.0, [], [], {}, [], 1, 1])
        victim.write_text(json.dumps(pack), encoding="utf-8")
    assert check_json(cases, store) == reference


def test_entries_are_json_written_atomically(cases, tmp_path):
    store = tmp_path / "store"
    check_json(cases, store)
    for path in entries(store):
        pack = json.loads(path.read_text(encoding="utf-8"))
        assert set(pack) == {"config", "entries"} and path.stem in pack["entries"]
    leftovers = [p for p in store.rglob("*") if p.name.startswith((".tmp-", ".asas-"))]
    assert not leftovers


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_unreadable_files_are_not_cached(tmp_path):
    store = tmp_path / "store"
    folder = tmp_path / "cases"
    folder.mkdir()
    gen.write_cases(folder, 1, seed=1)
    os.mkfifo(folder / "pipe.yaml")
    for _ in range(2):
        result = run("check", "--format", "json", "--cache-dir", str(store), str(folder),
                     str(tmp_path / "missing.yaml"))
        assert result.exit_code == 2
        report = json.loads(result.output)
        assert [c["valid"] for c in report["cases"]] == [True, False, False]
        assert len(entries(store)) == 1, "only the readable file has an entry"


def test_the_folder_says_what_it_is(cases, tmp_path):
    store = tmp_path / "store"
    check_json(cases, store)
    assert (store / "CACHEDIR.TAG").read_text().startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")
    assert "local" in (store / "README.txt").read_text()
    assert (store / ".gitignore").read_text().splitlines()[-1] == "*"


def test_default_folder_and_environment(cases, tmp_path, monkeypatch):
    monkeypatch.delenv("ASAS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.chdir(tmp_path)
    assert run("check", "--format", "json", str(cases)).exit_code in (0, 1)
    default = tmp_path / "user-cache" / "asas"
    assert (default / "CACHEDIR.TAG").exists()
    assert default.stat().st_mode & 0o777 == 0o700          # the user's alone
    assert {p.name for p in tmp_path.iterdir()} == {"cases", "user-cache"}  # none beside them
    monkeypatch.setenv("ASAS_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert run("check", "--format", "json", str(cases)).exit_code in (0, 1)
    assert (tmp_path / "elsewhere" / "CACHEDIR.TAG").exists()
    assert run("cache", "dir").output.strip() == str(tmp_path / "elsewhere")


def test_cache_clear(cases, tmp_path):
    store = tmp_path / "store"
    check_json(cases, store)
    result = run("cache", "clear", "--cache-dir", str(store))
    assert result.exit_code == 0
    assert not store.exists()
    assert run("cache", "clear", "--cache-dir", str(store)).exit_code == 0


def test_cache_clear_touches_only_an_asas_cache(tmp_path):
    precious = tmp_path / "home"
    precious.mkdir()
    (precious / "thesis.yaml").write_text("keep me")
    (precious / "v1").mkdir()
    result = run("cache", "clear", "--cache-dir", str(precious))
    assert result.exit_code == 2
    assert (precious / "thesis.yaml").exists() and (precious / "v1").exists()
    assert clear(precious)[0] is False


def test_an_unwritable_cache_does_not_stop_the_check(cases, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    result = run("check", "--format", "json", "--cache-dir", str(blocker / "sub"), str(cases))
    assert result.exit_code in (0, 1)
    assert json.loads(result.output)["summary"]["files"] == 12


def test_checked_and_trusted_rebuilds_agree(cases):
    from asas.engine.run.batch import check_paths
    from asas.engine.run.codec import from_data, from_trusted, to_data
    from asas.rules import CATALOG
    for r in check_paths([str(cases)]):
        data = json.loads(json.dumps(to_data(r)))
        assert from_data(data, r.file, CATALOG) == from_trusted(data, r.file, CATALOG)
        again = from_data(data, r.file, CATALOG)
        assert (again.findings, again.principles, again.meta) == (r.findings, r.principles,
                                                                  r.meta)


def _knowledge_hash_by_rglob(root) -> str:
    """knowledge_hash as it was first written (pathlib's rglob), for the test below; the
    rules' *.yaml (the cue lexicon) count since a lexicon change must reach the verdict."""
    import hashlib

    from asas import __version__
    h = hashlib.sha256(__version__.encode())
    files = sorted([*(root / "rules").rglob("*.py"), *(root / "rules").rglob("*.yaml")]) + sorted(
        path for path in (root / "engine").rglob("*.py")
        if path.relative_to(root / "engine").parts[0] not in ("report", "authoring"))
    for path in files:
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def test_knowledge_hash_is_the_hash_of_the_sorted_sources(tmp_path, monkeypatch):
    """The walk over the folders hashes the same files in the same order as sorted
    rglob did: the real package, and a tree whose names sort across folders."""
    assert cache_mod.knowledge_hash() == _knowledge_hash_by_rglob(cache_mod._ROOT)
    fake = tmp_path / "asas"
    for name in ("rules/a.py", "rules/a/b.py", "rules/a_.py", "rules/A.py", "rules/x.txt",
                 "rules/a/c.yaml", "rules/lexicon/cues.yaml", "rules/lexicon/cues.index.json",
                 "engine/report/r.py", "engine/reason/report/r.py", "engine/z.py",
                 "engine/authoring.py", "engine/m/__init__.py", "engine/m.py"):
        (fake / name).parent.mkdir(parents=True, exist_ok=True)
        (fake / name).write_text(name)
    monkeypatch.setattr(cache_mod, "_ROOT", fake)
    assert cache_mod.knowledge_hash() == _knowledge_hash_by_rglob(fake)


# -- packs: the entries of files checked together share one file, under each name ------

def _inodes(store) -> dict:
    found: dict = {}
    for path in entries(store):
        found.setdefault(path.stat().st_ino, []).append(path.stem)
    return found


def test_a_batch_writes_its_entries_as_packs_and_reads_them_back(cases, tmp_path):
    store = tmp_path / "store"
    results, cache = batch(cases, store)            # one process: packs of PACK
    packs = _inodes(store)
    assert sorted(len(names) for names in packs.values()) == [4, 8]
    for names in packs.values():
        pack = json.loads((cache.base / f"{names[0]}.json").read_text(encoding="utf-8"))
        assert sorted(pack["entries"]) == sorted(names) and pack["config"] == cache.config
    again, cache = batch(cases, store)
    assert cache.hits == 12 and [r.file for r in again] == [r.file for r in results]
    assert check_json(cases, store) == check_json(cases, tmp_path / "other")


def test_a_pack_is_read_once_for_its_entries(cases, tmp_path, monkeypatch):
    store = tmp_path / "store"
    batch(cases, store)
    reads = []
    real = cache_mod.json.loads
    monkeypatch.setattr(cache_mod.json, "loads", lambda raw: reads.append(1) or real(raw))
    _, cache = batch(cases, store)
    assert cache.hits == 12 and len(reads) == 2


def test_the_same_entry_twice_is_handed_out_twice(cases, tmp_path):
    store = tmp_path / "store"
    results, cache = batch(cases, store)
    key = entries(store)[0].stem
    first, second = cache.get(key), cache.get(key)
    assert first == second and first is not second


def test_without_hard_links_each_entry_is_a_copy(cases, tmp_path, monkeypatch):
    from asas.engine.run import atomic

    def no_links(*args, **kwargs):
        raise OSError(1, "Operation not permitted")
    monkeypatch.setattr(atomic.os, "link", no_links)
    store = tmp_path / "store"
    batch(cases, store)
    assert sorted(len(names) for names in _inodes(store).values()) == [1] * 12
    for path in entries(store):
        assert list(json.loads(path.read_text(encoding="utf-8"))["entries"]) == [path.stem]
    assert not [p for p in store.rglob(".asas-*")]
    monkeypatch.undo()
    _, cache = batch(cases, store)
    assert cache.hits == 12


def test_an_entry_written_again_replaces_its_name_only(cases, tmp_path):
    store = tmp_path / "store"
    _, cache = batch(cases, store)
    names = next(n for n in _inodes(store).values() if len(n) == 8)
    cache.put(names[0], {"v": "new"})                # pack_size 1 again: written at once
    assert stored(cache.base / f"{names[0]}.json") == {"v": "new"}
    assert stored(cache.base / f"{names[1]}.json")["v"] == DATA_VERSION
    assert not [p for p in store.rglob(".asas-*")]


def test_prune_counts_a_pack_once_and_removes_it_whole(cases, tmp_path):
    import time
    store = tmp_path / "store"
    _, cache = batch(cases, store)
    packs = sorted(_inodes(store).values(), key=len)       # 4 names, then 8
    size = {len(n): (cache.base / f"{n[0]}.json").stat().st_size for n in packs}
    old = time.time() - 3600
    for name in packs[0]:
        os.utime(cache.base / f"{name}.json", (old, old))
    done, message, counts = cache_mod.prune(store, max_bytes=size[8] + size[4] - 1)
    assert done and counts == {"removed": 4, "kept": 8, "bytes": size[8]}, message
    assert sorted(len(n) for n in _inodes(store).values()) == [8]
