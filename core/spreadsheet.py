"""One rule for every cell a person's text reaches in a CSV or XLSX file (team, case, quiz and session exports)."""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP's list).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as a cell may hold it: formulas neutralised, control characters no spreadsheet accepts removed."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value
