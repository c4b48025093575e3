"""schema.org data in a page: one <script type="application/ld+json">, escaped so no text can close it."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> str:
    """The script of this data, without the keys whose value is empty (None, "", [])."""
    payload = json.dumps({k: v for k, v in data.items() if v not in (None, "", [])}, ensure_ascii=False)
    escaped = mark_safe(payload.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 - <, > and & are escaped above
    return format_html('<script type="application/ld+json">{}</script>', escaped)
