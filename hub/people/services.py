from hub.lib.slugs import unique_slug
from hub.people.models import Organisation, StakeholderType


def organisation_get_or_create(*, name: str, stakeholder_type: StakeholderType | None = None) -> Organisation:
    name = " ".join(name.split())
    organisation = Organisation.objects.filter(name__iexact=name).first()
    if organisation is None:
        organisation = Organisation.objects.create(
            name=name, slug=unique_slug(Organisation, name, fallback="organisation"), stakeholder_type=stakeholder_type
        )
    elif stakeholder_type and organisation.stakeholder_type_id is None:
        organisation.stakeholder_type = stakeholder_type
        organisation.save(update_fields=["stakeholder_type"])
    return organisation
