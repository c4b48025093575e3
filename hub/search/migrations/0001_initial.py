import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("practices", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "practice",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="practices.practice",
                    ),
                ),
                ("pairs", models.TextField(blank=True)),
            ],
            options={"verbose_name": "search document", "verbose_name_plural": "search documents"},
        ),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=60)),
                ("term", models.CharField(db_index=True, max_length=60)),
                ("length", models.PositiveSmallIntegerField()),
                ("documents", models.PositiveIntegerField(default=0)),
            ],
            options={
                "verbose_name": "search term",
                "verbose_name_plural": "search terms",
                "indexes": [models.Index(fields=["length", "word"], name="search_term_length_idx")],
                "constraints": [models.UniqueConstraint(fields=("word", "term"), name="search_term_unique_word_term")],
            },
        ),
    ]
