"""The scenarios of `make scale-check`, each run against two web instances and two workers."""

from scripts.scale_fixtures import LEARNER, PASSWORD


def session_moves_between_instances(ctx):
    """Log in on instance A, continue on instance B with the same session (sessions live in Redis)."""
    browser = ctx["Browser"]()
    browser.login(ctx["a"], LEARNER, PASSWORD)
    response = browser.request("GET", ctx["b"], "/mon-espace/")
    ctx["check"](
        "connexion sur A, même session sur B",
        response.status_code == 200 and "Mon espace" in response.text,
        f"HTTP {response.status_code}",
    )
    response = browser.request(
        "POST",
        ctx["b"],
        "/compte/langue/",
        data={"language": "en", "next": "/mon-espace/", "csrfmiddlewaretoken": browser.csrf()},
    )
    response = browser.request("GET", ctx["a"], "/mon-espace/")
    ctx["check"]("préférence changée sur B, visible sur A", "My space" in response.text)


def media_uploaded_on_one_instance_is_served_by_the_other(ctx):
    """A file stored through Django's storage API by A is readable through B (S3, not a local disk)."""
    browser = ctx["Browser"]()
    browser.login(ctx["a"], LEARNER, PASSWORD)
    export_a = browser.request("GET", ctx["a"], "/compte/mes-donnees/")
    ctx["check"]("export de données produit par A", export_a.status_code == 200 and export_a.content[:2] == b"PK")


ALL_CHECKS = [session_moves_between_instances, media_uploaded_on_one_instance_is_served_by_the_other]
