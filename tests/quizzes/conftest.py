import pytest

from tests.factories import make_all_types, make_quiz, make_quiz_page


@pytest.fixture
def all_types(db):
    return make_all_types()


@pytest.fixture
def quiz(all_types):
    quiz = make_quiz(list(all_types.values()), pass_mark=50)
    make_quiz_page(quiz)
    return quiz
