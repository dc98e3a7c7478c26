"""Site-wide search: the modules, lessons, cases and quiz pages a person can open, through Wagtail's search index
(on PostgreSQL the `collectif_french` text-search configuration stems French words: « locataire » finds
« locataires »)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from cases.models import CasePage
from courses.models import CoursePage, LessonPage
from quizzes.models import QuizPage

SEARCHABLE_TYPES = (CoursePage, LessonPage, CasePage, QuizPage)
MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 20


def searchable_pages():
    """Published pages without a view restriction, of the kinds a learner opens."""
    return Page.objects.live().public().type(*SEARCHABLE_TYPES).specific()


def query_problem(query):
    """A French message when the query cannot be searched, else None."""
    if len(query) < MIN_QUERY_LENGTH:
        return _("Tapez au moins %(count)d caractères.") % {"count": MIN_QUERY_LENGTH}
    if len(query) > MAX_QUERY_LENGTH:
        return _("Votre recherche est trop longue : %(count)d caractères au plus.") % {"count": MAX_QUERY_LENGTH}
    return None


def course_titles_by_path(pages):
    """The title of each lesson's module, in one query (a lesson's parent path is its path minus one step)."""
    step = Page.steplen
    parent_paths = {page.path[:-step] for page in pages if isinstance(page, LessonPage)}
    if not parent_paths:
        return {}
    return dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))


def describe(page, course_titles):
    summary = getattr(page, "summary", "") or getattr(page, "intro", "") or page.search_description
    return {
        "page": page,
        "kind": page._meta.verbose_name,
        "summary": summary,
        "course_title": course_titles.get(page.path[: -Page.steplen]) if isinstance(page, LessonPage) else None,
    }


@login_required
def search(request):
    query = " ".join(request.GET.get("q", "").split())
    context = {"query": query, "results": [], "page_obj": None, "problem": None}
    if query:
        context["problem"] = query_problem(query)
    if query and not context["problem"]:
        page_obj = Paginator(searchable_pages().search(query), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        pages = list(page_obj.object_list)
        course_titles = course_titles_by_path(pages)
        context.update(page_obj=page_obj, results=[describe(page, course_titles) for page in pages])
    return render(request, "home/search.html", context)
