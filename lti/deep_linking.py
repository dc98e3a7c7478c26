"""Deep Linking: a teacher launched from the platform picks a module, case or quiz; the tool sends back a signed
content item (a resource link to our launch URL whose custom parameter names the page)."""

from django.urls import reverse
from pylti1p3.deep_link import DeepLink
from pylti1p3.deep_link_resource import DeepLinkResource

from cases.models import CasePage
from courses.models import CoursePage
from quizzes.models import QuizPage

from .launch import RESOURCE_PARAM
from .models import Platform, origin_of
from .toolconf import PlatformToolConf

SESSION_KEY = "lti_deep_link"
SETTINGS_CLAIM = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
DEPLOYMENT_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/deployment_id"


def remember_request(request, platform, claims):
    """Keep what the response needs in this browser's session: one pending request at a time."""
    request.session[SESSION_KEY] = {
        "platform": platform.pk,
        "deployment_id": claims[DEPLOYMENT_CLAIM],
        "settings": claims[SETTINGS_CLAIM],
    }


def pending_request(request):
    pending = request.session.get(SESSION_KEY)
    if not pending:
        return None, None
    platform = Platform.objects.filter(pk=pending["platform"]).first()
    return (pending, platform) if platform else (None, None)


def choices():
    """The live pages a teacher may link, grouped for the picker."""
    return [
        (CoursePage._meta.verbose_name_plural, CoursePage.objects.live().order_by("title")),
        (CasePage._meta.verbose_name_plural, CasePage.objects.live().order_by("title")),
        (QuizPage._meta.verbose_name_plural, QuizPage.objects.live().order_by("title")),
    ]


def chosen_page(page_id):
    for model in (CoursePage, CasePage, QuizPage):
        page = model.objects.live().filter(pk=page_id).first()
        if page:
            return page
    return None


def response_jwt(request, pending, platform, page):
    """The LtiDeepLinkingResponse, signed with the tool's private key (verifiable with /lti/jwks/)."""
    resource = (
        DeepLinkResource()
        .set_url(request.build_absolute_uri(reverse("lti:launch")))
        .set_title(page.title)
        .set_custom_params({RESOURCE_PARAM: page.url})
    )
    registration = PlatformToolConf().registration_for(platform)
    return DeepLink(registration, pending["deployment_id"], pending["settings"]).get_response_jwt([resource])


def return_origin(pending):
    return origin_of(pending["settings"].get("deep_link_return_url", ""))
