"""Probable personal data of the people a learner accompanies, found before an entry is shared.

It is a warning, not a block: the patterns are deliberately broad (a false alarm costs a click, a missed
address could identify someone). Each finding says what kind of data it looks like and where it is.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

KINDS = {
    "email": _("adresse e-mail"),
    "phone": _("numéro de téléphone"),
    "nir": _("numéro de sécurité sociale"),
    "address": _("adresse postale"),
}

_STREET_TYPES = (
    r"rue|avenue|av\.|boulevard|bd|place|impasse|all[ée]e|chemin|route|quai|cours|square|passage|r[ée]sidence|"
    r"cit[ée]|lotissement|hameau|lieu-dit|villa|voie|sentier|faubourg|rond-point|parvis|esplanade"
)

PATTERNS = [
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)),
    # NIR: sex, year, month, department (2A/2B for Corsica), commune, order number, then an optional 2-digit key,
    # written in one block or with spaces, dots or dashes between the groups.
    (
        "nir",
        re.compile(
            r"(?<!\d)[1-478][\s.-]?\d{2}[\s.-]?(?:0[1-9]|1[0-2]|[2-9]\d)[\s.-]?(?:\d{2}|2[AaBb])[\s.-]?\d{3}"
            r"[\s.-]?\d{3}(?:[\s.-]?\d{2})?(?!\d)"
        ),
    ),
    # French numbers: 0X XX XX XX XX, +33 X XX..., 0033..., with spaces, dots or dashes.
    ("phone", re.compile(r"(?<![\d+])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")),
    (
        "address",
        re.compile(
            r"\b\d{1,4}(?:\s?(?:bis|ter|[A-Da-d]))?,?\s+(?:" + _STREET_TYPES + r")\s+"
            r"(?:(?:de|du|des|la|le|les|l['’]|d['’])\s*)*[A-ZÀ-Ýa-zß-ÿ][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,4}",
            re.IGNORECASE | re.UNICODE,
        ),
    ),
]


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self):
        return KINDS[self.kind]


def find_personal_data(text):
    """Non-overlapping findings in reading order; earlier patterns win an overlap (a NIR is not a phone)."""
    findings = []
    taken = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text or ""):
            start, end = match.span()
            if any(start < t_end and end > t_start for t_start, t_end in taken):
                continue
            taken.append((start, end))
            findings.append(Finding(kind, start, end, match.group(0)))
    return sorted(findings, key=lambda f: f.start)


def highlight(text, findings):
    """The text, escaped, with each finding wrapped in <mark> and its kind spelled out for screen readers."""
    parts = []
    position = 0
    for finding in findings:
        parts.append(escape(text[position : finding.start]))
        parts.append(
            f'<mark class="pii-mark"><span class="visually-hidden">[{escape(finding.label)}] </span>'
            f"{escape(finding.text)}</mark>"
        )
        position = finding.end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped
