"""What is inside each file of a package, whatever the library store holds.

An extension says what a file claims to be; these checks make sure it is: binary files start with the
signature of their format and carry no HTML or script (a PNG/HTML polyglot), SVG and XML files are parsed
(defusedxml) and refused when they carry script, event handlers, javascript: URLs or foreign objects.
Each check returns a French message naming the file, or None.
"""

import re

from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _


def _riff(kind):
    return lambda head: head[:4] == b"RIFF" and head[8:12] == kind


def _mp3(head):
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
_TRUETYPE = (b"\x00\x01\x00\x00", b"true", b"OTTO", b"ttcf")
# Extension -> the prefixes its files may start with, or a test of their first bytes.
SIGNATURES = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "bmp": (b"BM",),
    "tif": (b"II*\x00", b"MM\x00*"),
    "tiff": (b"II*\x00", b"MM\x00*"),
    "webp": _riff(b"WEBP"),
    "wav": _riff(b"WAVE"),
    "mp3": _mp3,
    "mp4": lambda head: head[4:8] == b"ftyp",
    "m4a": lambda head: head[4:8] == b"ftyp",
    "webm": (b"\x1a\x45\xdf\xa3",),
    "ogg": (b"OggS",),
    "woff": (b"wOFF",),
    "woff2": (b"wOF2",),
    "ttf": _TRUETYPE,
    "otf": _TRUETYPE,
    "eot": lambda head: head[34:36] == b"LP",
    "pdf": (b"%PDF-",),
    "glb": (b"glTF",),
    "swf": (b"FWS", b"CWS", b"ZWS"),
    "rtf": (b"{\\rtf",),
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "odt": _ZIP,
    "ods": _ZIP,
    "odp": _ZIP,
    "doc": _OLE,
    "xls": _OLE,
    "ppt": _OLE,
}
# Markup a browser would run if the file were ever read as HTML.
HIDDEN_MARKUP = re.compile(
    rb"<\s*(?:script|html|body|iframe|object|embed|svg|!doctype\s+html)\b|<\?php|javascript\s*:", re.IGNORECASE
)
MARKUP_EXTENSIONS = frozenset({"svg", "xml"})
FORBIDDEN_ELEMENTS = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"})
DANGEROUS_URL = re.compile(r"(?:java|vb)script:|data:text/html", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
CHUNK = 1024 * 1024


def check_file(path, name, extension):
    """Why the unpacked file at `path` (named `name` in the archive) is refused, or None."""
    if extension in MARKUP_EXTENSIONS:
        return _check_markup(path.read_bytes(), name)
    expected = SIGNATURES.get(extension)
    if expected is None:
        return None
    with open(path, "rb") as handle:
        head = handle.read(64)
        matches = expected(head) if callable(expected) else head.startswith(expected)
        if not matches:
            return _(
                "« %(name)s » n'est pas un vrai fichier .%(ext)s : son contenu ne correspond pas à son extension."
            ) % {
                "name": name,
                "ext": extension,
            }
        handle.seek(0)
        if _has_hidden_markup(handle):
            return _("« %(name)s » cache du code HTML ou du script dans un fichier .%(ext)s : fichier refusé.") % {
                "name": name,
                "ext": extension,
            }
    return None


def _has_hidden_markup(handle):
    tail = b""
    while chunk := handle.read(CHUNK):
        if HIDDEN_MARKUP.search(tail + chunk):
            return True
        tail = chunk[-64:]
    return False


def _local(name):
    return name.rsplit("}", 1)[-1].lower()


def _check_markup(data, name):
    refused = _(
        "« %(name)s » contient du script, des gestionnaires d'événements ou un lien javascript: : fichier refusé."
    )
    if b"<?xml-stylesheet" in data:
        return refused % {"name": name}
    try:
        root = SafeElementTree.fromstring(data)
    except (SafeElementTree.ParseError, DefusedXmlException, ValueError):
        return _("« %(name)s » n'est pas un fichier XML/SVG valide ou contient des entités interdites.") % {
            "name": name
        }
    for element in root.iter():
        if not isinstance(element.tag, str) or _local(element.tag) in FORBIDDEN_ELEMENTS:
            return refused % {"name": name}
        for attribute, value in element.attrib.items():
            if _local(attribute).startswith("on") or DANGEROUS_URL.search(_INVISIBLE.sub("", value)):
                return refused % {"name": name}
    return None
