"""Signed links (django.core.signing, with the SECRET_KEY): they work without signing in, and nobody can
make one for another address or another subscription."""

from django.core import signing

CONFIRM_DAYS = 7
_CONFIRM = "follow.confirm"
_UNSUBSCRIBE = "follow.unsubscribe"
_MANAGE = "follow.manage"


def confirm_token(subscription) -> str:
    return signing.dumps([subscription.pk, subscription.email], salt=_CONFIRM, compress=True)


def confirm_read(token: str) -> tuple[int, str]:
    """BadSignature (SignatureExpired after CONFIRM_DAYS) when the link was not ours or is too old."""
    pk, email = signing.loads(token, salt=_CONFIRM, max_age=CONFIRM_DAYS * 24 * 3600)
    return int(pk), str(email)


def unsubscribe_token(subscriptions) -> str:
    """One link for the subscriptions an e-mail was sent for (a digest's, or one alert's): all to one address."""
    subscriptions = list(subscriptions)
    return signing.dumps([subscriptions[0].email, [s.pk for s in subscriptions]], salt=_UNSUBSCRIBE, compress=True)


def unsubscribe_read(token: str) -> tuple[str, list[int]]:
    email, pks = signing.loads(token, salt=_UNSUBSCRIBE)
    return str(email), [int(pk) for pk in pks]


def manage_token(email: str) -> str:
    return signing.dumps(email, salt=_MANAGE, compress=True)


def manage_read(token: str) -> str:
    return str(signing.loads(token, salt=_MANAGE))
