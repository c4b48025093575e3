"""The pledge kind's texts for the site search, for the search engine's registry of kinds
(hub.search registers it; nothing here writes to the index)."""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from hub.lib.markdown import render_markdown
from hub.pledges.models import Pledge
from hub.search.kinds import SearchFacet, SearchKind


def pledge_texts(ids: list[int]) -> dict[int, dict]:
    """Pledge id → {"title", "summary", "body", "context", "language"}, for the published pledges among
    `ids` only (the others are left out, so the index drops them). A fixed number of queries."""
    pledges = (
        Pledge.objects.published()
        .filter(pk__in=ids)
        .select_related("organisation", "initiative")
        .prefetch_related("places", "topics", "targets", "partners")
    )
    texts = {}
    for pledge in pledges:
        updates = pledge.updates.published().order_by("-date").values_list("text", flat=True)[:5]
        texts[pledge.pk] = {
            "title": pledge.title,
            "summary": pledge.commitment,
            "body": "\n\n".join(strip_tags(render_markdown(text)) for text in [pledge.body, *updates] if text),
            "context": " · ".join(
                [
                    pledge.organisation.name,
                    *(partner.name for partner in pledge.partners.all()),
                    *(str(place) for place in pledge.places.all()),
                    *(topic.name for topic in pledge.topics.all()),
                    *(str(target) for target in pledge.targets.all()),
                    *([pledge.initiative.name] if pledge.initiative else []),
                ]
            ),
            "language": pledge.language,
        }
    return texts


def pledge_search_texts(ids: list[int]) -> list[tuple[int, str, dict]]:
    """pledge_texts in the form the search registry takes: (id, language, {field: text})."""
    return [(pk, text.pop("language"), text) for pk, text in pledge_texts(ids).items()]


PLEDGE_SEARCH = SearchKind(
    number=1,
    slug="pledges",
    label=_("Pledges"),
    model="pledges.Pledge",
    texts=pledge_search_texts,
    facets=(
        SearchFacet("state", _("State"), "state"),
        SearchFacet("initiative", _("Initiative"), "initiative"),
    ),
)
