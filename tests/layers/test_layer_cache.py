"""The layer cache (kb.layers.cache): a layer is computed once per text and read back by a later
Document of the same text, in this process or another; a change of the text, of what the layer
depends on or of kb's code misses; a damaged or foreign entry is a miss, never an error or code
run; concurrent writers leave whole entries only."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED
from kb.layers import cache, links, obligations
from kb.layers.actors import Actor, load_registry
from kb.text.parse import parse_file, parse_text


@pytest.fixture()
def store(tmp_path, monkeypatch):
    """A fresh cache folder and an empty memory."""
    monkeypatch.setenv("KB_LAYER_CACHE", str(tmp_path / "layers"))
    cache.clear_memory()
    yield tmp_path / "layers"
    cache.clear_memory()


def entries(store: Path, name: str | None = None) -> list[Path]:
    return sorted(p for p in store.rglob("*" + cache.SUFFIX) if name is None or p.parts[-3] == name)


def counting(monkeypatch):
    """Count the obligation extractor's runs."""
    from kb.layers.obligations import layer

    runs = []
    real = layer._Extractor

    class Counted(real):
        def run(self):
            runs.append(1)
            return super().run()
    monkeypatch.setattr(layer, "_Extractor", Counted)
    return runs


def test_second_document_of_the_same_text_reads_the_disk(store, monkeypatch):
    runs = counting(monkeypatch)
    reg = load_registry(ROOT)
    first = obligations.extract(parse_file(str(SEED)), reg)
    assert runs == [1] and len(entries(store, "obligations")) == 1
    cache.clear_memory()                       # as in a new process
    again = obligations.extract(parse_file(str(SEED)), reg)
    assert runs == [1], "the second reading must come from the disk"
    assert [s.to_dict() for s in again] == [s.to_dict() for s in first]
    assert [s.citation for s in again] == [s.citation for s in first]


def test_the_links_layer_too(store):
    doc = parse_file(str(SEED))
    defs, uses, refs = links.definitions(doc), links.term_uses(doc), links.references(doc)
    assert {p.parts[-3] for p in entries(store)} == {"links.defs", "links.uses", "links.refs"}
    cache.clear_memory()
    doc2 = parse_file(str(SEED))
    before = dict(cache.stats)
    assert [d.to_dict() for d in links.definitions(doc2)] == [d.to_dict() for d in defs]
    assert [u.to_dict() for u in links.term_uses(doc2)] == [u.to_dict() for u in uses]
    assert [r.to_dict() for r in links.references(doc2)] == [r.to_dict() for r in refs]
    assert cache.stats["disk_hits"] - before["disk_hits"] == 3


def test_a_changed_text_registry_or_code_misses(store, monkeypatch):
    runs = counting(monkeypatch)
    text = "第一条 居民委员会应当协助街道办事处开展工作。\n第二条 街道办事处可以指导居民委员会。\n"
    reg = load_registry(ROOT)
    obligations.extract(parse_text(text), reg)
    obligations.extract(parse_text(text), reg)
    assert len(runs) == 1
    obligations.extract(parse_text(text.replace("可以", "应当")), reg)       # another text
    assert len(runs) == 2
    other = load_registry(ROOT)
    other = pickle.loads(pickle.dumps(other))
    other.add(Actor("社区服务站", kind="social"))                               # another registry
    assert other.fingerprint() != reg.fingerprint()
    obligations.extract(parse_text(text), other)
    assert len(runs) == 3
    monkeypatch.setattr(cache, "_code", ["another-version"])                   # another kb
    obligations.extract(parse_text(text), reg)
    assert len(runs) == 4
    assert {p.name for p in store.iterdir()} == {"another-version"}, "the old version's entries are removed"


def test_a_data_file_of_kb_is_part_of_its_code_version(tmp_path, monkeypatch):
    """compare/data/clauses.tsv (the boilerplate table, recounted each session by kb.dev.boilerplate) decides what the
    version comparisons call boilerplate: a recounted table is another kb for the layers and the site's kept state."""
    import shutil

    code = tmp_path / "kb"
    shutil.copytree(cache.PACKAGE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", code)
    monkeypatch.setattr(cache, "_code", [])
    before = cache.code_version()
    table = code / "compare" / "data" / "clauses.tsv"
    assert table.is_file()
    table.write_text(table.read_text(encoding="utf-8") + "20\t本条例自公布之日起施行\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_code", [])
    assert cache.code_version() != before


def test_a_damaged_entry_is_a_miss_and_is_rewritten(store, monkeypatch):
    runs = counting(monkeypatch)
    reg = load_registry(ROOT)
    obligations.extract(parse_file(str(SEED)), reg)
    (entry,) = entries(store, "obligations")
    entry.write_bytes(entry.read_bytes()[:100])                 # a truncated file
    cache.clear_memory()
    obligations.extract(parse_file(str(SEED)), reg)
    assert len(runs) == 2
    cache.clear_memory()
    obligations.extract(parse_file(str(SEED)), reg)
    assert len(runs) == 2, "the rewritten entry is whole again"


def test_a_planted_entry_cannot_run_code(store, tmp_path):
    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {tmp_path / 'pwned'}",))

    doc = parse_file(str(SEED))
    links.definitions(doc)
    (entry,) = entries(store, "links.defs")
    entry.write_bytes(pickle.dumps(Evil()))
    cache.clear_memory()
    defs = links.definitions(parse_file(str(SEED)))
    assert defs and not (tmp_path / "pwned").exists()


#: the security review's payloads (issue 18): protocol 4 resolves a dotted name from an allowed
#: module (kb.layers.cache imports os), so an allow-list by module prefix ran os.system
def payloads(marker: Path) -> list[bytes]:
    cmd = f"touch {marker}".encode()
    dotted = (b"\x80\x04\x8c\x0fkb.layers.cache\x8c\x09os.system\x93\x8c" + bytes([len(cmd)]) + cmd
              + b"\x85R.")
    classic = b"cos\nsystem\n(V" + cmd + b"\ntR."
    via_records = (b"\x80\x04\x8c\x18kb.layers.links.records\x8c\x1bdataclasses.sys.modules.get\x93"
                   b"\x8c\x02os\x85R.")
    return [dotted, classic, via_records]


@pytest.mark.parametrize("which", [0, 1, 2])
def test_the_reviewers_payloads_run_nothing(store, tmp_path, which):
    doc = parse_file(str(SEED))
    links.definitions(doc)
    (entry,) = entries(store, "links.defs")
    payload = payloads(tmp_path / "pwned")[which]
    entry.write_bytes(payload)
    entry.with_suffix(".pickle").write_bytes(payload)          # where kb 0.x kept its entries
    cache.clear_memory()
    assert links.definitions(parse_file(str(SEED)))
    assert not (tmp_path / "pwned").exists()


def test_a_received_folder_with_a_planted_cache_runs_nothing(tmp_path):
    """A folder someone sent: mkdocs.yml (so it is a project), a text, and .kb/layers holding the
    entry of that text's references with a payload.  kb parse on the text runs nothing."""
    folder = tmp_path / "received"
    folder.mkdir()
    (folder / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    text = folder / "草案.txt"
    text.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    env.pop("KB_LAYER_CACHE", None)
    cmd = [sys.executable, "-m", "kb.cli", "parse", str(text)]
    assert subprocess.run(cmd, cwd=folder, env=env, capture_output=True, timeout=300).returncode == 0
    planted = [p for p in (folder / ".kb" / "layers").rglob("*") if p.is_file()]
    assert planted
    marker = tmp_path / "pwned"
    for p in planted:
        p.write_bytes(payloads(marker)[0])
    r = subprocess.run(cmd, cwd=folder, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert not marker.exists()


def test_entries_are_plain_data_of_the_record_classes_only(store):
    """An entry is JSON: tuples, dicts (any keys), sets and the layers' record classes come back
    equal; a class not on the list, a dunder field or any other JSON shape is a miss."""
    from kb.layers.obligations.layer import _read

    value = {"t": (1, "二", None), ("eid", 3): {frozenset({1}), 2.5}, 7: [True, {"d": [1]}], "s": set()}
    assert cache.decode(json_of(value)) == value
    x = _read(parse_file(str(SEED)), load_registry(ROOT))
    assert cache.decode(json_of(x)) == x
    doc = parse_file(str(SEED))
    refs = links.references(doc)
    assert cache.decode(json_of(refs)) == refs
    for forged in ('{"c": "Popen", "v": ["args", "id"]}', '{"c": "Reference", "v": ["__class__", 1]}',
                   '{"x": 1}', '{"t": 1}', '{"d": [1]}'):
        with pytest.raises((ValueError, TypeError)):
            cache.decode(forged)
    with pytest.raises(TypeError):
        cache.encode(object())


def test_field_names_checked_once_per_list_still_refuse_a_dunder_or_another_shape(store):
    """A record's attribute names are checked once per list of names (the records of a class share
    it); a list seen valid does not let a forged one through: a dunder added, a name that is not a
    string (a number, a tuple, an unhashable set or list), after the real records were read."""
    refs = links.references(parse_file(str(SEED)))
    assert refs and cache.decode(json_of(refs)) == refs          # the real names, now known good
    names = list(vars(refs[0]))
    for forged in (names + ["__class__"], [*names[:-1], 5], [*names[:-1], {"t": ["a"]}],
                   [*names[:-1], {"s": ["a"]}], [*names[:-1], ["a"]]):
        items = []
        for n in forged:
            items += [n, None]
        with pytest.raises((ValueError, TypeError)):
            cache.decode(json.dumps({"c": "Reference", "v": items}))
    assert cache.decode(json_of(refs)) == refs


def test_entries_are_written_as_json_wrote_them(store):
    """cache.dumps (orjson) writes the bytes json.dumps wrote, and json's own when orjson refuses (an
    integer past 64 bits, a lone surrogate); a NaN or an infinity is not kept (JSON has none: the
    entry would not read back equal), a finite float is."""
    doc = parse_file(str(SEED))
    values = [links.references(doc), links.definitions(doc), {"t": (1, "二", None), ("eid", 3): [2.5, -0.0, 1e16]},
              {"x": "\x1f\x7f\u2028\"\\引"}, [2 ** 70], ["\ud800"]]
    for v in values:
        assert cache.dumps(v) == json.dumps(cache.encode(v), ensure_ascii=False,
                                            separators=(",", ":")).encode("utf-8", "surrogatepass")
        assert cache.decode(cache.dumps(v).decode("utf-8", "surrogatepass")) == v
    for bad in (float("nan"), [float("inf")], {"a": (float("-inf"),)}):
        with pytest.raises(TypeError):
            cache.encode(bad)


def json_of(value) -> str:
    import json

    return json.dumps(cache.encode(value), ensure_ascii=False)


def test_a_cache_others_could_write_is_neither_read_nor_written(tmp_path, monkeypatch):
    """.kb/layers (or .kb) writable by the group or everyone: the layers are computed in memory; an
    entry someone put there is not read, and nothing is written."""
    monkeypatch.delenv("KB_LAYER_CACHE", raising=False)
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    text = proj / "t.txt"
    text.write_text("第一条 居民委员会应当协助街道办事处开展工作。\n", encoding="utf-8")
    cache.clear_memory()
    reg = load_registry(ROOT)
    first = obligations.extract(parse_file(str(text)), reg)
    store = proj / ".kb" / "layers"
    (entry,) = entries(store, "obligations")
    assert not any(d.stat().st_mode & 0o022 for d in [proj / ".kb", *store.rglob("*")] if d.is_dir())
    forged = entry.read_text(encoding="utf-8").replace("居民委员会", "有人改写")
    for d in (store, proj / ".kb"):
        entry.write_text(forged, encoding="utf-8")
        d.chmod(0o777)
        cache.clear_memory()
        again = obligations.extract(parse_file(str(text)), reg)
        assert [s.to_dict() for s in again] == [s.to_dict() for s in first]
        assert entry.read_text(encoding="utf-8") == forged, "nothing is written into it"
        d.chmod(0o755)
    cache.clear_memory()
    assert obligations.extract(parse_file(str(text)), reg)[0].actor == "有人改写"   # private again: read
    cache.clear_memory()


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KB_LAYER_CACHE", str(blocker / "layers"))
    cache.clear_memory()
    assert links.definitions(parse_file(str(SEED)))
    cache.clear_memory()


def test_off_keeps_nothing_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_LAYER_CACHE", "off")
    assert cache.cache_dir() is None


def test_the_code_folder_is_where_this_code_keeps_a_project_s_state_and_the_site_s_readings(tmp_path, monkeypatch):
    """kb.layers.cache.code_folder: this code version's folder of the project's cache, None when the cache is off or
    others may write it — the one place kb.site.planning's readings file (the actors' pinyin) is put, as read_state's."""
    from kb.site.planning import _readings_file

    monkeypatch.delenv("KB_LAYER_CACHE", raising=False)
    cache.clear_memory()
    assert cache.code_folder(tmp_path) == tmp_path / ".kb" / "layers" / cache.code_version()
    assert _readings_file(tmp_path).parent == cache.code_folder(tmp_path)
    assert _readings_file(tmp_path).name.startswith("readings-pypinyin-")
    cache.write_state(tmp_path, "x", [1])
    assert (cache.code_folder(tmp_path) / f"x{cache.SUFFIX}").is_file() and cache.read_state(tmp_path, "x") == [1]
    (tmp_path / ".kb" / "layers").chmod(0o777)              # anyone may write it: neither read nor written
    cache.clear_memory()
    assert cache.code_folder(tmp_path) is None and _readings_file(tmp_path) is None
    assert cache.read_state(tmp_path, "x") is None and not cache.on_disk(tmp_path)
    monkeypatch.setenv("KB_LAYER_CACHE", "off")
    cache.clear_memory()
    assert cache.code_folder(tmp_path) is None and _readings_file(tmp_path) is None
    cache.clear_memory()


def test_the_project_folder_by_default(monkeypatch):
    monkeypatch.delenv("KB_LAYER_CACHE", raising=False)
    doc = parse_file(str(SEED))
    assert cache.cache_dir(doc) == ROOT / ".kb" / "layers"


CONCURRENT = r"""
import sys
from kb.layers import cache, obligations
from kb.layers.actors import load_registry
from kb.text.parse import parse_file
read = cache._read
for i in range(int(sys.argv[2])):
    cache.clear_memory()
    # every other round this process recomputes and replaces the entry others are reading
    cache._read = read if i % 2 else (lambda path: cache._MISS)
    n = len(obligations.extract(parse_file(sys.argv[1]), load_registry(None)))
    assert n > 50, n
print("ok")
"""


def test_concurrent_runs_see_whole_entries_only(store):
    """Four processes read and write the same entries at once: each one gets the full layer every
    time (a partial read would give fewer statements or fail), and only whole entries remain."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    procs = [subprocess.Popen([sys.executable, "-c", CONCURRENT, str(SEED), "15"], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0 and out.strip() == "ok", err
    assert not list(store.rglob("*.tmp")), "no temporary file is left behind"
    for e in entries(store):
        cache.decode(e.read_text(encoding="utf-8"))
