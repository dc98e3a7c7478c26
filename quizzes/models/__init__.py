"""Question bank (categories, questions, choices), quizzes, attempts and the quiz pages."""

from .attempts import Answer, Attempt
from .bank import Choice, Question, QuestionCategory, QuestionType, ScoringRule
from .pages import QuizIndexPage, QuizPage
from .quiz import AnswerVisibility, Quiz, QuizItem, QuizKind

__all__ = [
    "Answer",
    "AnswerVisibility",
    "Attempt",
    "Choice",
    "Question",
    "QuestionCategory",
    "QuestionType",
    "ScoringRule",
    "Quiz",
    "QuizIndexPage",
    "QuizItem",
    "QuizKind",
    "QuizPage",
]
