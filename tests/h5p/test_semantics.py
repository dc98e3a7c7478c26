"""Content is validated against its libraries' semantics.json, as H5P's PHP core does, on every upload.

The stored content.json is the validated one: what the player serves to learners. Each test runs with the
libraries inside the package and with a content-only package whose libraries are already in the store.
"""

import pytest

from h5p.packages import PackageError
from h5p.semantics import ContentValidator, escape, validate_content

from .builders import (
    MEDIA,
    MEDIA_SEMANTICS,
    QUESTION,
    QUESTION_SEMANTICS,
    SUB_CONTENT_ID,
    h5p_json,
    install,
    package,
    stored_json,
    valid_content,
)

pytestmark = pytest.mark.django_db

SEMANTICS = {f"{QUESTION} 1.0": QUESTION_SEMANTICS, f"{MEDIA} 1.0": MEDIA_SEMANTICS}


@pytest.fixture(params=["libraries-in-package", "libraries-in-store"])
def upload_content(request, media_root):
    """Install content the way the parameter says; returns the installed activity."""
    if request.param == "libraries-in-store":
        install(package())

    def upload(content, **kwargs):
        return install(package(content, with_libraries=request.param == "libraries-in-package", **kwargs))

    return upload


def test_script_in_html_fields_is_filtered_out_and_allowed_tags_stay(upload_content):
    question = (
        "<p>Choisissez <strong>une</strong> réponse <img src=x onerror=\"fetch('/journal/')\"></p>"
        "<script>alert(document.cookie)</script>"
        '<a href="javascript:alert(1)">piège</a> <a href="https://exemple.fr/aide" onclick="x()">aide</a>'
        '<p style="position:fixed;top:0">couvre</p><em onmouseover="x()">souligné</em>'
        "<table><tr><td>case</td></tr></table><iframe src=https://exemple.fr></iframe>"
    )
    activity = upload_content(valid_content(question=question))
    stored = stored_json(activity)["question"]
    for forbidden in ("onerror", "<img", "<script", "javascript:", "onclick", "style=", "position", "onmouseover"):
        assert forbidden not in stored
    assert "<iframe" not in stored
    assert "<strong>une</strong>" in stored
    assert '<a href="https://exemple.fr/aide">aide</a>' in stored
    assert "<em>souligné</em>" in stored
    assert "<table><tbody><tr><td>case</td></tr></tbody></table>" in stored or "<table><tr><td>" in stored


def test_styles_kept_only_where_the_semantics_allow(upload_content):
    intro = (
        '<p style="color: #ff0000; background-image: url(https://pistage.example/x.png)">rouge</p>'
        '<span style="text-align: center">centré</span><strong style="color: #00ff00">gras</strong>'
    )
    stored = stored_json(upload_content(valid_content(intro=intro)))["intro"]
    assert '<p style="color: #ff0000">rouge</p>' in stored
    assert '<span style="text-align: center">centré</span>' in stored
    assert "url(" not in stored and "background-image" not in stored
    assert "<strong>gras</strong>" in stored  # strong is not a styleable tag in H5P


def test_sub_content_is_validated_against_its_own_semantics(upload_content):
    media = {
        "library": f"{MEDIA} 1.0",
        "params": {"caption": '<em>Photo</em><img src=x onerror="alert(1)">', "unknown": "<script>"},
        "subContentId": SUB_CONTENT_ID,
        "extra": "dropped",
    }
    stored = stored_json(upload_content(valid_content(media=media)))["media"]
    assert stored == {
        "library": f"{MEDIA} 1.0",
        "params": {"caption": "<em>Photo</em>"},
        "subContentId": SUB_CONTENT_ID,
    }


def test_plain_text_numbers_selects_booleans_and_lists_are_corrected_like_h5p(upload_content):
    content = valid_content(
        label='<b onmouseover="x">Vérifier</b> & co',
        passPercentage=150,
        ratio=0.12345,
        randomize="oui",
        mode="<script>",
        answers=[{"text": f"<em>R{i}</em>", "correct": i == 0, "hack": "<script>"} for i in range(5)],
        unknownKey="<img src=x onerror=alert(1)>",
    )
    stored = stored_json(upload_content(content))
    assert stored["label"] == "&lt;b onmouseover="  # escaped, then cut at maxLength 20 (not inside an entity)
    assert stored["passPercentage"] == 100
    assert stored["ratio"] == 0.12
    assert stored["randomize"] is True  # not a boolean: the field's default
    assert stored["mode"] == "auto"  # not an option: the first option
    assert len(stored["answers"]) == 3  # max 3
    assert stored["answers"][0] == {"text": "<em>R0</em>", "correct": True}
    assert "unknownKey" not in stored
    assert stored["feedback"] == ["Bravo"]  # a one-field group is stored as its field, as the H5P editor does


def test_negative_and_non_numeric_numbers(upload_content):
    stored = stored_json(upload_content(valid_content(passPercentage=-5, ratio="beaucoup")))
    assert stored["passPercentage"] == 0
    assert stored["ratio"] == 0


def test_a_library_not_allowed_by_the_semantics_is_refused(upload_content):
    media = {"library": f"{QUESTION} 1.0", "params": {}}
    with pytest.raises(PackageError) as refused:
        upload_content(valid_content(media=media))
    message = " ".join(refused.value.messages)
    assert "H5P.TestQuestion 1.0" in message and "seules celles-ci sont permises : H5P.TestMedia 1.0" in message


@pytest.mark.parametrize(
    ("path", "mime", "expected"),
    [
        ("../../../etc/passwd", "image/png", "chemin relatif dans le dossier content/"),
        ("/etc/passwd", "image/png", "chemin relatif dans le dossier content/"),
        ("javascript:alert(1)", "image/png", "chemin relatif dans le dossier content/"),
        ("images/.htaccess", "image/png", "chemin relatif dans le dossier content/"),
        ("images/photo.png", "text/html", "ne convient pas à ce champ"),
    ],
)
def test_files_must_stay_in_content_with_a_fitting_type(upload_content, path, mime, expected):
    with pytest.raises(PackageError) as refused:
        upload_content(valid_content(image={"path": path, "mime": mime}))
    assert expected in " ".join(refused.value.messages)


def test_h5p_json_metadata_is_escaped_for_the_player_but_not_in_the_admin(upload_content):
    title = "Questions <img src=x onerror=alert(1)> & réponses"
    activity = upload_content(None, h5p=h5p_json(title=title, authors=[{"name": "<b>Zoé</b>", "role": "Author"}]))
    served = stored_json(activity, "h5p.json")
    assert served["title"] == "Questions &lt;img src=x onerror=alert(1)&gt; &amp; réponses"
    assert served["authors"] == [{"name": "&lt;b&gt;Zoé&lt;/b&gt;", "role": "Author"}]
    assert served["mainLibrary"] == QUESTION
    assert activity.content_title == title  # Django escapes it when rendering the admin


def test_replacing_a_package_validates_the_new_content(media_root):
    activity = install(package())
    install(package(valid_content(question="<p onclick='x()'>Nouvelle</p>")), activity=activity)
    activity.refresh_from_db()
    assert stored_json(activity)["question"] == "<p>Nouvelle</p>"


def test_a_library_without_semantics_cannot_carry_content(media_root):
    from .builders import library_files, package_entries, zip_bytes

    entries = {**package_entries(), **library_files(QUESTION, None, dependencies=[MEDIA])}
    entries.pop(f"{QUESTION}-1.0/semantics.json", None)
    with pytest.raises(PackageError) as refused:
        install(zip_bytes(entries))
    assert "n'a pas de fichier semantics.json" in " ".join(refused.value.messages)


# The validator on its own, without packages.


def _validate(content):
    return validate_content(content, f"{QUESTION} 1.0", SEMANTICS.get)


def test_validation_is_idempotent():
    once = _validate(valid_content(label="a & b <c>", question="<p>x &amp; y</p>"))
    assert _validate(once) == once
    assert once["label"] == "a &amp; b &lt;c&gt;"


def test_escape_keeps_existing_entities_like_htmlspecialchars():
    assert escape("&amp; & &#39; &eacute; \"'") == "&amp; &amp; &#39; &eacute; &quot;&#039;"


def test_a_library_that_contains_itself_cannot_nest_without_end():
    looping = [{"name": "inner", "type": "library", "options": ["H5P.Loop 1.0"]}]
    content = {}
    for _ in range(400):
        content = {"inner": {"library": "H5P.Loop 1.0", "params": content}}
    from h5p.semantics import SemanticsError

    with pytest.raises(SemanticsError, match="imbriqué trop profondément"):
        ContentValidator({"H5P.Loop 1.0": looping}.get).validate_params(content, "H5P.Loop 1.0")


def test_malformed_semantics_fields_never_crash():
    odd = [
        {"name": "a", "type": "list"},
        {"name": "b", "type": "group", "fields": "x"},
        {"type": "text"},
        {"name": "c"},
    ]
    assert ContentValidator({"X 1.0": odd}.get).validate_params({"a": [1], "b": {"z": 1}, "c": 2}, "X 1.0") == {"b": {}}


def test_video_sources_may_be_external_but_never_scripts():
    field = {"name": "v", "type": "video"}
    validator = ContentValidator(lambda name: None)
    sources = [
        {"path": "https://www.youtube.com/watch?v=abc", "mime": "video/YouTube"},
        {"path": "v.mp4", "mime": "video/mp4"},
    ]
    assert validator.field(sources, field) == sources
    from h5p.semantics import SemanticsError

    with pytest.raises(SemanticsError):
        validator.field([{"path": "javascript:alert(1)", "mime": "video/mp4"}], field)


def test_a_semantics_asking_for_dangerous_tags_never_gets_them():
    field = {"name": "t", "type": "text", "tags": ["script", "iframe", "img", "style", "object", "strong"]}
    html = (
        '<script>x</script><iframe src="https://a.example"></iframe><img src="a.png"><style>p{}</style>'
        "<strong>ok</strong>"
    )
    cleaned = ContentValidator(lambda name: None).field(html, field)
    assert "<strong>ok</strong>" in cleaned
    for tag in ("<script", "<iframe", "<img", "<style", "<object"):
        assert tag not in cleaned


def test_deeply_nested_html_is_refused_before_the_slow_html_parser():
    from h5p.semantics import SemanticsError

    field = {"name": "t", "type": "text", "tags": ["ul"]}
    validator = ContentValidator(lambda name: None)
    assert validator.field("<ul><li>" * 40 + "fin", field).count("<ul>") == 40
    with pytest.raises(SemanticsError, match="plus de 100 balises HTML"):
        validator.field("<ul><li>" * 10_000, field)
