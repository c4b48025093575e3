"""The address of the person at the other end, for the lockout (django-axes) and the rate limits
(django-ratelimit) alike.

Behind a proxy (BEHIND_PROXY=1) every request comes from the proxy's address; the person's is in
X-Forwarded-For, which each proxy appends to. Only the last TRUSTED_PROXY_HOPS entries were written by
proxies we run: anything to their left was sent by the client and may be forged. So the address is
the entry that many places from the right."""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or "127.0.0.1"  # empty over a Unix socket
    hops = settings.TRUSTED_PROXY_HOPS
    if not hops:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < hops:
        return remote  # not through our proxies (a health check on the machine itself)
    return _valid(forwarded[-hops]) or remote
