"""kb.outputs.zipped: a package whose shared members are compressed once is the one zipfile writes."""
from __future__ import annotations

import io
import zipfile

from kb.outputs.word import text_docx
from kb.outputs.zipped import deflated, zip_bytes

DATE = (2026, 12, 4, 21, 30, 58)


def _by_zipfile(members, date_time) -> bytes:
    """What ``ZipFile(buf, "w", ZIP_DEFLATED).writestr(name, data)`` writes, dated date_time."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            z.writestr(info, data)
    return buf.getvalue()


def test_the_bytes_zipfile_writes_with_members_compressed_before_or_not():
    members = [("[Content_Types].xml", b"<Types/>" * 40), ("word/styles.xml", "样式".encode() * 5000),
               ("word/document.xml", b""), ("名字/中文.xml", "正文。".encode() * 3)]
    want = _by_zipfile(members, DATE)
    assert zip_bytes(members, DATE) == want
    assert zip_bytes([(n, deflated(d) if i % 2 else d) for i, (n, d) in enumerate(members)], DATE) == want
    with zipfile.ZipFile(io.BytesIO(want)) as z:
        assert z.testzip() is None and [(i.filename, z.read(i)) for i in z.infolist()] == members
        assert z.getinfo("名字/中文.xml").flag_bits & 0x800     # a name that is not ASCII is marked UTF-8


def test_a_word_document_is_the_package_zipfile_would_write(seed_doc, monkeypatch):
    import docx

    # docProps/core.xml carries the time of writing to the second: a second ticking between the two documents below
    # made them differ on a loaded machine; a fixed SOURCE_DATE_EPOCH (what reproducible builds set) holds it still
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764892800")

    data = text_docx(seed_doc, "遂宁市社区发展治理促进条例 草案征求意见稿")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        infos = z.infolist()
        members = [(i.filename, z.read(i)) for i in infos]
        date = infos[0].date_time
        assert all(i.date_time == date and i.compress_type == zipfile.ZIP_DEFLATED for i in infos)
    assert data == _by_zipfile(members, date)
    assert len(members) > 10 and docx.Document(io.BytesIO(data)).paragraphs
    # made again, the members and their compressed bytes are the same (only the date may move)
    again = text_docx(seed_doc, "遂宁市社区发展治理促进条例 草案征求意见稿")
    with zipfile.ZipFile(io.BytesIO(again)) as z:
        assert [(i.filename, z.read(i)) for i in z.infolist()] == members
