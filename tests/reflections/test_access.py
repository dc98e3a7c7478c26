"""Who sees which entry: the author always, trainers of the course once shared, nobody else (404)."""

import pytest
from django.urls import reverse

from accounts.permissions import Role
from courses.models import CoursePage
from reflections.access import trainers_for
from reflections.models import JournalEntry
from tests.factories import make_course_trainer, make_entry, make_team, make_user

pytestmark = pytest.mark.django_db


def _urls(entry):
    return {
        "detail": reverse("reflections:detail", args=[entry.pk]),
        "edit": reverse("reflections:edit", args=[entry.pk]),
        "share": reverse("reflections:share", args=[entry.pk]),
        "delete": reverse("reflections:delete", args=[entry.pk]),
    }


def _get(client, user, url):
    client.force_login(user)
    return client.get(url).status_code


def test_author_sees_and_manages_their_entry(client, learner):
    entry = make_entry(learner)
    for url in _urls(entry).values():
        assert _get(client, learner, url) == 200, url
    assert entry in JournalEntry.objects.visible_to(learner)


def test_private_entry_is_404_for_everyone_else(client, learner, other_learner, trainer, manager, admin_user):
    entry = make_entry(learner, html="<p>Texte privé à ne pas montrer.</p>")
    for user in (other_learner, trainer, manager, admin_user):
        for url in _urls(entry).values():
            assert _get(client, user, url) == 404, (user, url)
        assert not JournalEntry.objects.visible_to(user).filter(pk=entry.pk).exists()


def test_shared_entry_without_course_reaches_only_the_trainers_of_the_authors_teams(
    client, learner, other_learner, team_trainer, trainer, lead_trainer, manager
):
    entry = make_entry(learner, shared=True, html="<p>Texte partagé.</p>")
    for user in (team_trainer,):
        client.force_login(user)
        response = client.get(_urls(entry)["detail"])
        assert response.status_code == 200 and "Texte partagé." in response.content.decode()
        # Reading is not editing: the author's pages stay closed.
        assert client.get(_urls(entry)["edit"]).status_code == 404
        assert client.get(_urls(entry)["delete"]).status_code == 404
    # A trainer or lead trainer with no link to the author reads nothing: sharing is not publishing.
    for user in (other_learner, manager, trainer, lead_trainer):
        assert _get(client, user, _urls(entry)["detail"]) == 404


def test_shared_entry_of_a_course_reaches_only_its_course_and_team_trainers(client, learner, trainer):
    course_trainer = make_user(Role.TRAINER, display_name="Formatrice du module")
    course = make_course_trainer(course_trainer)
    team_trainer = make_user(Role.TRAINER, display_name="Formateur de l'équipe")
    make_team(members=[learner]).trainers.add(team_trainer)
    # Owning or revising the course page gives no access.
    owner = make_user(Role.TRAINER, display_name="Autrice du module")
    CoursePage.objects.filter(pk=course.pk).update(owner=owner)
    course.save_revision(user=trainer)
    entry = make_entry(learner, shared=True, course=course)
    assert _get(client, course_trainer, _urls(entry)["detail"]) == 200
    assert _get(client, team_trainer, _urls(entry)["detail"]) == 200
    assert _get(client, owner, _urls(entry)["detail"]) == 404
    assert _get(client, trainer, _urls(entry)["detail"]) == 404
    assert set(JournalEntry.objects.shared_with(course_trainer)) == {entry}
    assert set(trainers_for(entry)) == {course_trainer, team_trainer}


def test_a_draft_is_never_shown_to_a_trainer(client, learner, team_trainer):
    from reflections import services

    entry = make_entry(learner, shared=True, html="<p>Version enregistrée.</p>")
    services.autosave(entry, "Titre brouillon", "<p>Brouillon secret.</p>", entry.draft_revision)
    client.force_login(team_trainer)
    content = client.get(_urls(entry)["detail"]).content.decode()
    assert "Version enregistrée." in content
    assert "Brouillon secret." not in content and "Titre brouillon" not in content


def test_feedback_only_by_trainers_the_entry_is_shared_with(client, learner, other_learner, trainer, manager):
    private = make_entry(learner)
    url = reverse("reflections:feedback", args=[private.pk])
    for user in (trainer, other_learner, manager, learner):
        client.force_login(user)
        assert client.post(url, {"body_text": "Retour"}).status_code == 404


def test_shared_list_is_for_trainers_only(client, learner, manager, trainer, django_assert_max_num_queries):
    authors = [make_user(Role.LEARNER) for _index in range(5)]
    make_team(members=authors).trainers.add(trainer)
    for index, author in enumerate(authors):
        make_entry(author, title=f"Entrée {index}", shared=True)
    client.force_login(learner)
    assert client.get(reverse("reflections:shared")).status_code == 403
    client.force_login(manager)
    assert client.get(reverse("reflections:shared")).status_code == 403
    client.force_login(trainer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("reflections:shared"))
    assert response.status_code == 200
    assert response.content.decode().count("Entrée ") >= 5


def test_journal_list_shows_only_own_entries_in_few_queries(
    client, learner, other_learner, django_assert_max_num_queries
):
    for index in range(6):
        make_entry(learner, title=f"Mienne {index}")
    make_entry(other_learner, title="Celle de Sacha")
    client.force_login(learner)
    with django_assert_max_num_queries(12):
        content = client.get(reverse("reflections:journal")).content.decode()
    assert content.count("Mienne ") == 6 and "Celle de Sacha" not in content


def test_anonymous_visitors_are_sent_to_login(client, learner):
    entry = make_entry(learner)
    for url in [*_urls(entry).values(), reverse("reflections:journal"), reverse("reflections:export_pdf")]:
        response = client.get(url)
        assert response.status_code == 302 and "/comptes/login/" in response["Location"]
