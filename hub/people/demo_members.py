"""Listed members of the demo community, with their organisations: fictional practitioners, so that
`/community/` shows what a directory looks like. Loaded by the demo loader (hub/practices/demo.py)."""

from django.contrib.auth import get_user_model
from django.db import transaction

from hub.people.models import Profile
from hub.people.services import organisation_get_or_create
from hub.vocabularies.models import StakeholderType, Topic

MEMBERS = [
    {
        "username": "amina.diallo",
        "first_name": "Amina",
        "last_name": "Diallo",
        "organisation": "City of Montréal",
        "sector": "local-government",
        "job_title": "Newcomer services coordinator",
        "country": "CA",
        "city": "Montréal",
        "expertise": ["cities-and-local-governments", "intercultural-outreach"],
        "languages": ["fr", "en", "wo"],
        "bio": "Runs the city's welcome desks and works with community groups on newcomers' first months.",
    },
    {
        "username": "carlos.mendoza",
        "first_name": "Carlos",
        "last_name": "Mendoza",
        "organisation": "Voices of Venezuela",
        "sector": "migrant-led",
        "job_title": "Co-founder",
        "country": "CO",
        "city": "Barranquilla",
        "expertise": ["employment", "refugees-and-asylum-seekers"],
        "languages": ["es", "en"],
        "bio": "Helps Venezuelan families find work and school places; asks cities to hear migrants first.",
    },
    {
        "username": "lena.vogel",
        "first_name": "Lena",
        "last_name": "Vogel",
        "organisation": "Inter-American Development Bank (IDB)",
        "sector": "international-organisation",
        "job_title": "Migration specialist",
        "country": "US",
        "city": "Washington",
        "expertise": ["policy-on-migration-and-integration", "financial-inclusion"],
        "languages": ["en", "es", "de"],
        "bio": "Advises governments on integration programmes and how to measure what they achieve.",
    },
    {
        "username": "yusuf.okafor",
        "first_name": "Yusuf",
        "last_name": "Okafor",
        "organisation": "Australian Human Rights Commission",
        "sector": "national-government",
        "job_title": "Policy officer, anti-racism",
        "country": "AU",
        "city": "Sydney",
        "expertise": ["anti-discrimination", "public-perceptions"],
        "languages": ["en", "yo"],
        "bio": "Works on campaigns against racism and on how the media speak about migrants.",
    },
    {
        "username": "sofia.ricci",
        "first_name": "Sofia",
        "last_name": "Ricci",
        "organisation": "University of Bologna",
        "sector": "academia",
        "job_title": "Researcher in migration studies",
        "country": "IT",
        "city": "Bologna",
        "expertise": ["education", "youth"],
        "languages": ["it", "en", "fr"],
        "bio": "Studies how schools welcome migrant children and trains teachers in multilingual classes.",
    },
    {
        "username": "mariam.haddad",
        "first_name": "Mariam",
        "last_name": "Haddad",
        "organisation": "Municipalidad de Maipú",
        "sector": "local-government",
        "job_title": "Head of the migrants' office",
        "country": "CL",
        "city": "Maipú",
        "expertise": ["equal-access", "health"],
        "languages": ["es", "ar"],
        "bio": "Opened the municipality's office for migrants: papers, health care and language classes.",
    },
]


@transaction.atomic
def demo_members_load() -> int:
    """Creates the listed demo members (who cannot sign in) and their organisations; safe to repeat."""
    User = get_user_model()
    sectors = {sector.slug: sector for sector in StakeholderType.objects.all()}
    for entry in MEMBERS:
        user, created = User.objects.get_or_create(
            username=entry["username"],
            defaults={
                "first_name": entry["first_name"],
                "last_name": entry["last_name"],
                "email": f"{entry['username']}@example.org",
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        sector = sectors.get(entry["sector"])
        profile, _ = Profile.objects.update_or_create(
            user=user,
            defaults={
                "listed": True,
                "organisation": organisation_get_or_create(name=entry["organisation"], stakeholder_type=sector),
                "sector": sector,
                "job_title": entry["job_title"],
                "country": entry["country"],
                "city": entry["city"],
                "languages": entry["languages"],
                "bio": entry["bio"],
            },
        )
        profile.expertise.set(Topic.objects.filter(kind=Topic.Kind.THEME, slug__in=entry["expertise"]))
    return len(MEMBERS)
