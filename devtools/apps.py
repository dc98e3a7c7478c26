from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Commands for the bench, the load test and the scale check: installed in development and tests, and in
    production settings only when COLLECTIF_DEV_TOOLS=1 (as `make bench` and `make scale-check` set it)."""

    name = "devtools"
    verbose_name = "Outils de mesure"
