"""The catalogue: filters (competence domain, level, duration), Wagtail search and pagination.

Search runs over courses and lessons: a lesson that matches brings its course into the results.
"""

from django import forms
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.diplomas import framework_for_request
from core.cache_versions import version
from core.models import CompetenceDomain

from .models import CoursePage, LessonPage
from .progression import progress_for_courses

PER_PAGE = 12  # four rows of three cards: a screenful or two, then "Page suivante"
CARD_TEMPLATE = "courses/includes/course_card.html"
CARD_TIMEOUT = 24 * 3600
# Duration buckets in minutes: (value, label, lower bound included, upper bound included).
DURATIONS = [
    ("court", _("1 heure ou moins"), 0, 60),
    ("moyen", _("De 1 à 3 heures"), 61, 180),
    ("long", _("Plus de 3 heures"), 181, None),
]


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Rechercher une formation"), required=False, max_length=200)
    domaine = forms.ChoiceField(label=_("Domaine de compétences"), required=False)
    niveau = forms.ChoiceField(
        label=_("Niveau"), required=False, choices=[("", _("Tous les niveaux")), *CoursePage.Level.choices]
    )
    duree = forms.ChoiceField(
        label=_("Durée"),
        required=False,
        choices=[("", _("Toutes les durées"))] + [(value, label) for value, label, *_bounds in DURATIONS],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"
        self.fields["domaine"].choices = [("", _("Tous les domaines"))] + [
            (domain.code, str(domain)) for domain in CompetenceDomain.objects.all()
        ]


def search_course_ids(catalogue, query):
    """Ids of the courses whose own text or one of whose lessons matches, best matches first."""
    courses = CoursePage.objects.live().descendant_of(catalogue).search(query)
    lessons = LessonPage.objects.live().descendant_of(catalogue).search(query)
    ids = [course.pk for course in courses]
    parent_paths = [lesson.path[: -LessonPage.steplen] for lesson in lessons]
    if parent_paths:
        by_path = dict(CoursePage.objects.filter(path__in=parent_paths).values_list("path", "pk"))
        ids += [by_path[path] for path in parent_paths if path in by_path]
    return list(dict.fromkeys(ids))


def filtered_courses(catalogue, data):
    courses = CoursePage.objects.live().descendant_of(catalogue).order_by("title")
    if data.get("domaine"):
        courses = courses.filter(domains__code=data["domaine"])
    if data.get("niveau"):
        courses = courses.filter(level=data["niveau"])
    for value, _label, low, high in DURATIONS:
        if data.get("duree") == value:
            courses = courses.filter(duration_minutes__gte=low)
            if high is not None:
                courses = courses.filter(duration_minutes__lte=high)
    if data.get("q"):
        ids = search_course_ids(catalogue, data["q"])
        rank = {pk: index for index, pk in enumerate(ids)}
        return sorted(courses.filter(pk__in=ids), key=lambda c: rank[c.pk])
    return courses


def course_cards(request, courses):
    """{course pk: the card's HTML}, the same for every reader of a diploma, cached per published version of each
    course.

    One round trip to the cache for the whole page (where a fragment cache per card asks 24 times), and the
    domains are read from the database only for the cards being drawn. The key changes when the course is
    published again, when a competence domain or title changes (they are on the card), with the reader's diploma
    (its titles name the domains) and with the language.
    """
    domains = version("competence-domains")
    framework = framework_for_request(request)
    titles = framework.pk if framework else "-"
    keys = {course.pk: f"course-card:{course.cache_key}:{domains}:{titles}:{get_language()}" for course in courses}
    cards = cache.get_many(list(keys.values()))
    missing = [course for course in courses if keys[course.pk] not in cards]
    if missing:
        prefetch_related_objects(missing, "domains")
        drawn = {keys[c.pk]: render_to_string(CARD_TEMPLATE, {"course": c}, request) for c in missing}
        cache.set_many(drawn, CARD_TIMEOUT)
        cards.update(drawn)
    return {pk: cards[key] for pk, key in keys.items()}


def catalogue_context(request, catalogue):
    form = CatalogueFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    paginator = Paginator(filtered_courses(catalogue, data), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    courses = list(page_obj.object_list)
    summaries = progress_for_courses(request.user, courses, request=request)
    cards = course_cards(request, courses)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        "is_filtered": any(data.values()),
        "page_obj": page_obj,
        "course_cards": [(course, cards[course.pk], summaries.get(course.pk)) for course in courses],
        "filter_query": query.urlencode(),
    }
