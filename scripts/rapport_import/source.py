"""Decode a saved page as a browser would: a byte-order mark, then the page's own meta charset,
then UTF-8, then charset-normalizer's best guess. Unusable input is a value, not a traceback."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",)
SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
# Browsers read these labels as the wider encoding (the WHATWG Encoding Standard).
ALIASES = {"euc-kr": "cp949", "ks_c_5601-1987": "cp949", "iso-8859-1": "cp1252",
           "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252", "gb2312": "gbk"}


@dataclass(frozen=True)
class Decoded:
    """A page's text and the encoding it was read with."""

    text: str
    encoding: str


@dataclass(frozen=True)
class Unusable:
    """Why a file cannot be imported, in words for one clear line."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: cannot import: {self.reason}"


def decode(data: bytes, path: Path, html: bool) -> Decoded | Unusable:
    """The page's text, or why there is none."""
    if not data.strip():
        return Unusable(path, "the file is empty")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return checked(data.decode(encoding, errors="replace"), encoding, path)
    declared = META_CHARSET_RE.search(data[:4096]) if html else None
    if declared:
        label = declared.group(1).decode("ascii", "replace").lower()
        try:
            encoding = codecs.lookup(ALIASES.get(label, label)).name
            return checked(data.decode(encoding, errors="replace"), label, path)
        except LookupError:
            pass
    if b"\x00" in data:
        return Unusable(path, "it is a binary file, not a saved web page or a text dump")
    try:
        return checked(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            return Unusable(path, "it is a binary file, not a saved web page or a text dump")
        return checked(str(best), best.encoding, path)


def checked(text: str, encoding: str, path: Path) -> Decoded | Unusable:
    """Text with control characters or replacement marks in bulk is binary read as text."""
    bad = sum(1 for char in text if char == "\ufffd" or (ord(char) < 32 and char not in "\t\n\r\f"))
    if bad > max(8, len(text) // 100):
        return Unusable(path, "it is a binary file, not a saved web page or a text dump")
    return Decoded(text.removeprefix("\ufeff"), encoding)
