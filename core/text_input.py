"""Single-line text people type (names of teams, organisations, people): no line breaks, no control characters, no
bidirectional overrides. Refused at input with a French message; text stored before the rule is flattened where
one line is required (e-mail subjects, which Django refuses to send with a line break)."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Explicit bidirectional embeddings, overrides and isolates: they can make a name display as something else.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_FLATTEN = re.compile(r"[\x00-\x1f\x7f-\x9f" + BIDI_CONTROLS + r"]+")


def has_forbidden_character(value):
    return any(unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS for char in value)


def validate_single_line(value):
    if value and has_forbidden_character(value):
        raise ValidationError(
            _(
                "Ce texte doit tenir sur une ligne : il ne peut contenir ni retour à la ligne, ni tabulation, "
                "ni caractère de contrôle ou d'inversion du sens d'écriture."
            ),
            code="single_line",
        )


def one_line(text):
    """The text on one line: runs of control characters (line breaks included) become one space."""
    return " ".join(_FLATTEN.sub(" ", str(text)).split())
