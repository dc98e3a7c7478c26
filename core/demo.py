"""Registry of demo loaders run by `manage.py load_demo`. Every loader must be idempotent."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Loader:
    key: str
    load: Callable
    order: int


_loaders: dict[str, Loader] = {}


def register(key, load, order=100):
    _loaders[key] = Loader(key, load, order)


def loaders():
    return sorted(_loaders.values(), key=lambda loader: (loader.order, loader.key))
