from conftest import SEED, SHARED_SEED, need_shared


def test_seed_is_byte_identical_to_shared_seed():
    need_shared(SHARED_SEED)
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_seed_structure(seed_doc):
    assert seed_doc.title == "遂宁市社区发展治理促进条例"
    assert seed_doc.status == "草案征求意见稿"
    assert [c.title for c in seed_doc.chapters] == ["总则", "社区建设", "社区治理", "社区服务", "保障措施",
                                                     "法律责任", "附则"]
    assert len(seed_doc.articles) == 45
    assert [a.number for a in seed_doc.articles] == list(range(1, 46))
    assert seed_doc.rebuild() == seed_doc.text
    assert not seed_doc.warnings
