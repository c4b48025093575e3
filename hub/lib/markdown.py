"""Markdown for long text fields, rendered then sanitised: what a submitter types can never run."""

import threading

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre",
    "h3", "h4", "h5", "h6", "a", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


_converters = threading.local()


def _converter() -> markdown_lib.Markdown:
    # One converter per thread, reset between texts: building one costs more than converting a field.
    if not hasattr(_converters, "markdown"):
        _converters.markdown = markdown_lib.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    return _converters.markdown.reset()


# Links in what members write in conversations (forum posts): search engines give them no credit
# (https://developers.google.com/search/docs/crawling-indexing/qualify-outbound-links), so links left
# by spammers are worth nothing to them.
USER_CONTENT_REL = "nofollow ugc noopener"


def render_markdown(text: str, *, link_rel: str = "nofollow noopener") -> str:
    # Headings start at h3: the page owns h1 and the field's own heading is h2.
    html = _converter().convert(text or "")
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h3>").replace("</h2>", "</h3>")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=link_rel,
    )
