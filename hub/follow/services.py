"""Following by e-mail: subscribe (double opt-in for addresses without an account), confirm, change,
unsubscribe; the alert sent when an item is published; the daily and weekly digests.

Every e-mail goes through hub.lib.mail (the background queue), carries a one-click unsubscribe link
and the List-Unsubscribe headers, and is recorded in a Sending with the items it held: nobody gets the
same item twice, whatever subscriptions bring it.
"""

import copy
import datetime
from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from django_tasks import task

from hub.follow.models import Frequency, Sending, Subscription
from hub.follow.registry import FOLLOWABLES, SOURCES, Entry, Followable, followable_named, sources_of_model
from hub.follow.tokens import confirm_read, confirm_token, manage_token, unsubscribe_read, unsubscribe_token
from hub.lib.languages import url_in_language
from hub.lib.mail import member_language, send_templated_mail
from hub.publishing.translations import read_cards

# A digest section lists this many items, then "and N more" with the link to the page that has them all.
SECTION_ENTRIES = 10
PERIODS = {Frequency.DAILY: datetime.timedelta(days=1), Frequency.WEEKLY: datetime.timedelta(days=7)}


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def unsubscribe_url(subscriptions) -> str:
    return _absolute(reverse("follow:unsubscribe", args=[unsubscribe_token(subscriptions)]))


def manage_url(email: str) -> str:
    return _absolute(reverse("follow:manage", args=[manage_token(email)]))


def _language_of(subscriptions) -> str:
    """The language of an e-mail to one address: its latest subscription's, if still offered."""
    offered = dict(settings.LANGUAGES)
    newest = max(subscriptions, key=lambda subscription: subscription.pk)
    return newest.language if newest.language in offered else settings.LANGUAGE_CODE


def _entry_in(entry: Entry, language: str) -> Entry:
    """The entry with its address in the reader's language (/fr/practices/… for French)."""
    url = url_in_language(entry.url, language)
    return entry if url == entry.url else replace(entry, url=url)


def _entries_in(source, items: list, language: str) -> dict[int, Entry]:
    """The items' entries as a reader of `language` gets them: a person's translation of the title and
    summary where there is one (hub.publishing.translations.read_cards, one query per kind), labels in
    that language, addresses under its prefix. Copies are translated, never the items themselves."""
    with translation.override(language):
        shown = read_cards([copy.copy(item) for item in items], language)
        return {item.pk: _entry_in(source.entry(item), language) for item in shown}


def _list_headers(url: str) -> dict:
    # RFC 8058: a mail client unsubscribes with one POST to this address, no page, no sign-in.
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


@dataclass(frozen=True)
class Wanted:
    """What a Follow form asks for, checked: the followable, its key in its one spelling, its name."""

    followable: Followable
    key: str
    label: str


def follow_wanted(*, what: str, key: str) -> Wanted:
    """LookupError when there is no such thing to follow, ValueError when the key is not valid."""
    followable = followable_named(what)
    if followable is None:
        raise LookupError(what)
    key = followable.clean_key(key)
    return Wanted(followable, key, str(followable.label(key))[:300])


@transaction.atomic
def subscription_follow(*, wanted: Wanted, email: str, frequency: str, user=None) -> Subscription:
    """A signed-in member follows with their account's address at once; anyone else gets an e-mail
    with a link to confirm (nothing is sent to an address until its owner confirmed). Asking again
    changes nothing that was confirmed, but sends the link again."""
    if frequency == Frequency.IMMEDIATELY and not wanted.followable.immediate:
        frequency = Frequency.DAILY
    email = email.strip().lower()
    member = user is not None and user.is_authenticated
    language = (member_language(user) if member else None) or translation.get_language() or settings.LANGUAGE_CODE
    subscription, created = Subscription.objects.select_for_update().get_or_create(
        email=email,
        what=wanted.followable.slug,
        key=wanted.key,
        defaults={"label": wanted.label, "frequency": frequency, "language": language},
    )
    if member:
        subscription.user = user
        subscription.frequency = frequency
        subscription.label = wanted.label
        subscription.language = language
        subscription.confirmed_at = subscription.confirmed_at or timezone.now()
        subscription.save()
        return subscription
    if created or not subscription.is_confirmed:
        subscription.frequency = frequency
        subscription.language = language
        subscription.save(update_fields=["frequency", "language"])
    context = {
        "subscription": subscription,
        "confirm_url": _absolute(reverse("follow:confirm", args=[confirm_token(subscription)])),
        "manage_url": manage_url(email),
    }
    transaction.on_commit(
        lambda: send_templated_mail(to=email, template="follow_confirm", context=context, language=language)
    )
    return subscription


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscription | None:
    """The subscription the link confirms, or None when it was removed since. BadSignature for a link
    that is not ours or is too old."""
    pk, email = confirm_read(token)
    subscription = Subscription.objects.select_for_update().filter(pk=pk, email=email).first()
    if subscription is not None and not subscription.is_confirmed:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def subscriptions_of_token(*, token: str):
    """The subscriptions an unsubscribe link names that still exist. BadSignature for a forged link."""
    email, pks = unsubscribe_read(token)
    return Subscription.objects.filter(email=email, pk__in=pks)


@transaction.atomic
def subscriptions_unsubscribe(*, token: str) -> int:
    deleted, _by_model = subscriptions_of_token(token=token).delete()
    return deleted


@transaction.atomic
def subscription_set_frequency(*, subscription: Subscription, frequency: str) -> Subscription:
    if frequency == Frequency.IMMEDIATELY and not FOLLOWABLES[subscription.what].immediate:
        raise ValueError(frequency)
    subscription.frequency = frequency
    subscription.save(update_fields=["frequency"])
    return subscription


@transaction.atomic
def subscriptions_forget_member(*, user) -> int:
    """On account deletion: every subscription of the member, by account or by their address, ends."""
    mine = Subscription.objects.filter(user=user)
    if user.email:
        mine = mine | Subscription.objects.of_address(user.email)
    deleted, _by_model = Subscription.objects.filter(pk__in=list(mine.values_list("pk", flat=True))).delete()
    return deleted


@transaction.atomic
def subscription_delete(*, subscription: Subscription) -> None:
    subscription.delete()


# Alerts: once an item is published (and committed), to those who follow it immediately.


def alerts_on_change(obj, *, by, was_public: bool) -> None:
    """The publishing workflow's change listener (hub.publishing.kinds.listen_to_changes): an item of a
    source that becomes public is announced once the change is committed, by the background queue."""
    if was_public or not obj.is_published:
        return
    model = obj._meta.label_lower
    if sources_of_model(model):
        pk = obj.pk
        transaction.on_commit(lambda: send_alerts.enqueue(model=model, pk=pk))


@task()
def send_alerts(*, model: str, pk: int) -> int:
    return alerts_send(model=model, pk=pk)


def _already_sent(*, since: datetime.datetime, emails=None) -> dict[str, set[str]]:
    rows = Sending.objects.filter(sent_at__gte=since)
    if emails is not None:
        rows = rows.filter(email__in=emails)
    sent = defaultdict(set)
    for email, items in rows.values_list("email", "items"):
        sent[email].update(items)
    return sent


@transaction.atomic
def alerts_send(*, model: str, pk: int) -> int:
    """E-mails the item, if it is still published, to each address with an immediate subscription that
    it matches (one e-mail for an address however many of its subscriptions match); returns how many."""
    count = 0
    for source in sources_of_model(model):
        items = source.one(pk)
        if not items:
            continue
        entry = source.entry(items[0])  # what decides who gets it; its text is taken in each one's language
        in_language: dict[str, Entry] = {}
        followables = {slug: f for slug, f in FOLLOWABLES.items() if f.source == source.name and f.immediate}
        subscriptions = list(
            Subscription.objects.confirmed().filter(frequency=Frequency.IMMEDIATELY, what__in=followables)
        )
        keys = defaultdict(set)
        for subscription in subscriptions:
            keys[subscription.what].add(subscription.key)
        matched = {
            (what, key)
            for what, wanted in keys.items()
            for key, found in followables[what].match(wanted, items).items()
            if found
        }
        by_email = defaultdict(list)
        for subscription in subscriptions:
            if (subscription.what, subscription.key) in matched:
                by_email[subscription.email].append(subscription)
        sent = _already_sent(since=entry.date or timezone.now(), emails=list(by_email))
        sendings = []
        for email, mine in by_email.items():
            if entry.key in sent[email] or email in entry.not_for:
                continue
            language = _language_of(mine)
            if language not in in_language:
                in_language[language] = _entries_in(source, items[:1], language)[items[0].pk]
            with translation.override(language):
                url = unsubscribe_url(mine)
                context = {
                    "entry": in_language[language],
                    "subscriptions": mine,
                    "unsubscribe_url": url,
                    "manage_url": manage_url(email),
                }
            send_templated_mail(
                to=email, template="follow_alert", context=context, headers=_list_headers(url), language=language
            )
            sendings.append(Sending(email=email, items=[entry.key]))
        Sending.objects.bulk_create(sendings)
        count += len(sendings)
    return count


# Digests: what is new since the last one, by subscription, for cron (manage.py send_digests).


@dataclass
class Section:
    label: str
    page_url: str
    entries: list[Entry]
    more: int = 0
    # The entries as the e-mail shows them: each entry's text is rendered once for every digest.
    text: str = ""


@dataclass
class Digest:
    email: str
    sections: list[Section] = field(default_factory=list)
    subscriptions: list = field(default_factory=list)
    language: str = "en"

    @property
    def entry_keys(self) -> list[str]:
        return [entry.key for section in self.sections for entry in section.entries]


def _since(subscription, *, now, period) -> datetime.datetime:
    if subscription.last_digest_at:
        return subscription.last_digest_at
    # The first digest after following holds at most one period.
    return max(subscription.confirmed_at, now - period)


def digests_build(*, frequency: str, now: datetime.datetime) -> list[Digest]:
    """The digests due now, each an address's new items grouped by its subscriptions, without an item
    it was sent before (in an alert or another digest) or twice in one digest, without empty ones.

    A fixed number of queries whatever the number of subscribers: the subscriptions, the new items of
    each source (with their prefetches), what was sent lately; matching is done once per distinct
    followed thing, not per subscriber."""
    period = PERIODS[frequency]
    subscriptions = list(
        Subscription.objects.confirmed()
        .filter(frequency=frequency, confirmed_at__lte=now, what__in=FOLLOWABLES)
        .only("pk", "what", "key", "label", "email", "language", "confirmed_at", "last_digest_at")
        .order_by("email", "label", "pk")
    )
    if not subscriptions:
        return []
    since = {subscription.pk: _since(subscription, now=now, period=period) for subscription in subscriptions}
    earliest = min(since.values())

    wanted = defaultdict(set)
    for subscription in subscriptions:
        wanted[subscription.what].add(subscription.key)
    new_items = {}
    matched = {}  # (what, key) -> the primary keys of the new items it matches, newest first
    for what, keys in wanted.items():
        followable = FOLLOWABLES[what]
        source = SOURCES[followable.source]
        if source.name not in new_items:
            new_items[source.name] = source.new(earliest, now)
        for key, found in followable.match(keys, new_items[source.name]).items():
            matched[what, key] = [item.pk for item in found]
    entries_in: dict[tuple[str, str], dict[int, Entry]] = {}  # (source, language) -> entries by pk

    def entries_of(what: str, language: str) -> dict[int, Entry]:
        source = SOURCES[FOLLOWABLES[what].source]
        if (source.name, language) not in entries_in:
            entries_in[source.name, language] = _entries_in(source, new_items[source.name], language)
        return entries_in[source.name, language]

    sent = _already_sent(since=earliest)
    texts = {}
    page_urls = {}
    digests = []
    current = None
    by_email = defaultdict(list)
    for subscription in subscriptions:
        by_email[subscription.email].append(subscription)
    for subscription in subscriptions:
        if current is None or current.email != subscription.email:
            current = Digest(subscription.email, language=_language_of(by_email[subscription.email]))
            digests.append(current)
            seen = set(sent.get(subscription.email, ()))
        current.subscriptions.append(subscription)
        start = since[subscription.pk]
        entries = []
        more = 0
        found = matched.get((subscription.what, subscription.key), ())
        in_language = entries_of(subscription.what, current.language) if found else {}
        for entry in (in_language[pk] for pk in found):
            if entry.date > start and entry.key not in seen and subscription.email not in entry.not_for:
                if len(entries) == SECTION_ENTRIES:
                    more += 1
                    continue
                seen.add(entry.key)
                entries.append(entry)
        if entries:
            # Each entry is rendered once per language of the digests that hold it.
            language = current.language
            followed = (language, subscription.what, subscription.key)
            with translation.override(language):
                if followed not in page_urls:
                    page_urls[followed] = _absolute(FOLLOWABLES[subscription.what].page_url(subscription.key))
                for entry in entries:
                    if (language, entry.key) not in texts:
                        texts[language, entry.key] = render_to_string("mail/_follow_entry.txt", {"entry": entry}).strip(
                            "\n"
                        )
                text = "\n\n".join(texts[language, entry.key] for entry in entries)
                if more:
                    text += "\n\n" + ngettext("And %(count)d more: %(url)s", "And %(count)d more: %(url)s", more) % {
                        "count": more,
                        "url": page_urls[followed],
                    }
            current.sections.append(Section(subscription.label, page_urls[followed], entries, more, text))
    return [digest for digest in digests if digest.sections]


@transaction.atomic
def digests_send(*, frequency: str, now: datetime.datetime | None = None) -> int:
    """Builds and enqueues the digests due now (one e-mail task each, so that a failed send is retried
    alone), records them, and moves every due subscription's last digest to now; returns how many."""
    now = now or timezone.now()
    digests = digests_build(frequency=frequency, now=now)
    for digest in digests:
        with translation.override(digest.language):
            url = unsubscribe_url(digest.subscriptions)
            context = {
                "digest": digest,
                "frequency": Frequency(frequency),
                "unsubscribe_url": url,
                "manage_url": manage_url(digest.email),
            }
        send_templated_mail(
            to=digest.email,
            template="follow_digest",
            context=context,
            headers=_list_headers(url),
            language=digest.language,
        )
    Sending.objects.bulk_create([Sending(email=d.email, sent_at=now, items=d.entry_keys) for d in digests])
    Subscription.objects.confirmed().filter(frequency=frequency, confirmed_at__lte=now).update(last_digest_at=now)
    return len(digests)
