from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes import moodle, scoring
from quizzes.models import Question, QuestionCategory

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"


def test_import_supported_types_and_report_the_rest():
    report = moodle.import_questions((DATA / "moodle_mixed.xml").read_bytes())
    status = {line.name: (line.imported, line.reason) for line in report}
    imported = {name for name, (ok, _reason) in status.items() if ok}
    assert imported == {"Rapport de 1988", "Familles de l'ISIC", "HCTS 2016", "Sigles", "Non-recours", "Démarche"}
    assert "rédigée" in status["Analyse de situation"][1]
    assert "calculée" in status["Budget"][1]
    assert "glisser-déposer" in status["Glisser"][1]
    assert "exactement une bonne réponse" in status["Sans bonne réponse"][1]
    assert "1 leurre" in status["Sigles"][1]

    category = QuestionCategory.objects.get(name="Notions")
    single = Question.objects.get(name="Rapport de 1988")
    assert single.category == category and single.qtype == "single"
    assert single.text == "Qui a formalisé l'ISIC en 1988 ?"
    assert single.explanation == "Le CSTS, dans un rapport de 1988."
    assert single.feedback_correct == "Bien vu." and single.feedback_incorrect == "Relisez le cours."
    assert [(c.text, c.is_correct, c.feedback) for c in single.choices.all()][:2] == [
        ("Le CSTS", True, "Oui."),
        ("Le HCTS", False, "Créé en 2016."),
    ]
    multiple = Question.objects.get(name="Familles de l'ISIC")
    assert multiple.qtype == "multiple"
    assert [c.text for c in multiple.choices.filter(is_correct=True)] == ["TSG", "DSL"]
    assert Question.objects.get(name="HCTS 2016").true_false_answer is True
    assert Question.objects.get(name="Non-recours").accepted_answer_list() == ["non-recours", "non recours"]
    assert [c.text for c in Question.objects.get(name="Démarche").choices.all()] == [
        "Diagnostic partagé",
        "Mobilisation",
        "Action",
    ]
    assert [(c.text, c.match_text) for c in Question.objects.get(name="Sigles").choices.all()] == [
        ("CCAS", "Centre communal d'action sociale"),
        ("CVS", "Conseil de la vie sociale"),
    ]


def test_export_then_import_round_trip(all_types):
    likert = all_types["single"].__class__.objects.create(
        category=all_types["single"].category, qtype="likert", name="Échelle", text="Je sais"
    )
    all_types["single"].explanation = "Explication avec < et & et\nune seconde ligne."
    all_types["single"].save()
    xml = moodle.export_questions(Question.objects.all())
    root = SafeET.fromstring(xml)
    types = [q.get("type") for q in root.findall("question")]
    assert types.count("category") == 1 and len(types) == 7, "six questions, the Likert scale is left out"
    before = {q.name: q for q in Question.objects.exclude(pk=likert.pk).prefetch_related("choices")}
    Question.objects.all().delete()
    report = moodle.import_questions(xml)
    assert all(line.imported for line in report) and len(report) == 6
    for name, original in before.items():
        copy = Question.objects.get(name=name)
        assert (copy.qtype, copy.text, copy.explanation, copy.true_false_answer) == (
            original.qtype,
            original.text,
            original.explanation,
            original.true_false_answer,
        )
        assert [(c.text, c.is_correct, c.match_text) for c in copy.choices.all()] == [
            (c.text, c.is_correct, c.match_text) for c in original.choices.all()
        ]
        assert copy.accepted_answer_list() == original.accepted_answer_list()
        assert not scoring.structure_errors(copy.qtype, list(copy.choices.all()), copy.accepted_answers)


def test_entity_expansion_and_non_moodle_files_are_refused():
    with pytest.raises(moodle.MoodleFileError):
        moodle.import_questions((DATA / "moodle_entities.xml").read_bytes())
    with pytest.raises(moodle.MoodleFileError):
        moodle.import_questions(b"<html><body>pas un export</body></html>")
    with pytest.raises(moodle.MoodleFileError):
        moodle.import_questions(b"<quiz><question")
    assert not Question.objects.exists()


def test_import_page_shows_a_per_question_report(client, trainer):
    client.force_login(trainer)
    upload = SimpleUploadedFile("export.xml", (DATA / "moodle_mixed.xml").read_bytes(), content_type="text/xml")
    response = client.post(reverse("quizzes:moodle_import"), {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "6 question(s) importée(s), 4 refusée(s)." in html
    assert "Analyse de situation" in html and "refusée" in html
    bad = SimpleUploadedFile("export.xml", b"<quiz><oops", content_type="text/xml")
    response = client.post(reverse("quizzes:moodle_import"), {"file": bad})
    assert response.status_code == 400 and "XML valide" in response.content.decode()


def test_export_download(client, trainer, all_types):
    client.force_login(trainer)
    response = client.get(reverse("quizzes:moodle_export"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    assert b'<question type="matching">' in response.content
    assert b"<!--" not in response.content  # nothing left out, so no comment


def test_export_without_sjt_questions_downloads_at_once_even_when_confirmed(client, trainer, all_types):
    client.force_login(trainer)
    for params in ({}, {"confirmer": "1"}):
        response = client.get(reverse("quizzes:moodle_export"), params)
        assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
