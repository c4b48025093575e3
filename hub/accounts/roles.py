"""Who may do what. A member is any user; a moderator holds the permission `accounts.moderate`
(given to the group "Moderators"); an administrator is a superuser."""

MODERATORS_GROUP = "Moderators"
MODERATE_PERMISSION = "accounts.moderate"


def is_moderator(user) -> bool:
    # Django's ModelBackend caches a user's permissions on the user object: templates ask several times a page.
    return bool(user and user.is_authenticated and user.has_perm(MODERATE_PERMISSION))
