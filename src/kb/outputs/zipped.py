"""ZIP packages (a Word document, a workbook) written at once, unchanging members compressed once.

Every Word download of a site shares most of its package with every other (python-docx's styles,
theme, settings …: about 800 KB of XML): compressing them again for each document was two thirds of
the time of making one.  :func:`deflated` compresses a member once; :func:`zip_bytes` writes a package
of such members and of plain bytes, compressing only the latter, in one join (zipfile's writer
object per member cost a workbook about as much as compressing it).  The bytes are those
``zipfile.ZipFile(buf, "w", ZIP_DEFLATED).writestr(name, data)`` writes for each member in turn
(the same headers, the same deflate stream at zlib's default level, the date given or the time now;
tests/outputs/test_zipped.py compares them), so a reader sees no difference.
"""
from __future__ import annotations

import struct
import time
import zlib
from dataclasses import dataclass

#: what zipfile writes: version 2.0 (deflate), made on Unix, mode rw------- for a file
_VERSION = 20
_SYSTEM = 3
_ATTR = 0o600 << 16
_DEFLATED = 8
_UTF8_NAME = 0x800
#: members and packages above this are left to zipfile (its ZIP64 headers)
LIMIT = 1 << 30


@dataclass(frozen=True)
class Deflated:
    """A member's bytes compressed: its CRC-32, its size and the raw deflate stream."""
    crc: int
    size: int
    stream: bytes


def deflated(data: bytes) -> Deflated:
    """data compressed as zipfile compresses a member (raw deflate, zlib's default level)."""
    c = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return Deflated(zlib.crc32(data), len(data), c.compress(data) + c.flush())


def zip_bytes(members: list[tuple[str, bytes | Deflated]], date_time: tuple | None = None) -> bytes:
    """The ZIP package of members ``(name, bytes or Deflated)`` in order; dated ``date_time`` (year,
    month, day, hour, minute, second) or the local time now, as zipfile dates a member."""
    if date_time is None:
        date_time = time.localtime(time.time())[:6]
    y, mo, d, h, mi, s = date_time
    dosdate = (y - 1980) << 9 | mo << 5 | d
    dostime = h << 11 | mi << 5 | (s // 2)
    parts: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in members:
        m = data if isinstance(data, Deflated) else deflated(data)
        if m.size > LIMIT or offset > LIMIT or len(members) > 0xFFFF:
            return _by_zipfile(members, date_time)
        try:
            raw, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw, flags = name.encode("utf-8"), _UTF8_NAME
        parts += [struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", _VERSION, 0, flags, _DEFLATED, dostime, dosdate,
                              m.crc, len(m.stream), m.size, len(raw), 0), raw, m.stream]
        central += [struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", _VERSION, _SYSTEM, _VERSION, 0, flags, _DEFLATED,
                                dostime, dosdate, m.crc, len(m.stream), m.size, len(raw), 0, 0, 0, 0, _ATTR,
                                offset), raw]
        offset += 30 + len(raw) + len(m.stream)
    size = sum(map(len, central))
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), size, offset, 0)
    return b"".join(parts + central + [end])


def _by_zipfile(members: list, date_time: tuple) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            if isinstance(data, Deflated):
                data = zlib.decompress(data.stream, -15)
            info = zipfile.ZipInfo(name, date_time)
            info.external_attr = _ATTR
            z.writestr(info, data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()
