"""Readers for the files an organisation brings: listing pages saved as text, CSV, JSON.

Each turns a file into Records (one practice each, with the file and line it came from) and
Problems (what could not be read, with its line). Nothing here touches the database.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date

from hub.imports import extract
from hub.lib import textrepair

MAX_TITLE = 250
MAX_SUMMARY = 1000
MAX_PEOPLE_REACHED = 2_147_483_647  # the largest a PositiveIntegerField holds on every database


@dataclass
class Problem:
    source: str
    line: int
    message: str

    def __str__(self):
        return f"{self.source}, line {self.line}: {self.message}" if self.line else f"{self.source}: {self.message}"


@dataclass
class Record:
    source: str
    line: int
    title: str = ""
    summary: str = ""
    long_fields: dict[str, str] = field(default_factory=dict)
    title_derived: bool = False
    submitter_name: str = ""
    submitter_verified: bool = False
    submitter_email: str = ""
    topic_names: list[str] = field(default_factory=list)
    organisation: str = ""
    partners: list[str] = field(default_factory=list)
    places: list[tuple[str, str, str]] = field(default_factory=list)
    start_date: date | None = None
    end_date: date | None = None
    people_reached: int | None = None
    people_reached_unit: str = ""
    tags: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    language: str = "en"
    also_in: list[str] = field(default_factory=list)  # "file, line" of the duplicates merged into this one

    @property
    def where(self) -> str:
        return f"{self.source}, line {self.line}"

    def to_json(self) -> dict:
        data = dict(self.__dict__.items())
        data["start_date"] = self.start_date.isoformat() if self.start_date else None
        data["end_date"] = self.end_date.isoformat() if self.end_date else None
        data["places"] = [list(p) for p in self.places]
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Record":
        data = dict(data)
        for key in ("start_date", "end_date"):
            data[key] = date.fromisoformat(data[key]) if data.get(key) else None
        data["places"] = [tuple(p) for p in data.get("places", [])]
        return cls(**data)


def decode(raw: bytes) -> str:
    """The text of a file: UTF-8 (with or without BOM), else Windows-1252, as old exports are."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


# ---------------------------------------------------------------- listing pages (plain text)

_SUBMITTED = re.compile(r"^Submitted by (?P<name>.+?)(?: on(?: .*)?)?$")
_SUBSCRIBE = re.compile(r"^Subscribe to (?P<topic>.+)$")
_UNVERIFIED = re.compile(r"^(?P<name>.{1,80}?)\s*\(not verified\)$")
_HONORIFIC_NAME = re.compile(r"^(?:Ms|Mr|Mrs|Miss|Dr|Prof)\.?\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}$")
_FEATURED = re.compile(r"^Featured (?:Practice|Initiative):?$", re.IGNORECASE)
_SITE_CHROME = re.compile(r"\[[^\]]+\]\(#?[^)]*\)")  # navigation links of a saved page, "[Home](#)"
_LIST_ITEM = re.compile(r"^([-*•]|\d+[.)])\s")
_TERMINAL = (".", "!", "?", ";", ":", ",")


@dataclass
class _Paragraph:
    text: str
    line: int
    gap_before: int  # blank lines before it


def _paragraphs(text: str) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    current: list[str] = []
    start = gap = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.rstrip())
        else:
            if current:
                paragraphs.append(_Paragraph("\n".join(current), start, gap))
                current, gap = [], 0
            gap += 1
    if current:
        paragraphs.append(_Paragraph("\n".join(current), start, gap))
    return paragraphs


def _title_like(text: str) -> bool:
    if "\n" in text or len(text) > MAX_TITLE or text.endswith(_TERMINAL):
        return False
    words = text.split()
    if len(words) <= 12:
        return True
    significant = [w for w in words if w.casefold() not in extract._LOWER_LINKS]
    return sum(w[0].isupper() for w in significant) >= 0.6 * len(significant)


def _submitter(name: str) -> tuple[str, bool]:
    name = " ".join(name.split())
    if match := _UNVERIFIED.match(name):
        return match.group("name"), False
    return name, True


def _is_submitter_line(text: str, known: set[str]) -> bool:
    return bool(_UNVERIFIED.match(text) or _HONORIFIC_NAME.match(text) or text in known)


def _join_lines(text: str) -> str:
    """Lines wrapped by the old site joined again; list items stay one a line."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        is_item = bool(_LIST_ITEM.match(line))
        if out and not is_item and not out[-1].endswith(":") and not _LIST_ITEM.match(out[-1]):
            out[-1] = f"{out[-1]} {line}"
            continue
        if is_item and out and not _LIST_ITEM.match(out[-1]):
            out.append("")  # Markdown wants a blank line before a list
        out.append(line)
    return "\n".join(out)


class _Entry:
    def __init__(self, source: str, line: int, title: str = ""):
        self.record = Record(source=source, line=line, title=title)
        self.paragraphs: list[str] = []
        self.has_submitter = False

    def set_submitter(self, name: str) -> None:
        self.record.submitter_name, self.record.submitter_verified = _submitter(name)
        self.has_submitter = True


def _finish(entry: _Entry, topics: list[str], damaged: bool) -> Record | Problem:
    record = entry.record
    paragraphs = [textrepair.repair(_join_lines(p), damaged=damaged) for p in entry.paragraphs]
    record.title = textrepair.repair(record.title, damaged=damaged)
    if not paragraphs:
        return Problem(record.source, record.line, f"“{record.title or '?'}” has no description")
    description = "\n\n".join(paragraphs)
    if not record.title:
        record.title, record.title_derived = extract.derived_title(paragraphs[0]), True
    record.title = _quote_like_the_description(record.title, description)
    record.summary, rest = paragraphs[0], paragraphs[1:]
    if len(record.summary) > MAX_SUMMARY:
        record.summary, rest = record.summary[: MAX_SUMMARY - 1].rsplit(" ", 1)[0] + "…", paragraphs
    if rest:
        record.long_fields["background"] = "\n\n".join(rest)
    understand(record, description)
    record.topic_names = list(topics)
    return record


def _quote_like_the_description(title: str, description: str) -> str:
    """ "#TuCausaEsMiCausa’ campaign" lost its opening quote; the description still has both."""
    if (match := re.match(r"^([^‘’\s]+)’(?=\s|$)", title)) and f"‘{match.group(1)}’" in description:
        return f"‘{title}"
    return title


def understand(record: Record, description: str) -> None:
    """Fill what the description says and the record does not: period, target, organisations, places."""
    text = f"{record.title}. {description}"
    if not record.start_date:
        record.start_date, record.end_date = extract.period(text)
    if record.people_reached is None:
        record.people_reached, record.people_reached_unit = extract.target(description)
    if not record.organisation:
        names = extract.organisations(description, exclude=record.title)
        if names:
            record.organisation, record.partners = names[0], names[1:4]
    if not record.places:
        record.places = extract.places(text)


def _continues(paragraph: str, previous: str, in_list: bool) -> bool:
    """In a page of bare paragraphs, whether this one still belongs to the previous practice."""
    first = paragraph.split()[0].strip(",")
    if previous.endswith(":") or paragraph == previous:
        return True
    if first in {"Specifically", "Additionally", "Moreover", "Furthermore", "Also", "It", "Its", "They", "Their"}:
        return True
    if first == previous.split()[0] and first[0].isupper() and first not in {"The", "A", "An", "In", "This"}:
        return True
    return in_list and first not in {"The", "A", "An", "In", "This", "These"} and not first.isupper()


def parse_page(source: str, text: str) -> tuple[list[Record], list[Problem]]:
    """A listing page saved as text from an old site (the five files in shared/seeds are examples)."""
    damaged = textrepair.looks_damaged(text)
    paragraphs = _paragraphs(text)
    if any(_SUBMITTED.match(p.text) for p in paragraphs):
        return _parse_listing(source, paragraphs, damaged)
    if _SITE_CHROME.search(text):
        return _parse_site_page(source, paragraphs, damaged)
    return _parse_bare_paragraphs(source, text, damaged)


def _parse_listing(source: str, paragraphs: list[_Paragraph], damaged: bool):
    """Entries of "Title / Submitted by <name> on / description", the topic's "Subscribe to <topic>" below."""
    entries: list[_Entry] = []
    topics: list[str] = []
    known = {_submitter(m.group("name"))[0] for p in paragraphs if (m := _SUBMITTED.match(p.text))}
    current: _Entry | None = None
    closed = True
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        if paragraph.gap_before >= 2:
            closed = True
        if match := _SUBSCRIBE.match(text):
            topics.append(match.group("topic").strip())
            closed = True
        elif match := _SUBMITTED.match(text):
            if current and not closed and not current.paragraphs and not current.has_submitter:
                current.set_submitter(match.group("name"))
            else:
                current = _Entry(source, paragraph.line)
                current.set_submitter(match.group("name"))
                entries.append(current)
            closed = False
        elif _is_submitter_line(text, known) and current and not current.has_submitter:
            current.set_submitter(text)
            closed = True
        elif closed or current is None or (current.paragraphs and _title_like(text)):
            current = _Entry(source, paragraph.line)
            entries.append(current)
            closed = False
            if _title_like(text):
                current.record.title = text
            else:
                current.paragraphs.append(text)
        else:
            current.paragraphs.append(text)
    return _finish_all(entries, topics, damaged)


def _finish_all(entries: list[_Entry], topics: list[str], damaged: bool):
    records, problems = [], []
    for entry in entries:
        result = _finish(entry, topics, damaged)
        (problems if isinstance(result, Problem) else records).append(result)
    return records, problems


def _parse_site_page(source: str, paragraphs: list[_Paragraph], damaged: bool):
    """A saved page of the old site (menus, slides, forums): only what it labels a practice is one."""
    entries: list[_Entry] = []
    for i, paragraph in enumerate(paragraphs):
        if _FEATURED.match(paragraph.text.strip()) and i + 2 < len(paragraphs):
            entry = _Entry(source, paragraphs[i + 1].line, title=paragraphs[i + 1].text.strip())
            entry.paragraphs.append(paragraphs[i + 2].text.strip())
            entries.append(entry)
    records, problems = _finish_all(entries, [], damaged)
    if not records:
        problems.append(Problem(source, 0, "a page of the old site with no practice on it"))
    return records, problems


def _parse_bare_paragraphs(source: str, text: str, damaged: bool):
    """One paragraph a line, no titles or submitters: each run of lines about one thing is a practice."""
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    entries: list[_Entry] = []
    current: _Entry | None = None
    previous, in_list = "", False
    for number, line in lines:
        if current is not None and current.paragraphs and _continues(line, previous, in_list):
            in_list = in_list or previous.endswith(":")
            if line != previous:
                current.paragraphs.append(line)
        elif current is not None and not current.paragraphs:
            current.paragraphs.append(line)
        else:
            in_list = False
            current = _Entry(source, number)
            entries.append(current)
            if _title_like(line):
                current.record.title = line
            else:
                current.paragraphs.append(line)
        previous = line
    for entry in entries:
        entry.paragraphs = _group_list_items(entry.paragraphs)
    return _finish_all(entries, [], damaged)


def _group_list_items(paragraphs: list[str]) -> list[str]:
    """Lines after one ending in ":" are the items of its list."""
    out: list[str] = []
    in_list = False
    for paragraph in paragraphs:
        if in_list and out:
            out[-1] += f"\n- {paragraph}"
            in_list = not paragraph.endswith(":") or in_list
            continue
        out.append(paragraph)
        in_list = paragraph.endswith(":")
    return out


# ---------------------------------------------------------------- CSV and JSON

COLUMNS = {
    "title": "The practice's name (required).",
    "summary": "One paragraph saying what it is (required; `description` is read too).",
    "background": "Background and objectives (Markdown).",
    "activities": "Activities.",
    "participants": "Participants and beneficiaries.",
    "outcomes": "Outcomes.",
    "evaluation": "Evaluation.",
    "recommendations": "Recommendations.",
    "organisation": "The implementing organisation's name.",
    "partners": "Partner organisations, separated by `;`.",
    "places": "Places as `City, CC` (ISO 3166 country code) separated by `;`; a bare `CC` is the country.",
    "country": "A country code, when there is no `places` column.",
    "themes": "Themes by name or slug, separated by `;` (they must exist).",
    "start": "Start: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.",
    "end": "End, the same way.",
    "people_reached": "A whole number (people reached or aimed at).",
    "people_reached_unit": "What they are: families, students, …",
    "submitter_name": "Who submitted it on the old site.",
    "submitter_verified": "`yes` if that person was a verified member (an account is then found or made).",
    "submitter_email": "Their e-mail, if known (they are not written to).",
    "tags": "Free tags, separated by `;`.",
    "links": "Web addresses, separated by `;`.",
    "language": "Language of the text: en, fr, es or ar (default en).",
}
ALIASES = {"description": "summary", "name": "title", "topics": "themes", "theme": "themes"}
_TRUE = {"1", "yes", "true", "y", "oui", "sí", "si", "x"}


def _date(value: str, *, end: bool = False) -> date:
    value = value.strip()
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 12 if end else 1, 1)
    if re.fullmatch(r"\d{4}-\d{1,2}", value):
        year, month = value.split("-")
        return date(int(year), int(month), 1)
    return date.fromisoformat(value)


def _split(value) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def record_from_mapping(source: str, line: int, row: dict, *, damaged: bool) -> Record:
    """One CSV row or JSON object, checked; ValueError says what is wrong with it."""
    row = {ALIASES.get(str(k).strip().casefold(), str(k).strip().casefold()): v for k, v in row.items() if k}

    def text(key: str) -> str:
        value = row.get(key)
        if value is None:
            return ""
        if not isinstance(value, str | int | float):
            raise ValueError(f"“{key}” should be text")
        return textrepair.repair(str(value).strip(), damaged=damaged)

    record = Record(source=source, line=line, title=" ".join(text("title").split()), summary=text("summary"))
    if not record.title:
        raise ValueError("no title")
    if not record.summary:
        raise ValueError("no summary")
    if len(record.title) > MAX_TITLE:
        raise ValueError(f"the title is longer than {MAX_TITLE} characters")
    if len(record.summary) > MAX_SUMMARY:
        raise ValueError(f"the summary is longer than {MAX_SUMMARY} characters")
    for name in ("background", "activities", "participants", "outcomes", "evaluation", "recommendations"):
        if value := text(name):
            record.long_fields[name] = value
    record.organisation = text("organisation")
    record.partners = [textrepair.repair(p, damaged=damaged) for p in _split(row.get("partners"))]
    for place in _split(row.get("places")) or _split(row.get("country")):
        name, _, code = place.rpartition(",")
        code = code.strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise ValueError(f"“{place}” is not “City, CC” with a two-letter country code")
        record.places.append((name.strip(), code, "" if name.strip() else "country"))
    record.topic_names = _split(row.get("themes"))
    try:
        if value := text("start"):
            record.start_date = _date(value)
        if value := text("end"):
            record.end_date = _date(value, end=True)
    except ValueError:
        raise ValueError("a date is not YYYY, YYYY-MM or YYYY-MM-DD") from None
    if record.start_date and record.end_date and record.end_date < record.start_date:
        raise ValueError("it ends before it starts")
    if value := text("people_reached"):
        if not value.replace(",", "").isdigit():
            raise ValueError(f"people_reached “{value}” is not a whole number")
        record.people_reached = int(value.replace(",", ""))
        if record.people_reached > MAX_PEOPLE_REACHED:
            raise ValueError(f"people_reached “{value}” is too large")
    record.people_reached_unit = text("people_reached_unit")[:60]
    record.submitter_name = text("submitter_name")[:150]
    record.submitter_verified = text("submitter_verified").casefold() in _TRUE and bool(record.submitter_name)
    record.submitter_email = text("submitter_email")
    record.tags = _split(row.get("tags"))
    record.links = _split(row.get("links"))
    for link in record.links:
        if not re.match(r"^https?://\S+$", link):
            raise ValueError(f"“{link}” is not a web address")
    record.language = text("language") or "en"
    if record.language not in {"en", "fr", "es", "ar"}:
        raise ValueError(f"language “{record.language}” is not en, fr, es or ar")
    return record


def parse_csv(source: str, text: str) -> tuple[list[Record], list[Problem]]:
    damaged = textrepair.looks_damaged(text)
    records, problems = [], []
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    try:
        headers = {ALIASES.get(h.strip().casefold(), h.strip().casefold()) for h in reader.fieldnames or [] if h}
    except csv.Error as error:
        return [], [Problem(source, 1, f"not a CSV file ({error})")]
    if not {"title", "summary"} <= headers:
        return [], [Problem(source, 1, "the first line must name the columns, with at least title and summary")]
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(source, line, f"unreadable row ({error})"))
            continue
        if None in row:
            problems.append(Problem(source, line, "more cells than columns"))
            continue
        try:
            records.append(record_from_mapping(source, line, row, damaged=damaged))
        except ValueError as error:
            problems.append(Problem(source, line, str(error)))
    return records, problems


def parse_json(source: str, text: str) -> tuple[list[Record], list[Problem]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Problem(source, error.lineno, f"not valid JSON ({error.msg})")]
    if isinstance(data, dict):
        data = data.get("practices")
    if not isinstance(data, list):
        return [], [Problem(source, 1, 'expected a list of practices, or {"practices": [...]}')]
    damaged = textrepair.looks_damaged(text)
    records, problems = [], []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            problems.append(Problem(source, number, f"practice {number} is not an object"))
            continue
        try:
            records.append(record_from_mapping(source, number, item, damaged=damaged))
        except ValueError as error:
            problems.append(Problem(source, number, f"practice {number}: {error}"))
    return records, problems


def parse(source: str, raw: bytes) -> tuple[list[Record], list[Problem]]:
    """Any supported file, told apart by its name."""
    text = decode(raw)
    if "\x00" in text:
        return [], [Problem(source, 0, "not a text file")]
    lower = source.lower()
    if lower.endswith(".csv"):
        return parse_csv(source, text)
    if lower.endswith(".json"):
        return parse_json(source, text)
    return parse_page(source, text)
