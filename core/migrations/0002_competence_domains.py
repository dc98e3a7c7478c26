from django.db import migrations

DOMAINS = [
    ("DC1", "Intervention professionnelle en travail social (individuelle et collective)"),
    ("DC2", "Analyse des questions sociales de l'intervention professionnelle en travail social"),
    ("DC3", "Communication professionnelle en travail social"),
    ("DC4", "Dynamiques interinstitutionnelles, partenariats et réseaux"),
]


def create_domains(apps, schema_editor):
    CompetenceDomain = apps.get_model("core", "CompetenceDomain")
    for code, name in DOMAINS:
        CompetenceDomain.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(create_domains, migrations.RunPython.noop)]
