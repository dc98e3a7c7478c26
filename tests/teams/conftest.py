import pytest

from tests.factories import make_course, make_lesson, make_team, make_user


@pytest.fixture
def course(db):
    course = make_course(title="Mener un diagnostic partagé")
    make_lesson(course, title="Croiser les regards")
    make_lesson(course, title="Hiérarchiser les enjeux")
    return course


@pytest.fixture
def team(manager):
    members = [make_user(display_name=f"Membre {i}", first_name=f"Prénom{i}", last_name=f"Nom{i}") for i in range(3)]
    return make_team(manager=manager, members=members)
