from django import template

from hub.imports.models import PossibleDuplicate
from hub.practices.models import Practice

register = template.Library()


@register.simple_tag
def possible_duplicates(obj) -> list[PossibleDuplicate]:
    """The undecided possible duplicates of a practice in the moderation queue (from an import or a
    submitter who went on after the warning); none for other kinds."""
    if not isinstance(obj, Practice):
        return []
    return list(PossibleDuplicate.objects.unresolved().filter(practice=obj).select_related("duplicate_of"))
