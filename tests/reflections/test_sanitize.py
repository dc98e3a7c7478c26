import pytest
from bs4 import BeautifulSoup

from reflections.sanitize import MAX_TEXT_LENGTH, clean_html, html_to_text, text_to_html
from tests.reflections.payloads import HOSTILE_PAYLOADS

ALLOWED = {"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "blockquote", "a"}


def assert_nothing_executable(html):
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        assert element.name in ALLOWED, f"{element.name} survived in {html!r}"
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), html
            assert name in {"href", "title", "rel"}, f"attribute {name} survived in {html!r}"
            if name == "href":
                assert value.startswith(("http://", "https://", "mailto:")), html
    lowered = html.lower()
    for marker in ("<script", "javascript:", "vbscript:", "data:", "expression(", "<iframe", "<svg", "<style"):
        assert marker not in lowered, f"{marker} survived in {html!r}"


def test_there_are_at_least_forty_payloads():
    assert len(HOSTILE_PAYLOADS) >= 40


@pytest.mark.parametrize("payload", HOSTILE_PAYLOADS)
def test_hostile_payload_is_neutralised(payload):
    cleaned = clean_html(payload)
    assert_nothing_executable(cleaned)
    assert clean_html(cleaned) == cleaned  # stable: cleaning stored HTML again changes nothing


def test_all_payloads_together_are_neutralised():
    assert_nothing_executable(clean_html("".join(HOSTILE_PAYLOADS)))


def test_light_formatting_is_kept():
    html = (
        "<p>Un <strong>mot</strong>, un <em>autre</em><br>à la ligne.</p>"
        "<ul><li>un</li></ul><ol><li>deux</li></ol><blockquote><p>citation</p></blockquote>"
        '<p><a href="https://exemple.fr/page" title="Exemple">lien</a> <a href="mailto:a@exemple.fr">écrire</a></p>'
    )
    cleaned = clean_html(html)
    assert "<strong>mot</strong>" in cleaned and "<em>autre</em>" in cleaned and "<br>" in cleaned
    assert "<ul><li>un</li></ul>" in cleaned and "<ol><li>deux</li></ol>" in cleaned and "<blockquote>" in cleaned
    assert '<a href="https://exemple.fr/page" title="Exemple" rel="nofollow noopener">lien</a>' in cleaned
    assert '<a href="mailto:a@exemple.fr" rel="nofollow noopener">écrire</a>' in cleaned


def test_rel_is_forced_and_unknown_markup_is_unwrapped():
    cleaned = clean_html('<div class="x" id="y"><a href="http://a.fr" rel="opener" target="_blank">a</a></div>')
    assert cleaned == '<a href="http://a.fr" rel="nofollow noopener">a</a>'


def test_script_content_is_dropped_not_shown_as_text():
    assert clean_html("<p>avant</p><script>alert(1)</script><p>après</p>") == "<p>avant</p><p>après</p>"


def test_plain_text_fallback_makes_paragraphs_lists_and_quotes_and_escapes():
    html = text_to_html("Premier paragraphe\nsuite\n\n- un\n- deux\n\n> citée\n\n<script>alert(1)</script>")
    assert html == (
        "<p>Premier paragraphe<br>suite</p><ul><li>un</li><li>deux</li></ul>"
        "<blockquote><p>citée</p></blockquote><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
    assert html_to_text(html).startswith("Premier paragraphe\nsuite\n\n- un\n- deux")


def test_max_length_is_generous_but_finite():
    assert MAX_TEXT_LENGTH == 50_000


def test_concurrent_cleaning_never_mixes_texts():
    """gunicorn runs requests in threads: each text comes back as its own, whatever the others clean meanwhile."""
    from concurrent.futures import ThreadPoolExecutor

    def clean_own(number):
        text = f"<p>Entrée de la personne {number} : <strong>{'mot ' * 200}</strong><em>fin {number}</em></p>"
        return number, clean_html(text)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(clean_own, range(200)))
    for number, cleaned in results:
        assert f"personne {number} :" in cleaned and f"fin {number}</em>" in cleaned
        assert cleaned.count("personne") == 1


def test_deeply_nested_formatting_is_refused_before_parsing():
    from django.core.exceptions import ValidationError

    from reflections.sanitize import MAX_NESTING_DEPTH, nesting_depth
    from reflections.services import prepare

    nested = "<b><i>" * 30_000 + "texte"
    assert nesting_depth(nested) == 60_000
    with pytest.raises(ValidationError) as raised:
        prepare("Titre", raw_html=nested)
    assert raised.value.code == "too_nested" and "imbriquées" in raised.value.messages[0]
    ordinary = "<p>un <strong>deux <em>trois</em></strong><br>quatre</p>" * 100
    assert nesting_depth(ordinary) == 3 <= MAX_NESTING_DEPTH
    assert prepare("Titre", raw_html=ordinary)[1]


def test_only_bleach_public_api_is_used():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for path in root.glob("*/**/*.py")
        if path.parts[len(root.parts)] not in {".venv", "tests"}
        and any(private in path.read_text() for private in ("html5lib_shim", "bleach._vendor", "bleach.sanitizer._"))
    ]
    assert not offenders
