"""HTML and text of H5P content made safe the way H5P's PHP core does (filter_xss, htmlspecialchars).

HTML keeps only the tags its semantics field allows plus H5P's defaults, within a fixed safe set whatever the
field asks for; attributes are limited (no event handler, links http/https/mailto only) and style keeps only
the declarations H5P allows for the field (alignment, the font options it enables, table borders).
"""

import re
from functools import lru_cache

import bleach

# Deeper HTML makes the HTML parser slow (minutes for 20,000 nested tags); editors never go near it.
MAX_HTML_DEPTH = 100
DEFAULT_TAGS = ("div", "span", "p", "br")
TABLE_TAGS = ("tr", "td", "th", "colgroup", "col", "thead", "tbody", "tfoot", "figure", "figcaption")
# Whatever a semantics.json asks for, never more than the tags of a rich-text editor.
_SAFE_TAG_NAMES = (
    "a abbr b big blockquote br caption cite code col colgroup dd del dfn div dl dt em figcaption figure h1 h2 h3 "
    "h4 h5 h6 hr i ins kbd li mark ol p pre q s samp small span strike strong sub sup table tbody td tfoot th "
    "thead tr u ul"
)
SAFE_TAGS = frozenset(_SAFE_TAG_NAMES.split())
_SAFE_ATTRIBUTE_NAMES = (
    "href title target rel alt class dir lang colspan rowspan scope headers abbr summary border cellpadding "
    "cellspacing width height align valign start reversed type cite datetime span"
)
SAFE_ATTRIBUTES = frozenset(_SAFE_ATTRIBUTE_NAMES.split())
STYLEABLE_TAGS = frozenset({"span", "p", "div", "h1", "h2", "h3", "table", "col", "figure", "td", "th", "li"})
PROTOCOLS = frozenset({"http", "https", "mailto"})
_COLOR = r"(#[a-f0-9]{3}[a-f0-9]{3}?|rgba?\([0-9, ]+\)|hsla?\([0-9,.% ]+\))"
_LENGTH = r"[0-9.]+(em|px|%|)"
FONT_STYLES = {
    "size": r"font-size: *[0-9.]+(em|px|%)",
    "family": r"font-family: *[-a-z0-9,'& ]+",
    "color": rf"color: *{_COLOR}",
    "background": rf"background-color: *{_COLOR}",
    "spacing": r"letter-spacing: *[0-9.]+(em|px|%)",
    "height": rf"line-height: *{_LENGTH}",
}
_BORDER_STYLE = "(none|solid|dotted|dashed|double|groove|ridge|inset|outset)"
TABLE_STYLES = (
    rf"border: *{_LENGTH} *{_BORDER_STYLE} *{_COLOR}",
    rf"border-style: *{_BORDER_STYLE}",
    rf"border-width: *{_LENGTH}",
    rf"border-color: *{_COLOR}",
    r"vertical-align: *(middle|top|bottom)",
    rf"padding: *{_LENGTH}",
    rf"width: *{_LENGTH}",
    rf"height: *{_LENGTH}",
    r"float: *(right|left|none)",
    r"border-collapse: *collapse",
    rf"background-color: *{_COLOR}",
)
ALIGN_STYLE = r"text-align: *(center|left|right)"
_PARTIAL_ENTITY = re.compile(r"&[#A-Za-z0-9]*$")
_ENTITY_OR_AMPERSAND = re.compile(r"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
VOID_TAGS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)


def _html_depth_exceeds(text, limit):
    """Nesting of tags counted naively (an unclosed tag stays open): an upper bound of what the parser sees."""
    depth = 0
    for closing, name, self_closing in _TAG.findall(text):
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closing and name.lower() not in VOID_TAGS:
            depth += 1
            if depth > limit:
                return True
    return False


def escape(text):
    """HTML-escape plain text like PHP's htmlspecialchars(ENT_QUOTES, double_encode=false): entities stay."""
    text = _ENTITY_OR_AMPERSAND.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#039;")


class _StyleFilter:
    """Keeps only the style declarations matching the field's patterns (bleach's css_sanitizer interface)."""

    def __init__(self, patterns):
        self.patterns = [re.compile(f"^{pattern} *;?$", re.IGNORECASE) for pattern in patterns]

    def sanitize_css(self, style):
        kept = [part.strip() for part in style.split(";") if any(p.match(part.strip()) for p in self.patterns)]
        return ";".join(kept)


def _attribute_allowed(tag, name, value):
    if name == "style":
        return tag in STYLEABLE_TAGS
    return name in SAFE_ATTRIBUTES


@lru_cache(maxsize=64)
def _cleaner(tags, styles):
    return bleach.Cleaner(
        tags=tags,
        attributes=_attribute_allowed,
        protocols=PROTOCOLS,
        strip=True,
        strip_comments=True,
        css_sanitizer=_StyleFilter(styles),
    )


def _allowed_tags(field):
    tags = set(DEFAULT_TAGS) | {tag for tag in field.get("tags") or () if isinstance(tag, str)}
    if "table" in tags:
        tags.update(TABLE_TAGS)
    if "b" in tags:
        tags.add("strong")
    if "i" in tags:
        tags.add("em")
    if tags & {"ul", "ol"}:
        tags.add("li")
    if tags & {"del", "strike"}:
        tags.add("s")
    return frozenset(tag.lower() for tag in tags) & SAFE_TAGS


def _allowed_styles(field):
    font = field.get("font") if isinstance(field.get("font"), dict) else {}
    styles = [pattern for key, pattern in FONT_STYLES.items() if font.get(key)]
    if "table" in (field.get("tags") or ()):
        styles.extend(TABLE_STYLES)
    styles.append(ALIGN_STYLE)
    return tuple(styles)


def is_html(field):
    """H5P filters a text as HTML when its field lists tags (the html widget always does)."""
    return "tags" in field or field.get("widget") == "html"


def html_too_deep(text):
    return _html_depth_exceeds(text, MAX_HTML_DEPTH)


def filter_html(text, field):
    """The HTML of a text field with only what the field allows."""
    cleaned = _cleaner(_allowed_tags(field), _allowed_styles(field)).clean(text.replace("\x00", ""))
    return cleaned.replace(' style=""', "")  # every declaration was refused


def truncate_escaped(text, max_length):
    """Cut escaped text at max_length like H5P, but never inside an entity."""
    return _PARTIAL_ENTITY.sub("", text[:max_length])
