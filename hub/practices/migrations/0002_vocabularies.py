"""The controlled vocabularies as data: moderators edit them in the admin afterwards."""

from django.db import migrations
from django.utils.text import slugify

THEMES = [
    ("Anti-discrimination", ""),
    ("Citizenship and regularization", ""),
    ("Cities and local governments", ""),
    ("Community building", ""),
    (
        "Connectivity and Migration",
        "Digital platforms, data and connections that help people migrate safely and stay in touch with "
        "their communities: recruitment portals, online communities, diaspora networks and information services.",
    ),
    ("Culture and diversity", ""),
    ("Diaspora engagement", ""),
    (
        "Discrimination and Xenophobia",
        "Campaigns, strategies and programmes that counter racism, xenophobia and discrimination against "
        "migrants and refugees, and that promote evidence-based public discourse on migration.",
    ),
    ("Education", ""),
    ("Employment", ""),
    ("Empowerment", ""),
    ("Entrepreneurship", ""),
    ("Equal access", ""),
    ("Financial inclusion", ""),
    ("Gender", ""),
    ("Governance", ""),
    ("Health", ""),
    ("Housing", ""),
    ("Human rights and law", ""),
    ("Intercultural outreach", ""),
    ("Interfaith work", ""),
    ("Media and diversity", ""),
    ("Mediation and interpretation", ""),
    ("Policy on migration and integration", ""),
    ("Prevention of polarization", ""),
    ("Public perceptions", ""),
    ("Refugees and asylum seekers", ""),
    ("Training", ""),
    ("Urban planning", ""),
    ("Women", ""),
    ("Youth", ""),
]

DIMENSIONS = [
    (
        "Socio-economic integration",
        "socio-economic",
        "Work, income, skills, housing, health and education: the conditions for migrants to take part "
        "in the economy and in public services on equal terms.",
    ),
    (
        "Legal and political integration",
        "legal-and-political",
        "Residence status, rights, citizenship, political participation and access to justice.",
    ),
    (
        "Cultural integration",
        "cultural",
        "Language, identity, intercultural relations, media and public perceptions: living together in diversity.",
    ),
]

GCM_OBJECTIVES = [
    "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies",
    "Minimize the adverse drivers and structural factors that compel people to leave their country of origin",
    "Provide accurate and timely information at all stages of migration",
    "Ensure that all migrants have proof of legal identity and adequate documentation",
    "Enhance availability and flexibility of pathways for regular migration",
    "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work",
    "Address and reduce vulnerabilities in migration",
    "Save lives and establish coordinated international efforts on missing migrants",
    "Strengthen the transnational response to smuggling of migrants",
    "Prevent, combat and eradicate trafficking in persons in the context of international migration",
    "Manage borders in an integrated, secure and coordinated manner",
    "Strengthen certainty and predictability in migration procedures for appropriate screening, "
    "assessment and referral",
    "Use migration detention only as a measure of last resort and work towards alternatives",
    "Enhance consular protection, assistance and cooperation throughout the migration cycle",
    "Provide access to basic services for migrants",
    "Empower migrants and societies to realize full inclusion and social cohesion",
    "Eliminate all forms of discrimination and promote evidence-based public discourse to shape "
    "perceptions of migration",
    "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences",
    "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries",
    "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants",
    "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration",
    "Establish mechanisms for the portability of social security entitlements and earned benefits",
    "Strengthen international cooperation and global partnerships for safe, orderly and regular migration",
]

STAKEHOLDER_TYPES = [
    ("National government", "national-government"),
    ("Local government", "local-government"),
    ("International or regional organisation", "international-organisation"),
    ("Civil society", "civil-society"),
    ("Migrant-led organisation", "migrant-led"),
    ("Academia", "academia"),
    ("Private sector", "private-sector"),
    ("Media", "media"),
]

TARGET_GROUPS = [
    "Refugees",
    "Asylum seekers",
    "Labour migrants",
    "Domestic workers",
    "Students",
    "Returnees",
    "Diaspora",
    "Host community",
    "Women",
    "Children and youth",
    "Families",
    "Professionals",
]

MODERATOR_PERMISSIONS = {
    "practices": ["practice", "topic", "targetgroup", "externallink"],
    "people": ["organisation", "stakeholdertype"],
    "places": ["place"],
    # Where the vocabularies live since hub/vocabularies/migrations/0001 (nothing matches before).
    "vocabularies": ["topic", "targetgroup", "stakeholdertype"],
}


def _vocabulary(apps, app_label: str, name: str):
    """The model as this migration made it, or where it lives now (the tests call this with today's apps)."""
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return apps.get_model("vocabularies", name)


def create_vocabularies(apps, schema_editor):
    Topic = _vocabulary(apps, "practices", "Topic")
    TargetGroup = _vocabulary(apps, "practices", "TargetGroup")
    StakeholderType = _vocabulary(apps, "people", "StakeholderType")
    for name, description in THEMES:
        Topic.objects.create(kind="theme", name=name, slug=slugify(name), description=description)
    for name, slug, description in DIMENSIONS:
        Topic.objects.create(kind="dimension", name=name, slug=slug, description=description)
    for number, name in enumerate(GCM_OBJECTIVES, start=1):
        Topic.objects.create(kind="gcm", name=name, slug=f"gcm-objective-{number}", number=number)
    for position, (name, slug) in enumerate(STAKEHOLDER_TYPES):
        StakeholderType.objects.create(name=name, slug=slug, position=position)
    for position, name in enumerate(TARGET_GROUPS):
        TargetGroup.objects.create(name=name, slug=slugify(name), position=position)


def create_moderators_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    grant_moderator_permissions(apps)


def grant_moderator_permissions(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Moderators")
    for app_label, models in MODERATOR_PERMISSIONS.items():
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, content_type__model__in=models)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_initial"),
        ("people", "0001_initial"),
        ("places", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_vocabularies, migrations.RunPython.noop),
        migrations.RunPython(create_moderators_group, migrations.RunPython.noop),
    ]
