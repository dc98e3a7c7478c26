from django.utils.functional import SimpleLazyObject

from accounts.permissions import Role, can_access_admin, user_roles
from core import navigation


def site_roles(request):
    """Roles and navigation of the current user; lazy so that pages that do not use them pay nothing."""
    user = getattr(request, "user", None)
    authenticated = user is not None and user.is_authenticated
    return {
        "Role": Role,
        "user_roles": SimpleLazyObject(lambda: user_roles(user) if authenticated else frozenset()),
        "can_access_admin": SimpleLazyObject(lambda: authenticated and can_access_admin(user)),
        "main_nav_items": SimpleLazyObject(lambda: navigation.items_for(request, "main")),
        "footer_nav_items": SimpleLazyObject(lambda: navigation.items_for(request, "footer") + footer_pages()),
    }


def footer_pages():
    """Published institutional pages flagged for the footer (about, accessibility, legal, privacy)."""
    from .models import StandardPage

    return [
        {"label": page.title, "url": page.url, "current": False}
        for page in StandardPage.objects.live().filter(show_in_footer=True).order_by("path")
    ]
