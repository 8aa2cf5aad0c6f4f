"""The JSON contract of ``kb export FILE --format json`` (issue 2), key by key, on the seed."""
from __future__ import annotations

import json

import pytest

from conftest import SEED, run_kb
from kb.outputs.export import document_dict


def run_json(args, cwd, capsys):
    rc, out, err = run_kb(args, cwd, capsys)
    assert rc == 0, err
    return json.loads(out)


@pytest.fixture(scope="module")
def seed_json(seed_doc):
    return document_dict(seed_doc, layers=False)


def test_regulation(seed_json):
    reg = seed_json["regulation"]
    assert reg["title"] == "遂宁市社区发展治理促进条例"
    assert reg["status"] == "草案征求意见稿"
    assert reg["source"].endswith("regulation/suining-community/draft.txt")


def test_chapters(seed_json):
    ch = seed_json["chapters"]
    assert len(ch) == 7
    assert {k: ch[0][k] for k in ("number", "label", "title", "eid")} == \
        {"number": 1, "label": "第一章", "title": "总则", "eid": "chp_1"}
    assert [c["number"] for c in ch] == list(range(1, 8))
    assert all(isinstance(c["number"], int) for c in ch)
    assert ch[6]["title"] == "附则" and ch[6]["eid"] == "chp_7"


def test_articles(seed_json):
    arts = seed_json["articles"]
    assert len(arts) == 45
    a1 = arts[0]
    assert (a1["number"], a1["label"], a1["heading"], a1["chapter"], a1["eid"]) == \
        (1, "第一条", "立法目的依据", 1, "art_1")
    assert isinstance(a1["line"], int) and a1["line"] > 20
    assert all(not a["heading"] or a["heading"][0] not in "（【〖" for a in arts)   # without brackets
    assert [a["chapter"] for a in arts if a["number"] in (15, 45)] == [3, 7]


def test_paragraphs_and_items(seed_json):
    a15 = next(a for a in seed_json["articles"] if a["number"] == 15)
    p1, p2, p3 = a15["paragraphs"]
    assert (p1["number"], p1["eid"], p1["citation"]) == (1, "art_15__para_1", "第十五条第一款")
    assert p1["text"] == "居民委员会应当依法协助基层人民政府或它的派出机关做好下列事项："   # no item lines
    assert (p2["number"], p2["citation"], p2["items"]) == (2, "第十五条第二款", [])
    assert p2["text"].startswith("前款规定的事项")
    items = p1["items"]
    assert [i["number"] for i in items] == [1, 2, 3, 4]
    assert [i["marker"] for i in items] == ["（一）", "（二）", "（三）", "（四）"]
    assert items[2]["eid"] == "art_15__para_1__point_3"
    assert items[2]["text"] == "非专业性工作任务的发现报告；"                       # without marker
    # a one-paragraph article: cited as 第X条
    a1 = seed_json["articles"][0]
    assert len(a1["paragraphs"]) == 1 and a1["paragraphs"][0]["citation"] == "第一条"


def test_cli_export_to_stdout_has_the_contract(root, capsys):
    data = run_json(["export", "--format", "json"], root, capsys)
    for key in ("regulation", "chapters", "articles"):
        assert key in data
    assert set(data["regulation"]) >= {"title", "status", "source"}
    assert set(data["chapters"][0]) >= {"number", "label", "title", "eid"}
    assert set(data["articles"][0]) >= {"number", "label", "heading", "chapter", "eid", "line", "paragraphs"}
    assert set(data["articles"][0]["paragraphs"][0]) >= {"number", "eid", "citation", "text", "items"}
    item = data["articles"][14]["paragraphs"][0]["items"][0]
    assert set(item) >= {"number", "marker", "eid", "text"}
    assert len(data["articles"]) == 45


def _with_insert(tmp_path):
    """The seed with an inserted 第十条之一 (and a list with sub-items) after 第十条."""
    text = SEED.read_text(encoding="utf-8")
    at = text.index("第十一条")
    insert = ("第十条之一（插入条款）社区设施包括：\n\n（一）甲类设施；\n\n（二）乙类设施，包括：\n\n"
              "1.子设施；\n\n2．丑设施。\n\n")
    f = tmp_path / "inserted.txt"
    f.write_text(text[:at] + insert + text[at:], encoding="utf-8")
    return f


def test_inserted_article_number_is_a_string(tmp_path, capsys):
    f = _with_insert(tmp_path)
    data = run_json(["export", str(f), "--format", "json"], tmp_path, capsys)
    assert data["regulation"]["source"] == str(f)
    assert data["regulation"]["title"] == "遂宁市社区发展治理促进条例"        # from the text
    assert data["regulation"]["status"] == "草案征求意见稿"
    arts = data["articles"]
    assert len(arts) == 46
    a = next(a for a in arts if a["eid"] == "art_10-1")
    assert a["number"] == "10-1" and a["label"] == "第十条之一"
    assert a["heading"] == "插入条款" and a["chapter"] == 2
    (p,) = a["paragraphs"]
    assert (p["eid"], p["citation"], p["text"]) == ("art_10-1__para_1", "第十条之一", "社区设施包括：")
    i1, i2 = p["items"]
    assert (i1["eid"], i1["text"]) == ("art_10-1__para_1__point_1", "甲类设施；")
    assert i2["text"] == "乙类设施，包括：\n1.子设施；\n2．丑设施。"            # sub-items kept, marker dropped
    assert [a["number"] for a in arts[9:12]] == [10, "10-1", 11]
    assert data["warnings"] == []


def test_chapter_number_within_its_part(tmp_path, capsys):
    f = tmp_path / "code.txt"
    f.write_text("测试法典\n\n第一编 总则\n\n第一章 基本规定\n\n第一条 甲。\n\n第二编 分则\n\n第一章 一般规定\n\n"
                 "第二条 乙。\n", encoding="utf-8")
    data = run_json(["export", str(f)], tmp_path, capsys)
    assert [(c["number"], c["eid"]) for c in data["chapters"]] == [(1, "part_1__chp_1"), (1, "part_2__chp_1")]
    assert [a["chapter"] for a in data["articles"]] == [1, 1]
    assert data["articles"][1]["heading"] is None


def test_output_file_is_written_atomically(tmp_path, capsys, root):
    target = tmp_path / "out" / "seed.json"
    target.parent.mkdir()               # kb does not create a folder the user may have mistyped
    rc, _, _ = run_kb(["export", "suining-community@draft", "-o", str(target)], root, capsys)
    assert rc == 0
    assert json.loads(target.read_text(encoding="utf-8"))["regulation"]["title"] == "遂宁市社区发展治理促进条例"
    assert [p.name for p in target.parent.iterdir()] == ["seed.json"]


def test_json_is_written_as_it_is_made_and_reads_the_same(tmp_path, capsys, monkeypatch):
    """kb export writes large JSON in pieces (json.dumps with an indent would hold every token of a
    large document at once): the pieces make exactly to_json's text, C1 controls escaped."""
    from kb.outputs import formats
    from kb.outputs.formats import json_pieces, to_json, write_json

    data = {"text": "第一条\x9b\x7f经费", "rows": [{"n": i, "s": "社区" * (i % 7)} for i in range(5000)]}
    monkeypatch.setattr(formats, "ORJSON_MAX_CHARS", 1000)      # this data counts as large
    pieces = list(json_pieces(data, size=1000))
    assert len(pieces) > 10 and "".join(pieces) == to_json(data)
    assert json.loads(to_json(data)) == data and "\x9b" not in to_json(data) and "\\u009b" in to_json(data)
    write_json(data, str(tmp_path / "out.json"))
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == to_json(data) + "\n"
    write_json(data)
    assert capsys.readouterr().out == to_json(data) + "\n"


#: what orjson writes otherwise than json (or refuses): json writes it, as before
_JSON_ONLY = [{"x": float("nan")}, {"x": float("inf")}, {"x": 1e16}, {"x": 1e-05}, {1: "a"}, {"x": 2 ** 70},
              {"x": "\ud800"}, {"x": {1, 2}}]


@pytest.mark.parametrize("data", _JSON_ONLY, ids=repr)
def test_what_orjson_would_write_otherwise_is_written_by_json(data):
    from kb.outputs import formats

    assert formats._orjson(data) is None
    if not isinstance(data.get("x"), set):
        assert formats.to_json(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_orjson_writes_exactly_what_json_writes(seed_doc, monkeypatch):
    """The export of the seed, and every character of the Basic Multilingual Plane's first 12,288
    and its last, astral ones, controls, C1 and line separators among them: the same text by orjson
    as by the json encoder."""
    from kb.outputs import formats

    odd = "".join(map(chr, [*range(0x3000), *range(0xFFF0, 0x10000), 0x1F600, 0x10FFFF, 0x2028, 0x2029]))
    for data in (document_dict(seed_doc), {"s": odd, "parts": [odd[i:i + 7] for i in range(0, len(odd), 7)],
                                           "n": [0, -1, 2 ** 63 - 1, -2 ** 63, 0.5, -0.0, 1e-4, 1e15, 12.3456,
                                                 True, False, None], "e": {}, "l": [], "t": (1, "甲")}):
        fast = formats._orjson(data)
        monkeypatch.setattr(formats, "_orjson", lambda d: None)
        slow = formats.to_json(data)
        monkeypatch.undo()
        assert fast is not None and fast == slow


def test_kb_export_writes_a_text_whole_by_orjson_and_a_large_one_as_it_is_made(tmp_path, capsys, seed_doc,
                                                                                monkeypatch, root):
    """kb export makes the export of a text of ordinary size whole (orjson writes it: the same bytes as
    the json encoder over the articles made as it reaches them) and of a large one as it writes it."""
    from kb.outputs import export, formats
    from kb.text.parse import parse_text

    assert not export.streamed(seed_doc)
    assert export.streamed(parse_text("第一条　开始。\n" + "甲\n" * (export.STREAM_LINES + 1)))
    out = tmp_path / "seed.json"
    rc, _, err = run_kb(["export", "suining-community@draft", "-o", str(out)], root, capsys)
    assert rc == 0, err
    monkeypatch.setattr(formats, "_orjson", lambda d: None)      # the json encoder, as the streamed export
    lazy = formats.json_bytes(document_dict(seed_doc, lazy=True))
    assert out.read_bytes() == lazy and json.loads(lazy)["articles"]
