"""JSON read from a package, bounded: a hostile file gets a clear French refusal, never a RecursionError.

The nesting depth is measured before parsing, so the parser never reaches its recursion limit; NaN,
Infinity, numbers too large for a float and NUL characters (which PostgreSQL refuses in JSON columns and
H5P strips from texts) are refused.
"""

import json
import math
import re

from django.utils.translation import gettext as _

# A JSON string (skipped) or a bracket: enough to measure nesting without parsing.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


class JsonRefused(ValueError):
    """The message names the file and the problem, ready to show."""


def _too_deep(text, limit):
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        found = match.group()
        if found in "[{":
            depth += 1
            if depth > limit:
                return True
        elif found in "]}":
            depth -= 1
    return False


def _refuse_constant(name):
    raise ValueError(_("valeur %(value)s interdite") % {"value": name})


def _finite_float(text):
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(_("nombre %(value)s trop grand") % {"value": text[:30]})
    return value


def loads(data, label, max_depth):
    """The JSON value in `data` (bytes) of the file named `label`; raises JsonRefused."""
    invalid = _("Le fichier %(file)s n'est pas un JSON valide (%(error)s).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise JsonRefused(invalid % {"file": label, "error": error}) from error
    if _too_deep(text, max_depth):
        raise JsonRefused(
            _("Le fichier %(file)s est imbriqué sur plus de %(max)s niveaux : fichier refusé.")
            % {"file": label, "max": max_depth}
        )
    if "\\u0000" in text:
        raise JsonRefused(
            _("Le fichier %(file)s contient un caractère nul (\\u0000) : fichier refusé.") % {"file": label}
        )
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except (ValueError, RecursionError) as error:
        raise JsonRefused(invalid % {"file": label, "error": error}) from error
