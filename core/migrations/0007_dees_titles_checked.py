"""The DEES titles of DC2 and DC3 were checked word for word against the arrêté du 22 août 2018 relatif au diplôme
d'État d'éducateur spécialisé (JORF n° 193 du 23 août 2018, art. 8, which names the four certification domains):
they are no longer marked as reworded. A title an administrator has since rewritten is left as it is."""

from django.db import migrations

CHECKED = {
    "DC2": "Conception et conduite de projets éducatifs spécialisés",
    "DC3": "Travail en équipe pluriprofessionnelle et communication professionnelle",
}


def _mark(apps, is_paraphrase):
    CompetenceLabel = apps.get_model("core", "CompetenceLabel")
    for domain, title in CHECKED.items():
        CompetenceLabel.objects.filter(framework__code="DEES", domain__code=domain, label=title).update(
            is_paraphrase=is_paraphrase
        )


def checked(apps, schema_editor):
    _mark(apps, False)


def unchecked(apps, schema_editor):
    _mark(apps, True)


class Migration(migrations.Migration):
    dependencies = [("core", "0006_diploma_frameworks")]

    operations = [migrations.RunPython(checked, unchecked)]
