"""Every piece of HTML typed by a person (journal entries, trainer feedback) goes through clean_html() before it
is stored, and only the stored, cleaned HTML is ever rendered.

The allowlist is explicit and short: paragraphs, line breaks, bold, italic, lists, quotes and links. Links keep
only http, https and mailto addresses and always get rel="nofollow noopener". No style attribute, no class, no
id: nothing that could carry script or CSS survives.
"""

import html
import re

import bleach
from bleach import html5lib_shim
from bs4 import BeautifulSoup

ALLOWED_TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "blockquote", "a"})
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"

# Elements removed together with their content (bleach alone would keep their text, e.g. the code of a script).
DROPPED_WITH_CONTENT = (
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "template",
    "noscript",
    "noembed",
    "noframes",
    "title",
    "textarea",
    "select",
    "xmp",
    "head",
)

# Refused before parsing, so that a huge paste cannot tie up the server (the text limit is checked after cleaning).
MAX_RAW_HTML_LENGTH = 400_000
# The longest entry, counted in characters of text (not markup).
MAX_TEXT_LENGTH = 50_000

_CONTROL_CHARS = re.compile(r"[\x00-\x20\x7f]+")


def _allowed_attribute(tag, name, value):
    """Only href (with an allowed scheme) and title on links; nothing anywhere else."""
    if tag != "a":
        return False
    if name == "title":
        return True
    if name == "href":
        # Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"): so do we.
        compact = _CONTROL_CHARS.sub("", value).lower()
        return compact.startswith(("http://", "https://", "mailto:"))
    return False


class _LinkRelFilter(html5lib_shim.Filter):
    """Every link gets our rel; a link whose address was refused becomes plain text.

    (bleach's LinkifyFilter could do this too, but its URL regex takes minutes on one very long word.)
    """

    def __iter__(self):
        unwrapped = []
        for token in super().__iter__():
            if token["type"] == "StartTag" and token["name"] == "a":
                attrs = dict(token.get("data") or {})
                keep = bool(attrs.get((None, "href")))
                unwrapped.append(not keep)
                if not keep:
                    continue
                attrs[(None, "rel")] = LINK_REL
                token["data"] = attrs
            elif token["type"] == "EndTag" and token["name"] == "a" and unwrapped and unwrapped.pop():
                continue
            yield token


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=_allowed_attribute,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[_LinkRelFilter],
)


_DANGEROUS_OPENING = re.compile(r"<\s*(?:" + "|".join(DROPPED_WITH_CONTENT) + r")\b", re.IGNORECASE)


def _drop_dangerous_elements(raw):
    if not _DANGEROUS_OPENING.search(raw):  # the usual case: skip a second parse of long texts
        return raw
    soup = BeautifulSoup(raw, "html.parser")
    for element in soup.find_all(DROPPED_WITH_CONTENT):
        element.decompose()
    return str(soup)


def clean_html(raw):
    """The safe HTML for a piece of user input (idempotent: cleaning twice gives the same result)."""
    if not raw:
        return ""
    cleaned = _cleaner.clean(_drop_dangerous_elements(raw))
    return cleaned.strip()


def html_to_text(cleaned):
    """The readable text of cleaned HTML: blocks separated by blank lines (for length checks, PII, fallbacks)."""
    if not cleaned:
        return ""
    soup = BeautifulSoup(cleaned, "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for li in soup.find_all("li"):
        li.insert(0, "- ")
        li.append("\n")
    for block in soup.find_all(["p", "blockquote", "ul", "ol"]):
        block.append("\n\n")
    text = soup.get_text()
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def text_to_html(text):
    """Plain text from the no-JavaScript textarea: blank lines separate paragraphs, "- " lines make a list,
    "> " lines a quote. The result still goes through clean_html()."""
    blocks = re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip())
    parts = []
    for block in blocks:
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith(("- ", "* ")) for line in lines):
            items = "".join(f"<li>{html.escape(line.lstrip()[2:].strip())}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
        elif all(line.lstrip().startswith(">") for line in lines):
            quoted = "<br>".join(html.escape(line.lstrip()[1:].strip()) for line in lines)
            parts.append(f"<blockquote><p>{quoted}</p></blockquote>")
        else:
            parts.append("<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>")
    return clean_html("".join(parts))


_TAG = re.compile(r"<[^>]*>")


def text_length(cleaned):
    """Characters of text in cleaned HTML (cheap: cleaned HTML has no comments or stray angle brackets)."""
    return len(html.unescape(_TAG.sub("", cleaned or "")))
