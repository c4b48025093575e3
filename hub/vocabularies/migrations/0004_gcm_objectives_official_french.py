"""Objectives 8 and 12 of the Global Compact for Migration in the resolution's French wording (A/RES/73/195,
as the UN's French list of the 23 objectives gives them; docs/translating-content.md says which names were
checked against which source). 0003 now fills these names in; a site that ran the earlier 0003 gets them
here, unless a moderator has renamed the term since (their name is kept)."""

from django.db import migrations

# objective number -> (the name 0003 first gave, the official French name)
CORRECTED_FRENCH = {
    8: (
        "Sauver des vies et mettre en place une action internationale coordonnée en faveur des migrants disparus",
        "Sauver des vies et mettre en place une action internationale coordonnée pour retrouver les migrants disparus",
    ),
    12: (
        "Renforcer la sécurité juridique et la prévisibilité des procédures migratoires pour garantir des "
        "contrôles, des évaluations et une orientation appropriés",
        "Veiller à l’invariabilité et à la prévisibilité des procédures migratoires pour assurer des contrôles, "
        "des évaluations et une orientation appropriés",
    ),
}


def correct(apps, schema_editor):
    Topic = apps.get_model("vocabularies", "Topic")
    for number, (before, official) in CORRECTED_FRENCH.items():
        Topic.objects.filter(kind="gcm", number=number, name_fr=before).update(name_fr=official)


def undo(apps, schema_editor):
    Topic = apps.get_model("vocabularies", "Topic")
    for number, (before, official) in CORRECTED_FRENCH.items():
        Topic.objects.filter(kind="gcm", number=number, name_fr=official).update(name_fr=before)


class Migration(migrations.Migration):
    dependencies = [("vocabularies", "0003_vocabularies_in_french_spanish_arabic")]

    operations = [migrations.RunPython(correct, undo)]
