"""Who may do what. A member is any user; a moderator holds the permission `accounts.moderate`
(given to the group "Moderators"); an administrator is a superuser."""

MODERATORS_GROUP = "Moderators"
MODERATE_PERMISSION = "accounts.moderate"


def is_moderator(user) -> bool:
    # Django's ModelBackend caches a user's permissions on the user object: templates ask several times a page.
    return bool(user and user.is_authenticated and user.has_perm(MODERATE_PERMISSION))


def role_label(user) -> str:
    """The role shown beside a member's name: Administrator, Moderator or Member."""
    from django.utils.translation import gettext as _

    if user.is_superuser:
        return _("Administrator")
    return _("Moderator") if is_moderator(user) else _("Member")


def roles_of(user_ids) -> dict:
    """role_label for many members in one query (a forum page shows twenty authors)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db.models import Q
    from django.utils.translation import gettext as _

    app_label, codename = MODERATE_PERMISSION.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    rows = (
        get_user_model()
        .objects.filter(pk__in=set(user_ids))
        .filter(Q(is_superuser=True) | Q(groups__permissions__in=permission) | Q(user_permissions__in=permission))
        .values_list("pk", "is_superuser", "is_active")
        .distinct()
    )
    roles = {pk: _("Member") for pk in user_ids}
    for pk, superuser, active in rows:
        if active:
            roles[pk] = _("Administrator") if superuser else _("Moderator")
    return roles
