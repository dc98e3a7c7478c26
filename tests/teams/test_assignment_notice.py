"""When a manager assigns a module, each learner concerned gets a notice on « Mon espace » and an e-mail (queued
after commit); nobody sees another person's notices."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone, translation

from accounts import notices
from accounts.models import Notice
from teams.assigning import assign_courses
from tests.factories import make_team, make_user

pytestmark = pytest.mark.django_db

DUE = timezone.localdate() + timedelta(days=60)


def shown_date(language):
    with translation.override(language):
        return date_filter(DUE, "j F Y")


def my_space(client):
    return client.get(reverse("my_space")).content.decode()


@pytest.fixture
def team(manager, learner, other_learner):
    return make_team(manager=manager, members=[learner, other_learner])


def assign_in_view(client, manager, team, course, callbacks, learners=None):
    client.force_login(manager)
    data = {
        "courses": [course.pk],
        "due_date": DUE.isoformat(),
        "remind_days_before": 7,
        "target": "members" if learners else "team",
        "learners": [user.pk for user in learners or []],
    }
    with callbacks(execute=True):
        response = client.post(reverse("teams:assign", args=[team.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    told = [str(message) for message in get_messages(response.wsgi_request)]
    assert told == ["1 module affecté : chaque personne concernée est prévenue par e-mail et dans « Mon espace »."]
    client.logout()


def test_assigning_to_the_team_gives_each_learner_a_notice_and_a_queued_email(
    team, course, manager, learner, other_learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        assign_courses(team, [course], DUE, created_by=manager)
    assert not mail.outbox  # queued after commit, not sent inside the request's transaction
    for user in (learner, other_learner):
        notice = Notice.objects.get(user=user)
        assert (notice.kind, notice.title, notice.due_date, notice.read_at) == ("assignment", course.title, DUE, None)
        assert notice.link == course.url
    for callback in callbacks:
        callback()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([learner.email, other_learner.email])
    message = next(m for m in mail.outbox if m.to == [learner.email])
    assert course.title in message.subject
    assert shown_date("fr") in message.body and "/mon-espace/" in message.body and course.url in message.body
    assert manager.email not in {m.to[0] for m in mail.outbox}  # managers are not the learners concerned


def test_assigning_to_one_learner_tells_only_that_learner(
    client, team, course, manager, learner, other_learner, django_capture_on_commit_callbacks
):
    assign_in_view(client, manager, team, course, django_capture_on_commit_callbacks, learners=[learner])
    assert Notice.objects.filter(user=learner).count() == 1
    assert not Notice.objects.filter(user=other_learner).exists()
    assert [m.to for m in mail.outbox] == [[learner.email]]


def test_the_notice_shows_on_my_space_with_the_localised_due_date_then_counts_as_read(
    client, team, course, manager, learner, django_capture_on_commit_callbacks
):
    client.force_login(learner)
    assert "Mes avis" not in my_space(client)  # cached before the assignment
    assign_courses(team, [course], DUE, created_by=manager)
    html = my_space(client)
    assert "Mes avis" in html and "Nouveau" in html
    assert f"Module à suivre : « {course.title} », à terminer pour le {shown_date('fr')}." in html
    assert Notice.objects.get(user=learner).read_at is not None  # shown: read
    html = my_space(client)
    assert "Mes avis" in html and "Nouveau" not in html  # still listed, no longer new
    learner.preferred_language = "en"
    learner.save()
    with translation.override("en"):
        assert shown_date("en") in my_space(client)


def test_a_learner_never_sees_another_learners_notices(client, team, course, manager, learner, other_learner):
    assign_courses(team, [course], DUE, learners=[other_learner], created_by=manager)
    client.force_login(learner)
    html = my_space(client)
    assert "Mes avis" not in html and course.title not in html
    assert notices.recent_for(learner) == []
    assert notices.mark_read(learner) == 0  # cannot mark someone else's notice either
    assert Notice.objects.get(user=other_learner).read_at is None
    other = Notice.objects.get(user=other_learner)
    assert notices.mark_read(learner, [other.pk]) == 0 and Notice.objects.get(pk=other.pk).read_at is None


def test_mark_read_marks_only_the_persons_unread_notices(learner, other_learner):
    notices.notify([learner.pk, other_learner.pk], Notice.Kind.ASSIGNMENT, "Module A", "/a/", DUE)
    assert notices.mark_read(learner) == 1
    assert notices.mark_read(learner) == 0
    assert Notice.objects.get(user=other_learner).read_at is None
    assert Notice.objects.get(user=learner).read_at <= timezone.now()


def test_my_space_stays_within_a_fixed_number_of_queries_however_many_notices(
    client, learner, django_assert_max_num_queries
):
    client.force_login(learner)
    my_space(client)
    for n in range(30):
        notices.notify([learner.pk], Notice.Kind.ASSIGNMENT, f"Module {n}", f"/m{n}/", DUE)
    with django_assert_max_num_queries(12) as first:  # one SELECT and one UPDATE for thirty notices
        html = my_space(client)
    notice_queries = [q for q in first.captured_queries if "accounts_notice" in q["sql"]]
    assert len(notice_queries) == 2
    assert "Module 29" in html and "Module 19" not in html  # the ten most recent
    assert "Nouveau" not in my_space(client)  # shown once as new: redrawn as read
    with django_assert_max_num_queries(50) as third:
        assert "Module 29" in my_space(client)
    tables = " ".join(query["sql"] for query in third.captured_queries)
    assert "accounts_notice" not in tables  # then served from the cache


def test_a_new_member_added_later_gets_no_notice_for_old_assignments(team, course, manager):
    assign_courses(team, [course], DUE, created_by=manager)
    newcomer = make_user(display_name="Nouvelle")
    from teams.assigning import add_member

    add_member(team, newcomer)
    assert not Notice.objects.filter(user=newcomer).exists()


def test_a_notice_links_only_to_a_path_on_this_site(learner):
    notices.notify([learner.pk], Notice.Kind.ASSIGNMENT, "A", "javascript:alert(1)", DUE)
    notices.notify([learner.pk], Notice.Kind.ASSIGNMENT, "B", "//ailleurs.example/x", DUE)
    notices.notify([learner.pk], Notice.Kind.ASSIGNMENT, "C", "/apprentissage/c/", DUE)
    assert dict(Notice.objects.values_list("title", "link")) == {"A": "", "B": "", "C": "/apprentissage/c/"}


def test_a_failed_assignment_email_is_retried_later(learner, team, course, manager, monkeypatch):
    from teams import assignment_notices, tasks

    assignment = assign_courses(team, [course], DUE, learners=[learner], created_by=manager)[0]
    retries = []
    monkeypatch.setattr(tasks, "retry_later", lambda *args, **kwargs: retries.append((args, kwargs)))

    def broken(*args):
        raise OSError("SMTP indisponible")

    monkeypatch.setattr(assignment_notices, "send_mail", broken)
    with pytest.raises(OSError):
        tasks.send_assignment_email_task.call(learner.pk, [assignment.pk])
    assert retries and retries[0][0][1:] == (learner.pk, [assignment.pk]) and retries[0][1]["attempt"] == 1
