"""Every piece of HTML typed by a person (journal entries, trainer feedback) goes through clean_html() before it
is stored, and only the stored, cleaned HTML is ever rendered.

The allowlist is explicit and short: paragraphs, line breaks, bold, italic, lists, quotes and links. Links keep
only http, https and mailto addresses and always get rel="nofollow noopener". No style attribute, no class, no
id: nothing that could carry script or CSS survives.
"""

import html
import re
import threading

import bleach
from bs4 import BeautifulSoup
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

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
# html5lib's repair of misnested formatting tags costs time quadratic in their depth: deeper input is refused
# before parsing (no editor produces more than a handful of levels).
MAX_NESTING_DEPTH = 64
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


def _new_cleaner():
    return bleach.Cleaner(
        tags=ALLOWED_TAGS, attributes=_allowed_attribute, protocols=ALLOWED_PROTOCOLS, strip=True, strip_comments=True
    )


# bleach's Cleaner keeps parser state between calls and is not thread-safe: gunicorn's threads each get their own
# (a shared one mixed journal texts between learners under concurrent autosaves).
_per_thread = threading.local()


def _cleaner():
    cleaner = getattr(_per_thread, "cleaner", None)
    if cleaner is None:
        cleaner = _per_thread.cleaner = _new_cleaner()
    return cleaner


def _finish_links(cleaned):
    """Every kept link gets our rel; a link whose address was refused becomes plain text.

    (bleach's LinkifyFilter could do this too, but its URL regex takes minutes on one very long word.)
    """
    if "<a" not in cleaned:
        return cleaned
    soup = BeautifulSoup(cleaned, "html.parser")
    for link in soup.find_all("a"):
        if link.get("href"):
            link["rel"] = LINK_REL
        else:
            link.unwrap()
    return soup.decode(formatter=_MINIMAL_HTML)


class _BleachLikeFormatter(HTMLFormatter):
    """Serialise as bleach does: only &, < and > escaped in text, <br> (not <br/>), attributes in their order."""

    def __init__(self):
        super().__init__(entity_substitution=EntitySubstitution.substitute_xml, void_element_close_prefix=None)

    def attributes(self, tag):
        return list(tag.attrs.items())


_MINIMAL_HTML = _BleachLikeFormatter()

_DANGEROUS_OPENING = re.compile(r"<\s*(?:" + "|".join(DROPPED_WITH_CONTENT) + r")\b", re.IGNORECASE)


def _drop_dangerous_elements(raw):
    if not _DANGEROUS_OPENING.search(raw):  # the usual case: skip a second parse of long texts
        return raw
    soup = BeautifulSoup(raw, "html.parser")
    for element in soup.find_all(DROPPED_WITH_CONTENT):
        element.decompose()
    return str(soup)


_TAG_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
_VOID_ELEMENTS = frozenset(
    {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}
)


def nesting_depth(raw):
    """The deepest run of open elements, counted on the raw text without parsing it (linear time)."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG_TOKEN.findall(raw):
        if self_closing or name.lower() in _VOID_ELEMENTS:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def flattened_if_deep(cleaned):
    """Stored HTML as exports can render it: text deeper than MAX_NESTING_DEPTH (kept from before that limit)
    becomes plain paragraphs, so that no export recurses through thousands of levels."""
    if not cleaned or nesting_depth(cleaned) <= MAX_NESTING_DEPTH:
        return cleaned
    return text_to_html(html_to_text(cleaned))


def clean_html(raw):
    """The safe HTML for a piece of user input (idempotent: cleaning twice gives the same result).
    Callers bound the input first (MAX_RAW_HTML_LENGTH, nesting_depth)."""
    if not raw:
        return ""
    cleaned = _cleaner().clean(_drop_dangerous_elements(raw))
    return _finish_links(cleaned).strip()


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
