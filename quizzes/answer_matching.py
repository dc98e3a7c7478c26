"""How a short answer is compared with the accepted answers (the rule is documented in docs/quiz.md).

Default (tolerant) rule, applied to both the learner's answer and each accepted answer:
1. case ignored (casefold);
2. accents folded: NFKD decomposition, combining marks dropped (« évaluation » = « evaluation »);
3. hyphens, apostrophes (' ’) and every other punctuation mark read as a space (« non-recours » = « non recours »);
4. one leading French article dropped: le, la, les, l', un, une, des, du, de la, de l'
   (« le non recours » = « non recours »), unless nothing would remain;
5. spaces collapsed and trimmed.

Strict rule (« Correspondance stricte » on the question): only the case and the spaces around and between words
are ignored; accents, hyphens, apostrophes, punctuation and articles count.
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")

# Longest first, so « de la » wins over nothing and « les » is not read as « le ». Apostrophes are already spaces.
_ARTICLES = (("de", "la"), ("de", "l"), ("les",), ("le",), ("la",), ("l",), ("une",), ("un",), ("des",), ("du",))


def _collapse(text):
    return _SPACES.sub(" ", text).strip()


def strict_key(text):
    """Case and spaces ignored, everything else kept."""
    return _collapse(str(text or "").casefold())


def tolerant_key(text):
    """Case, accents, punctuation and one leading article ignored (see the module docstring)."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").casefold())
    kept = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        kept.append(" " if unicodedata.category(ch).startswith("P") else ch)
    words = _collapse("".join(kept)).split(" ")
    for article in _ARTICLES:
        size = len(article)
        if tuple(words[:size]) == article and len(words) > size:
            words = words[size:]
            break
    return " ".join(words)


def match_key(text, strict=False):
    """The form under which two answers are equal: the strict or the tolerant key."""
    return strict_key(text) if strict else tolerant_key(text)


def answer_matches(given, accepted, strict=False):
    """True when `given` equals one of the `accepted` answers under the chosen rule."""
    key = match_key(given, strict)
    if not key:
        return False
    return key in {match_key(answer, strict) for answer in accepted}
