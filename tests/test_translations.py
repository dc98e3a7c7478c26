"""French is the source language of every UI string; the English catalogue must translate all of them."""

from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def test_english_catalogue_is_complete():
    with open(LOCALE / "en" / "LC_MESSAGES" / "django.po", "rb") as handle:
        catalogue = read_po(handle)
    missing = [
        message.id
        for message in catalogue
        if message.id
        and (message.fuzzy or not (message.string if isinstance(message.string, str) else all(message.string)))
    ]
    assert not missing, f"{len(missing)} untranslated English strings, e.g. {missing[:5]}"


def test_placeholders_are_kept_in_translations():
    import re

    with open(LOCALE / "en" / "LC_MESSAGES" / "django.po", "rb") as handle:
        catalogue = read_po(handle)
    pattern = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
    for message in catalogue:
        if message.id and isinstance(message.id, str) and message.string:
            assert sorted(pattern.findall(message.id)) == sorted(pattern.findall(message.string)), message.id
