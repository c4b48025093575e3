from django.db import migrations, models


def grant_moderate(apps, schema_editor=None):
    """The group "Moderators" holds the permission that makes a moderator (hub.accounts.roles)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="accounts", model="role")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="moderate",
        defaults={"name": "Can moderate submissions, comments and conversations"},
    )
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(permission)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("practices", "0002_vocabularies"),
    ]

    operations = [
        migrations.CreateModel(
            name="Role",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ],
            options={
                "verbose_name": "role",
                "verbose_name_plural": "roles",
                "permissions": [("moderate", "Can moderate submissions, comments and conversations")],
                "managed": False,
                "default_permissions": (),
            },
        ),
        migrations.RunPython(grant_moderate, migrations.RunPython.noop),
    ]
