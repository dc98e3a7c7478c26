"""The five State diplomas reformed by the arrêtés of 22 August 2018, with their domain titles.

Tags are untouched: courses, cases and questions keep pointing at the same CompetenceDomain rows (DC1 to DC4);
only the titles per diploma are added. A title is marked `is_paraphrase` when its exact wording in the arrêté
has not been checked: the administrator sees it in the framework's form. DC4's title is the same in the five
texts; DC3 and DC4 are their common core.
"""

from django.db import migrations

ARRETE = "Arrêté du 22 août 2018 relatif au diplôme d'État {}"
DC4 = "Dynamiques interinstitutionnelles, partenariats et réseaux"
TEAMWORK = "Travail en équipe pluriprofessionnelle et communication professionnelle"

# code, name, arrêté's subject, {domain code: (title, is_paraphrase)}
FRAMEWORKS = [
    (
        "DEASS",
        "Diplôme d'État d'assistant de service social",
        "d'assistant de service social",
        {
            "DC1": ("Intervention professionnelle en travail social", False),
            "DC2": ("Analyse des questions sociales de l'intervention professionnelle en travail social", False),
            "DC3": ("Communication professionnelle en travail social", False),
            "DC4": (DC4, False),
        },
    ),
    (
        "DEES",
        "Diplôme d'État d'éducateur spécialisé",
        "d'éducateur spécialisé",
        {
            "DC1": ("La relation éducative spécialisée", False),
            "DC2": ("Conception et conduite de projets éducatifs spécialisés", True),
            "DC3": (TEAMWORK, True),
            "DC4": (DC4, False),
        },
    ),
    (
        "DEETS",
        "Diplôme d'État d'éducateur technique spécialisé",
        "d'éducateur technique spécialisé",
        {
            "DC1": ("La relation éducative spécialisée", True),
            "DC2": ("Conception et conduite de projets éducatifs et techniques spécialisés", True),
            "DC3": (TEAMWORK, True),
            "DC4": (DC4, False),
        },
    ),
    (
        "DECESF",
        "Diplôme d'État de conseiller en économie sociale familiale",
        "de conseiller en économie sociale familiale",
        {
            "DC1": ("Conseil et expertise à visée socio-éducative dans les domaines de la vie quotidienne", True),
            "DC2": ("Intervention sociale", True),
            "DC3": ("Communication professionnelle", True),
            "DC4": (DC4, False),
        },
    ),
    (
        "DEEJE",
        "Diplôme d'État d'éducateur de jeunes enfants",
        "d'éducateur de jeunes enfants",
        {
            "DC1": ("Accueil et accompagnement du jeune enfant et de sa famille", False),
            "DC2": ("Action éducative en direction du jeune enfant", True),
            "DC3": (TEAMWORK, True),
            "DC4": (DC4, False),
        },
    ),
]
COMMON = ["DC3", "DC4"]


def create(apps, schema_editor):
    CompetenceDomain = apps.get_model("core", "CompetenceDomain")
    Framework = apps.get_model("core", "Framework")
    CompetenceLabel = apps.get_model("core", "CompetenceLabel")
    CompetenceDomain.objects.filter(code__in=COMMON).update(is_common=True)
    domains = {domain.code: domain for domain in CompetenceDomain.objects.all()}
    for code, name, subject, titles in FRAMEWORKS:
        framework, _created = Framework.objects.get_or_create(
            code=code, defaults={"name": name, "is_official": True, "source": ARRETE.format(subject)}
        )
        for domain_code, (title, paraphrase) in titles.items():
            if domain_code in domains:  # an administrator may have deleted a domain: nothing to title then
                CompetenceLabel.objects.get_or_create(
                    framework=framework,
                    domain=domains[domain_code],
                    defaults={"label": title, "is_paraphrase": paraphrase},
                )


def remove(apps, schema_editor):
    """Back to one shared list: the titles go, the domains and every tag on them stay."""
    apps.get_model("core", "Framework").objects.filter(code__in=[f[0] for f in FRAMEWORKS]).delete()
    apps.get_model("core", "CompetenceDomain").objects.update(is_common=False)


class Migration(migrations.Migration):
    dependencies = [("core", "0005_competence_frameworks")]
    operations = [migrations.RunPython(create, remove)]
