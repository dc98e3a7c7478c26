"""Main and footer navigation items contributed by apps (catalogue, journal, team dashboard...)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    order: int = 100
    visible: Callable | None = None
    area: str = "main"


_items: list[NavItem] = []


def register(label, url_name, order=100, visible=None, area="main"):
    _items.append(NavItem(label, url_name, order, visible, area))


def items_for(request, area):
    user = request.user
    result = []
    for item in sorted(_items, key=lambda i: i.order):
        if item.area != area or (item.visible and not item.visible(user)):
            continue
        url = reverse(item.url_name)
        result.append({"label": item.label, "url": url, "current": request.path.startswith(url)})
    return result
