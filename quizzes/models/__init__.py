"""Question bank (categories, questions, choices), quizzes, attempts and the quiz pages."""

from .attempts import Answer, Attempt
from .bank import Choice, Question, QuestionCategory, QuestionType, ScoringRule, SjtMode
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
    "SjtMode",
    "Quiz",
    "QuizIndexPage",
    "QuizItem",
    "QuizKind",
    "QuizPage",
]
