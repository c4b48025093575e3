from django.db import migrations, models


def name_the_practices(apps, schema_editor):
    # The rows so far named a practice, or nothing for a bulk change (kind "": everything).
    apps.get_model("search", "ListingChange").objects.filter(object_id__isnull=False).update(kind="practices.practice")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0009_search_vectors"),
    ]

    operations = [
        migrations.RenameField(model_name="listingchange", old_name="practice_id", new_name="object_id"),
        migrations.AddField(
            model_name="listingchange",
            name="kind",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.RunPython(name_the_practices, migrations.RunPython.noop, elidable=True),
    ]
