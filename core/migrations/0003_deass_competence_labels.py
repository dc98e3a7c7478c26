"""DC1 to DC3 carry the DEASS titles, which differ from one diploma to another: say so in the label.

DC1's official DEASS title has no « (individuelle et collective) ». A name an administrator already changed is
left alone.
"""

from django.db import migrations

RENAMES = {
    "DC1": (
        "Intervention professionnelle en travail social (individuelle et collective)",
        "Intervention professionnelle en travail social (intitulé du DEASS)",
    ),
    "DC2": (
        "Analyse des questions sociales de l'intervention professionnelle en travail social",
        "Analyse des questions sociales de l'intervention professionnelle en travail social (intitulé du DEASS)",
    ),
    "DC3": (
        "Communication professionnelle en travail social",
        "Communication professionnelle en travail social (intitulé du DEASS)",
    ),
}


def rename(apps, schema_editor, forward=True):
    CompetenceDomain = apps.get_model("core", "CompetenceDomain")
    for code, (old, new) in RENAMES.items():
        before, after = (old, new) if forward else (new, old)
        CompetenceDomain.objects.filter(code=code, name=before).update(name=after)


def backward(apps, schema_editor):
    rename(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_competence_domains")]
    operations = [migrations.RunPython(rename, backward)]
