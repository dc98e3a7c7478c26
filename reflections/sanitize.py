"""Every piece of HTML typed by a person (journal entries, trainer feedback) goes through clean_html() before it
is stored, and only the stored, cleaned HTML is ever rendered.

The allowlist is explicit and short: paragraphs, line breaks, bold, italic, lists, quotes and links. Links keep
only http, https and mailto addresses and always get rel="nofollow noopener". No style attribute, no class, no
id: nothing that could carry script or CSS survives.
"""

import html
import re
from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter
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


def _set_link_rel(attrs, new=False):
    """Every link gets our rel; a link whose address was refused becomes plain text."""
    if not attrs.get((None, "href")):
        return None
    attrs[(None, "rel")] = LINK_REL
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=_allowed_attribute,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_set_link_rel], parse_email=True)],
)


def _drop_dangerous_elements(raw):
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


def text_length(cleaned):
    return len(html_to_text(cleaned))
