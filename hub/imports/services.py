"""Importing practices: files in, a report out. Used by `manage.py import_practices` and the upload page.

Records are written a batch at a time, each batch in one transaction: its new practices, and the
topics and places it adds to practices already here, go through practice_import_many together
(history, relations and search index follow, in a few queries for the batch). If the database
refuses anything in a batch, the batch is rolled back and written again a record at a time, each
in its own savepoint: a record that fails is reported with its file and line and the others go in.
A dry run does the same work inside one transaction that is rolled back: it writes nothing.

No record is ever dropped: a record is merged into another only when it is the same practice (the
same title, and no place, period or organisation telling them apart, see dedupe.conflicts); one
that merely looks like another is imported into the moderation queue with a PossibleDuplicate mark
and its score, and a moderator merges it (practice_merge) or keeps it.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection, transaction
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hub.imports.dedupe import DuplicateIndex, Match, Traits, conflicts, fingerprint, summary_fingerprint
from hub.imports.models import ImportJob, PossibleDuplicate
from hub.imports.parsers import Problem, Record, parse
from hub.imports.pledges import import_pledges
from hub.people.services import organisation_get_or_create
from hub.places.services import place_get_or_create
from hub.practices.models import Practice
from hub.practices.services import ImportedPractice, practice_import, practice_import_many, practice_merge
from hub.serving.services import database_optimize
from hub.vocabularies.models import Topic

# The likeness reported for a record with the title of another that its place, period or
# organisation tells apart.
SAME_TITLE_TOLD_APART_SCORE = 99.0
# Records per transaction: larger batches mean fewer, larger INSERTs, and more to redo one by one
# when the database refuses a record.
BATCH = 500
Progress = Callable[[int, int], None]
_HONORIFIC = re.compile(r"^(?:Ms|Mr|Mrs|Miss|Dr|Prof)\.?\s+", re.IGNORECASE)


@dataclass
class ImportReport:
    files: list[str] = field(default_factory=list)
    dry_run: bool = False
    publish: bool = False
    created: list[dict] = field(default_factory=list)
    updated: list[dict] = field(default_factory=list)
    unchanged: list[dict] = field(default_factory=list)
    merged: list[dict] = field(default_factory=list)
    # Created in the queue (they are in `created` too) and marked as possibly another practice.
    possible_duplicates: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    pledges: list[dict] = field(default_factory=list)  # hub/imports/pledges.py

    def as_dict(self) -> dict:
        return dict(self.__dict__)

    def extend(self, other: "ImportReport") -> None:
        for name in ("created", "updated", "unchanged", "possible_duplicates", "skipped", "warnings"):
            getattr(self, name).extend(getattr(other, name))

    def counts(self) -> dict[str, int]:
        return {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "duplicates_merged": sum(len(m["also_in"]) for m in self.merged),
            "possible_duplicates": len(self.possible_duplicates),
            "skipped": len(self.skipped),
        }


def _skip(report: ImportReport, problem: Problem) -> None:
    report.skipped.append({"where": str(problem).rsplit(": ", 1)[0], "message": problem.message})


def _merge_records(kept: Record, other: Record) -> None:
    """Two entries for one practice in the files: one record with everything both say."""
    if kept.title_derived and not other.title_derived:
        kept.title, kept.title_derived = other.title, False
    for name in kept.__dataclass_fields__:
        mine, theirs = getattr(kept, name), getattr(other, name)
        if isinstance(mine, list) and name != "also_in":
            setattr(kept, name, mine + [item for item in theirs if item not in mine])
        elif not mine and theirs and name not in {"source", "line", "title_derived"}:
            setattr(kept, name, theirs)
    if other.submitter_verified and not kept.submitter_verified:
        kept.submitter_name, kept.submitter_verified = other.submitter_name, True
    for key, text in other.long_fields.items():
        if len(text) > len(kept.long_fields.get(key, "")):
            kept.long_fields[key] = text
    if kept.start_date and kept.end_date and kept.end_date < kept.start_date:
        kept.end_date = None
    kept.also_in.append(other.where)


def record_traits(record: Record) -> Traits:
    return Traits.of(
        places=record.places, start=record.start_date, end=record.end_date, organisation=record.organisation
    )


def stored_traits(pks) -> dict[int, Traits]:
    """The places, period and organisation of stored practices, in two queries."""
    places: dict[int, list] = {pk: [] for pk in pks}
    through = Practice.places.through.objects.filter(practice_id__in=places)
    for pk, name, country, kind in through.values_list("practice_id", "place__name", "place__country", "place__kind"):
        places[pk].append((name, country, kind))
    rows = Practice.objects.filter(pk__in=places).values_list("pk", "start_date", "end_date", "organisation__name")
    return {
        pk: Traits.of(places=places[pk], start=start, end=end, organisation=organisation or "")
        for pk, start, end, organisation in rows
    }


def read_files(files: list[tuple[str, bytes]], report: ImportReport) -> list[Record]:
    """Every record of every file, the same practice told twice merged into one: the same title,
    and nothing that tells them apart. Records that only look alike all stay.

    A record without a title of its own (one made from its summary) is compared by its summary: a
    listing that gives only the opening of a practice is that practice."""
    unique: list[Record] = []
    traits: list[Traits] = []
    by_title: dict[str, list[int]] = {}
    by_summary: dict[str, list[int]] = {}
    for name, raw in files:
        report.files.append(name)
        try:
            records, problems = parse(name, raw)
        except Exception as error:  # noqa: BLE001  a file that breaks a reader must not stop the others
            records, problems = [], [Problem(name, 0, _("could not be read (%(error)s)") % {"error": error})]
        for problem in problems:
            _skip(report, problem)
        for record in records:
            mine = record_traits(record)
            same_title = by_title.setdefault(fingerprint(record.title), [])
            same_summary = by_summary.setdefault(summary_fingerprint(record.summary), [])
            told_alike = same_title + [
                i
                for i in same_summary
                if len(summary_fingerprint(record.summary)) >= 40 and (record.title_derived or unique[i].title_derived)
            ]
            kept = next((i for i in told_alike if not conflicts(traits[i], mine)), None)
            if kept is not None:
                _merge_records(unique[kept], record)
                traits[kept] = record_traits(unique[kept])
            else:
                same_title.append(len(unique))
                same_summary.append(len(unique))
                unique.append(record)
                traits.append(mine)
    for record in unique:
        if record.also_in:
            report.merged.append({"title": record.title, "where": record.where, "also_in": record.also_in})
    return unique


def existing_practices() -> DuplicateIndex:
    """Every practice already stored, by title and summary; a merged duplicate stands for its survivor.

    Read in chunks, only the columns compared and only the opening of each summary: the index is
    what stays in memory, not 100 000 model instances. In order of id, so that of two stored
    practices with one title, the older is the one matched on every database."""
    index = DuplicateIndex()
    rows = Practice.objects.order_by("pk").values_list("pk", "title", Substr("summary", 1, 400), "merged_into_id")
    for pk, title, summary, merged_into in rows.iterator(chunk_size=5000):
        index.add(merged_into or pk, title, summary)
    return index


class _Vocabulary:
    """Topics by name or slug; organisations, places and members looked up once per import."""

    def __init__(self):
        self.topics = {}
        for topic in Topic.objects.all():
            self.topics[topic.name.casefold()] = topic
            self.topics[topic.slug] = topic
        self.places: dict[tuple, object] = {}
        self.members: dict[str, object] = {}
        self.organisations: dict[str, object] = {}

    def forget_written(self) -> None:
        """What was made in a transaction that was rolled back is gone: look it up afresh."""
        self.places.clear()
        self.members.clear()
        self.organisations.clear()

    def organisation(self, name: str):
        name = " ".join(name.split())
        if name not in self.organisations:
            self.organisations[name] = organisation_get_or_create(name=name)
        return self.organisations[name]

    def topics_for(self, record: Record, report: ImportReport) -> list[Topic]:
        found = []
        for name in record.topic_names:
            topic = self.topics.get(name.casefold()) or self.topics.get(slugify(name))
            if topic is None:
                report.warnings.append(
                    {"where": record.where, "message": _("no topic is called “%(name)s”") % {"name": name}}
                )
            elif topic not in found:
                found.append(topic)
        return found

    def places_for(self, record: Record) -> list:
        places = []
        for name, country, kind in record.places:
            key = (name.casefold(), country, kind)
            if key not in self.places:
                # A province the text named stays a province; a town's kind is left to the gazetteer.
                chosen = kind if not name or kind == "region" else ""
                self.places[key] = place_get_or_create(name=name, country=country, kind=chosen)
            if self.places[key] not in places:
                places.append(self.places[key])
        return places

    def member(self, name: str, email: str = ""):
        """The member a verified submitter stands for: the account whose verified e-mail address is theirs,
        else a new account (without a password). Never matched by name, which members choose themselves."""
        person = _HONORIFIC.sub("", " ".join(name.split()))
        first, _space, last = person.partition(" ")
        if last.isupper():
            last = last.title()  # "ZHANG": a surname written in capitals, as the old sites did
        key = email.strip().casefold() or (first.casefold(), last.casefold())
        if key not in self.members:
            User = get_user_model()
            address = (
                EmailAddress.objects.filter(email__iexact=email.strip(), verified=True).select_related("user").first()
                if email.strip()
                else None
            )
            user = address.user if address else None
            if user is None:
                base = slugify(f"{first}.{last}".replace(".", "-")).replace("-", ".")[:140] or "member"
                username, n = base, 1
                while User.objects.filter(username=username).exists():
                    n += 1
                    username = f"{base}{n}"
                user = User(username=username, first_name=first, last_name=last)
                user.set_unusable_password()
                user.save()
            self.members[key] = user
        return self.members[key]


def _data(record: Record, topics: list[Topic]) -> dict:
    return {
        "title": record.title,
        "summary": record.summary,
        **record.long_fields,
        "start_date": record.start_date,
        "end_date": record.end_date,
        "people_reached": record.people_reached,
        "people_reached_unit": record.people_reached_unit,
        "language": record.language,
        "organisation_name": record.organisation,
        "partner_names": record.partners,
        "topics": topics,
        "tags": record.tags,
        "links": [("", url) for url in record.links],
    }


def import_record(
    *, record: Record, by, publish: bool, vocabulary: _Vocabulary, report: ImportReport, practice=None
) -> Practice:
    """One record in its own transaction: a new practice, or what it adds to `practice`."""
    reason = _("Imported from %(where)s") % {"where": record.where}
    with transaction.atomic():
        topics = vocabulary.topics_for(record, report)
        places = vocabulary.places_for(record)
        if practice is not None:
            return practice_import(practice=practice, data={"topics": topics}, places=places, by=by, reason=reason)
        submitted_by = (
            vocabulary.member(record.submitter_name, record.submitter_email) if record.submitter_verified else None
        )
        return practice_import(
            data=_data(record, topics),
            places=places,
            by=by,
            reason=reason,
            submitted_by=submitted_by,
            submitter_name=record.submitter_name,
            submitter_email=record.submitter_email,
            publish=publish,
        )


def _wanted(record: Record, vocabulary: _Vocabulary) -> tuple[set, set]:
    """The topics and countries a record would give a practice already here."""
    topics = {topic.pk for topic in vocabulary.topics_for(record, ImportReport())}
    return topics, {country for _name, country, _kind in record.places}


def _adds_something(practice: Practice, record: Record, vocabulary: _Vocabulary, report: ImportReport) -> bool:
    topics, countries = _wanted(record, vocabulary)
    if topics - set(practice.topics.values_list("pk", flat=True)):
        return True
    return bool(countries - set(practice.places.values_list("country", flat=True)))


def import_practices(
    *,
    files: list[tuple[str, bytes]],
    by=None,
    publish: bool = False,
    dry_run: bool = False,
    progress=None,
    job: ImportJob | None = None,
) -> ImportReport:
    report = ImportReport(dry_run=dry_run, publish=publish)
    records = read_files(files, report)
    if dry_run:
        with transaction.atomic():
            _write(records, report, by=by, publish=publish, progress=progress, job=job)
            import_pledges(files=files, records=records, report=report, by=by, publish=publish)
            transaction.set_rollback(True)
    else:
        _write(records, report, by=by, publish=publish, progress=progress, job=job)
        import_pledges(files=files, records=records, report=report, by=by, publish=publish)
        # Thousands of new rows make the planner's statistics wrong; SQLite would never refresh them.
        if report.created:
            database_optimize()
    return report


def _write(
    records: list[Record], report: ImportReport, *, by, publish: bool, progress: Progress | None, job=None
) -> None:
    index = existing_practices()
    vocabulary = _Vocabulary()
    options = {"index": index, "vocabulary": vocabulary, "by": by, "publish": publish, "job": job}
    # practice_import_many needs the ids of the rows it inserts; without them, one practice at a time.
    bulk = connection.features.can_return_rows_from_bulk_insert
    for start in range(0, len(records), BATCH):
        batch = records[start : start + BATCH]
        if not (bulk and _write_batch(batch, report, **options)):
            with transaction.atomic():
                for record in batch:
                    _write_one(record, report, **options)
        if progress:
            progress(min(start + BATCH, len(records)), len(records))


@dataclass(eq=False)  # compared and hashed by identity: a key of the batch's duplicate index
class _New:
    """A record that becomes a new practice when its batch is written."""

    record: Record
    entry: dict
    item: ImportedPractice
    practice: Practice | None = None
    # The practice it looks like (a stored one's id, or another _New) and how much.
    duplicate_of: object = None
    score: float = 0.0


class _Batch:
    """One batch of records in one transaction: the new practices, and what the others add to stored
    practices, are gathered and written together by practice_import_many.

    The records are told apart as _write_one does, with what they need read for the whole batch at
    once: the stored practices they match, their titles, topics and countries."""

    def __init__(
        self, records: list[Record], *, index: DuplicateIndex, vocabulary: _Vocabulary, by, publish: bool, job=None
    ):
        self.index, self.vocabulary, self.by, self.publish, self.job = index, vocabulary, by, publish, job
        self.report = ImportReport()
        self.matches = [index.find(record.title, record.summary) for record in records]
        # New practices of this batch, for the records after them: the main index gets them once
        # the batch is committed, so that a batch rolled back leaves nothing behind in it.
        self.fresh = DuplicateIndex()
        self.new: list[_New] = []
        self.unwritten: list[_New] = []
        # Stored practices that records of this batch add topics or places to.
        self.gaining: dict[int, ImportedPractice] = {}
        stored = {match.key for match in self.matches if match}
        self.titles = dict(Practice.objects.filter(pk__in=stored).values_list("pk", "title"))
        exact = {match.key for match in self.matches if match and match.exact}
        self.topics: dict[int, set] = {pk: set() for pk in exact}
        self.countries: dict[int, set] = {pk: set() for pk in exact}
        through = Practice.topics.through.objects.filter(practice_id__in=exact)
        for pk, topic in through.values_list("practice_id", "topic_id"):
            self.topics[pk].add(topic)
        through = Practice.places.through.objects.filter(practice_id__in=exact)
        for pk, country in through.values_list("practice_id", "place__country"):
            self.countries[pk].add(country)
        self.traits = stored_traits(exact)

    def write(self, records: list[Record]) -> None:
        for record, match in zip(records, self.matches, strict=True):
            if not (match and match.exact):
                fresh = self.fresh.find(record.title, record.summary)
                if fresh and (fresh.exact or match is None or fresh.score > match.score):
                    match = fresh
            self.write_one(record, match)
        self.flush()

    def write_one(self, record: Record, match) -> None:
        entry = {"title": record.title, "where": record.where}
        if match is None:
            self.add(record, entry)
            return
        key = match.key
        if isinstance(key, _New):
            title = key.record.title
            if match.exact and conflicts(record_traits(key.record), record_traits(record)):
                match = Match(key, SAME_TITLE_TOLD_APART_SCORE, False)
            if match.exact:
                self.flush()
                key = key.practice.pk
        elif key in self.titles:
            title = self.titles[key]
            if match.exact and conflicts(self.traits[key], record_traits(record)):
                match = Match(key, SAME_TITLE_TOLD_APART_SCORE, False)
        else:  # deleted since the import began: nothing to compare it with any more
            self.add(record, entry)
            return
        if not match.exact:
            self.add(record, entry, duplicate_of=key, score=match.score, title=title)
            return
        entry.update(id=key, practice_title=title)
        topics, countries = _wanted(record, self.vocabulary)
        if not (topics - self.topics[key] or countries - self.countries[key]):
            self.report.unchanged.append(entry)
            return
        if key in self.gaining:  # a second record for it in this batch: a second version in its history
            self.flush()
        self.gaining[key] = ImportedPractice(
            data={"topics": self.vocabulary.topics_for(record, self.report)},
            reason=_("Imported from %(where)s") % {"where": record.where},
            places=self.vocabulary.places_for(record),
        )
        self.topics[key] |= topics
        self.countries[key] |= countries
        self.report.updated.append(entry)

    def add(self, record: Record, entry: dict, *, duplicate_of=None, score: float = 0.0, title: str = "") -> None:
        vocabulary = self.vocabulary
        if duplicate_of is not None:
            entry = {**entry, "practice_title": title, "score": score}
        data = _data(record, vocabulary.topics_for(record, self.report))
        new = _New(
            record,
            entry,
            ImportedPractice(
                data=data,
                reason=_("Imported from %(where)s") % {"where": record.where},
                places=vocabulary.places_for(record),
                organisation=vocabulary.organisation(record.organisation) if record.organisation else None,
                partners=[vocabulary.organisation(name) for name in record.partners],
                submitted_by=vocabulary.member(record.submitter_name, record.submitter_email)
                if record.submitter_verified
                else None,
                submitter_name=record.submitter_name,
                submitter_email=record.submitter_email,
            ),
            duplicate_of=duplicate_of,
            score=score,
        )
        self.fresh.add(new, record.title, record.summary)
        self.new.append(new)
        self.unwritten.append(new)

    def flush(self) -> None:
        if not (self.unwritten or self.gaining):
            return
        stored = Practice.objects.in_bulk(list(self.gaining))
        for pk, item in self.gaining.items():
            if pk not in stored:
                raise Practice.DoesNotExist(f"practice {pk} was deleted meanwhile")
            item.practice = stored[pk]
        # A possible duplicate goes to the queue even when the import publishes.
        queued = [new for new in self.unwritten if new.duplicate_of is not None or not self.publish]
        published = [new for new in self.unwritten if new not in queued]
        practices = []
        if published or self.gaining:
            items = [new.item for new in published] + list(self.gaining.values())
            practices += practice_import_many(items=items, by=self.by, publish=True)[: len(published)]
        if queued:
            practices += practice_import_many(items=[new.item for new in queued], by=self.by, publish=False)
        for new, practice in zip(published + queued, practices, strict=True):
            new.practice = practice
            self.report.created.append({**new.entry, "id": practice.pk})
            # The same topics and countries as it was given: what a later record might add to it.
            self.topics[practice.pk] = {topic.pk for topic in new.item.data["topics"]}
            self.countries[practice.pk] = {place.country.code for place in new.item.places}
        marks = []
        for new in queued:
            if new.duplicate_of is None:
                continue
            other = new.duplicate_of.practice.pk if isinstance(new.duplicate_of, _New) else new.duplicate_of
            marks.append(
                PossibleDuplicate(
                    practice=new.practice, duplicate_of_id=other, score=new.score, job=self.job, where=new.record.where
                )
            )
            self.report.possible_duplicates.append({**new.entry, "id": new.practice.pk, "duplicate_of": other})
        PossibleDuplicate.objects.bulk_create(marks)
        self.unwritten, self.gaining = [], {}


def _write_batch(
    records: list[Record],
    report: ImportReport,
    *,
    index: DuplicateIndex,
    vocabulary: _Vocabulary,
    by,
    publish: bool,
    job=None,
) -> bool:
    """The batch in one transaction; False, with nothing written, if the database refused any of it."""
    try:
        with transaction.atomic():
            batch = _Batch(records, index=index, vocabulary=vocabulary, by=by, publish=publish, job=job)
            batch.write(records)
    except (DatabaseError, ValueError, Practice.DoesNotExist):
        vocabulary.forget_written()
        return False
    for new in batch.new:
        index.add(new.practice.pk, new.practice.title, new.practice.summary)
    report.extend(batch.report)
    return True


def _write_one(record: Record, report: ImportReport, *, index, vocabulary, by, publish: bool, job=None) -> None:
    entry = {"title": record.title, "where": record.where}
    match = index.find(record.title, record.summary)
    if match and match.exact and conflicts(stored_traits([match.key]).get(match.key, Traits()), record_traits(record)):
        match = Match(match.key, SAME_TITLE_TOLD_APART_SCORE, False)
    try:
        if match and match.exact:
            practice = Practice.objects.get(pk=match.key)
            entry.update(id=practice.pk, practice_title=practice.title)
            if _adds_something(practice, record, vocabulary, report):
                import_record(
                    record=record, by=by, publish=publish, vocabulary=vocabulary, report=report, practice=practice
                )
                report.updated.append(entry)
            else:
                report.unchanged.append(entry)
        elif match and (other := Practice.objects.only("title").filter(pk=match.key).first()):
            with transaction.atomic():
                practice = import_record(record=record, by=by, publish=False, vocabulary=vocabulary, report=report)
                PossibleDuplicate.objects.create(
                    practice=practice, duplicate_of=other, score=match.score, job=job, where=record.where
                )
            index.add(practice.pk, practice.title, practice.summary)
            report.created.append({**entry, "id": practice.pk})
            report.possible_duplicates.append(
                {
                    **entry,
                    "id": practice.pk,
                    "duplicate_of": other.pk,
                    "practice_title": other.title,
                    "score": match.score,
                }
            )
        else:
            practice = import_record(record=record, by=by, publish=publish, vocabulary=vocabulary, report=report)
            index.add(practice.pk, practice.title, practice.summary)
            report.created.append({**entry, "id": practice.pk})
    except (DatabaseError, ValueError, Practice.DoesNotExist) as error:
        report.skipped.append({"where": record.where, "message": _("not saved: %(error)s") % {"error": error}})
        # What the failed practice created was rolled back with it: look those up afresh.
        vocabulary.places.clear()
        vocabulary.members.clear()


def import_job_run(*, job: ImportJob) -> ImportJob:
    """Run an uploaded import, keeping its progress up to date for the page that shows it."""
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    files = [(f.name, bytes(f.content)) for f in job.files.all()]

    def progress(done: int, total: int) -> None:
        if done == total or done % 10 == 0:
            ImportJob.objects.filter(pk=job.pk).update(done=done, total=total)

    try:
        report = import_practices(
            files=files, by=job.created_by, publish=job.publish, dry_run=job.dry_run, progress=progress, job=job
        )
    except Exception as error:
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.FAILED, error=str(error), finished_at=timezone.now()
        )
        raise
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.DONE, report=report.as_dict(), finished_at=timezone.now()
    )
    job.refresh_from_db()
    return job


@transaction.atomic
def import_job_create(*, files: list[tuple[str, bytes]], by, publish: bool, dry_run: bool) -> ImportJob:
    from hub.imports.tasks import run_import_job

    job = ImportJob.objects.create(created_by=by, publish=publish, dry_run=dry_run)
    for name, content in files:
        job.files.create(name=name, content=content)
    transaction.on_commit(lambda: run_import_job.enqueue(job_id=job.pk))
    return job


@transaction.atomic
def possible_duplicates_resolve(*, marks, action: str, by) -> int:
    """A moderator's answer to possible duplicates, one or many: "merge" each practice into the one it
    looks like (practice_merge), or "keep" it as a practice of its own. Returns how many were decided;
    marks already decided, or whose practices were merged meanwhile, are left as they are."""
    if action not in {"merge", "keep"}:
        raise ValueError(f"unknown action {action!r}")
    done = 0
    for mark in marks.unresolved().select_for_update(of=("self",)).order_by("pk"):
        practice = Practice.objects.get(pk=mark.practice_id)
        if action == "merge":
            keep = Practice.objects.get(pk=mark.duplicate_of_id)
            if keep.merged_into_id:
                keep = Practice.objects.get(pk=keep.merged_into_id)
            if practice.merged_into_id or keep.pk == practice.pk:
                continue
            practice_merge(keep=keep, duplicate=practice, by=by)
        Resolution = PossibleDuplicate.Resolution
        mark.resolution = Resolution.MERGED if action == "merge" else Resolution.KEPT
        mark.resolved_by = by if by and by.is_authenticated else None
        mark.resolved_at = timezone.now()
        mark.save(update_fields=["resolution", "resolved_by", "resolved_at"])
        done += 1
    return done


@transaction.atomic
def import_job_confirm(*, trial: ImportJob, by, publish: bool) -> ImportJob:
    """The real import of the files of a finished dry run that asked to publish at once, once the
    moderator has seen how many practices would go public (or chose the moderation queue instead)."""
    trial = ImportJob.objects.select_for_update().get(pk=trial.pk)
    if not (trial.dry_run and trial.publish and trial.status == ImportJob.Status.DONE):
        raise ValueError(_("Only a finished trial of “publish at once” can be confirmed."))
    if trial.report.get("confirmed_as"):
        raise ValueError(_("This trial was already confirmed."))
    files = [(f.name, bytes(f.content)) for f in trial.files.all()]
    job = import_job_create(files=files, by=by, publish=publish, dry_run=False)
    trial.report["confirmed_as"] = job.pk
    trial.save(update_fields=["report"])
    return job


@transaction.atomic
def possible_duplicates_record(*, practice: Practice, matches: list[tuple]) -> list[PossibleDuplicate]:
    """Marks for moderators: the submitter of `practice` was told that it looks like these practices
    [(practice, score)] and sent it all the same (hub.imports.dedupe.submission_duplicates)."""
    marks = []
    for other, score in matches:
        if other.pk != practice.pk:
            mark, _created = PossibleDuplicate.objects.get_or_create(
                practice=practice, duplicate_of=other, defaults={"score": score, "where": ""}
            )
            marks.append(mark)
    return marks
