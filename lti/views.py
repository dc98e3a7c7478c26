"""LTI 1.3 endpoints: the tool's public keys, the OIDC third-party login initiation and the launch.

They are public (a platform calls them) but only answer a valid flow; every refusal is a French page that says
why, framed like the rest of the flow.
"""

from django.contrib.auth import login
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from pylti1p3.contrib.django import DjangoMessageLaunch, DjangoOIDCLogin
from pylti1p3.contrib.django.launch_data_storage.cache import DjangoCacheDataStorage
from pylti1p3.exception import LtiException, OIDCException

from . import deep_linking, framing, grades, roster
from .keys import public_jwks
from .launch import consume_nonce, launchable_page, learner_for, requested_url
from .toolconf import PlatformToolConf


def refuse(request, reason, status=403):
    framing.allow_registered_platforms(request)
    return render(request, "lti/refused.html", {"reason": reason}, status=status)


def launch_refusal(error):
    """A French reason for what pylti1p3 refused (its messages are English and technical)."""
    message = str(error).lower()
    if "expired" in message:
        return _("Le jeton de lancement a expiré. Relancez l'activité depuis votre plateforme.")
    if "audience" in message or "registration not found" in message or "client id" in message:
        return _(
            "Ce jeton n'est pas destiné à Collectif : la plateforme ou son identifiant client n'est pas enregistré."
        )
    if "nonce" in message or "state" in message:
        return _("Ce lancement a déjà été utilisé ou a expiré. Relancez l'activité depuis votre plateforme.")
    if "deployment" in message:
        return _("Ce déploiement n'est pas enregistré pour cette plateforme.")
    if "signature" in message or "decode" in message or "public key" in message or "kid" in message:
        return _("La signature du jeton de lancement n'est pas valide.")
    return _("Le lancement n'a pas pu être vérifié.")


@require_GET
def jwks(request):
    """The tool's public key set, which platforms use to check what the tool signs."""
    return JsonResponse(public_jwks())


@csrf_exempt
def oidc_login(request):
    """Third-party initiated login: check the platform is registered, then send the browser to its OIDC page."""
    framing.allow_registered_platforms(request)
    launch_url = request.build_absolute_uri(reverse("lti:launch"))
    try:
        oidc = DjangoOIDCLogin(request, PlatformToolConf(), launch_data_storage=DjangoCacheDataStorage())
        return oidc.redirect(launch_url)
    except (OIDCException, LtiException):
        return refuse(
            request,
            _("Cette demande de connexion ne vient pas d'une plateforme LTI enregistrée dans Collectif."),
            status=400,
        )


@csrf_exempt
@require_POST
def launch(request):
    """The platform posts the signed id_token here: validate it, log the learner in, open the requested page."""
    conf = PlatformToolConf()
    message_launch = DjangoMessageLaunch(request, conf, launch_data_storage=DjangoCacheDataStorage())
    try:
        claims = message_launch.get_launch_data()
    except LtiException as error:
        return refuse(request, launch_refusal(error))
    if not consume_nonce(claims["iss"], claims.get("nonce", "")):
        return refuse(request, launch_refusal("nonce"))
    platform = conf.platform(claims["iss"], message_launch.get_client_id())
    roster.remember_course(platform, claims)
    if message_launch.is_deep_link_launch():
        if not (message_launch.check_teacher_access() or message_launch.check_designer_access()):
            return refuse(request, _("Seul·es les enseignant·es de la plateforme peuvent choisir un contenu."))
        deep_linking.remember_request(request, platform, claims)
        framing.remember_platform(request, platform)
        return redirect("lti:deep_link")
    if not message_launch.is_resource_launch():
        return refuse(request, _("Ce type de lancement LTI n'est pas pris en charge."), status=400)
    page = launchable_page(request, requested_url(claims))
    if page is None:
        return refuse(
            request, _("La ressource demandée n'est pas un module, un cas pratique ou une évaluation de Collectif.")
        )
    user = learner_for(platform, claims)
    if not user.is_active:
        return refuse(request, _("Ce compte Collectif est désactivé."))
    grades.remember_line_item(platform, user, claims, page)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    framing.remember_platform(request, platform)
    return redirect(page.get_url(request))


def deep_link(request):
    """The content picker of a Deep Linking request; posting a choice gives the signed answer for the platform."""
    pending, platform = deep_linking.pending_request(request)
    if pending is None:
        return refuse(
            request, _("Aucune demande de choix de contenu n'est en cours : relancez-la depuis la plateforme.")
        )
    if request.method == "POST":
        page = deep_linking.chosen_page(request.POST.get("page"))
        if page is None:
            error = _("Choisissez un module, un cas pratique ou une évaluation.")
        else:
            token = deep_linking.response_jwt(request, pending, platform, page)
            del request.session[deep_linking.SESSION_KEY]
            response = render(
                request,
                "lti/deep_link_return.html",
                {"page": page, "return_url": pending["settings"]["deep_link_return_url"], "jwt": token},
            )
            # The answer is a form posted to the platform: allow that one origin as a form target.
            response._csp_update = {"form-action": [deep_linking.return_origin(pending)]}
            return response
    else:
        error = ""
    return render(
        request, "lti/deep_link.html", {"groups": deep_linking.choices(), "platform": platform, "error": error}
    )
