"""Durations computed from the content, not declared: what a training certificate may honestly state.

A lesson lasts the reading time of its text plus an estimate per activity it holds:

- reading at READING_WORDS_PER_MINUTE (200 words a minute, a common figure for attentive professional reading
  in French, slower than leisure reading) over every word of its non-activity blocks (text, headings, key points,
  glossary, testimonies, references, video transcripts);
- each activity block adds ACTIVITY_MINUTES for its kind, or its own figure when it has one (a quiz's time limit).

A course lasts the sum of its live lessons. An author may override either figure with a reason, which trainers
see beside the duration. Attendance evidence and certificates read the stored `duration_minutes`, which always
holds the computed (or overridden) value.
"""

import math

from wagtail import blocks

from core.activities import ActivityBlockMixin

READING_WORDS_PER_MINUTE = 200

# Minutes an activity takes a learner when it says nothing itself: a branching case is read and justified node by
# node; a quiz of about ten questions; a written reflection; a short interactive H5P exercise.
ACTIVITY_MINUTES = {"case": 20, "quiz": 10, "reflection": 10, "h5p": 5}


def words_in(text):
    return len(text.split())


def readable_text(block, value):
    """Wagtail's searchable text of a block (rich text without markup), less the labels of choice fields (a
    heading's level): those are not read, and they follow the active language."""
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child_block in block.child_blocks.items()
            if not isinstance(child_block, blocks.ChoiceBlock)
            for text in readable_text(child_block, value.get(name))
        ]
    return block.get_searchable_content(value)


def block_words(child):
    """Words a reader reads in one non-activity block."""
    return sum(words_in(str(piece)) for piece in readable_text(child.block, child.value))


def activity_minutes(child):
    """The activity's own duration when it has one (a quiz's time limit), else the estimate for its kind."""
    kind = child.block.activity_kind
    if kind == "quiz":
        quiz = child.value.get("quiz")
        limit = getattr(quiz, "time_limit_minutes", None)
        if limit:
            return limit
    return ACTIVITY_MINUTES.get(kind, 0)


def reading_words(body):
    return sum(block_words(child) for child in body if not isinstance(child.block, ActivityBlockMixin))


def computed_lesson_minutes(body):
    """Reading time rounded up to the minute, plus every activity's minutes; at least one minute."""
    reading = math.ceil(reading_words(body) / READING_WORDS_PER_MINUTE)
    activities = sum(activity_minutes(child) for child in body if isinstance(child.block, ActivityBlockMixin))
    return max(reading + activities, 1)


def computed_course_minutes(course):
    """The sum of the durations of the course's live lessons."""
    from .models import LessonPage

    if not course.pk:
        return 0
    return sum(LessonPage.objects.child_of(course).live().values_list("duration_minutes", flat=True))


def refresh_course_duration(course):
    """Store the course's duration after one of its lessons changed, without a new revision of the course."""
    from .models import CoursePage

    course = course.specific
    course.duration_minutes = course.effective_minutes()
    CoursePage.objects.filter(pk=course.pk).update(duration_minutes=course.duration_minutes)
