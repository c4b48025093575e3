from django.contrib.auth import get_user_model

# django-axes stores the name in a field of 255 characters.
MAX_NAME = 255


def username_of_attempt(request, credentials) -> str | None:
    """The account django-axes counts failures against, whichever form and whichever name was used:
    allauth's sign-in passes "username" or "email", the admin's passes "username". An e-mail address
    counts for the account it belongs to, so that five guesses mean five, not five per way of naming it."""
    credentials = credentials or {}
    name = credentials.get("username") or credentials.get("email") or request.POST.get("login")
    if not name:
        return None
    name = name.strip().lower()[:MAX_NAME]
    if "@" in name:
        from allauth.account.models import EmailAddress

        address = EmailAddress.objects.filter(email__iexact=name).select_related("user").first()
        user = address.user if address else get_user_model().objects.filter(email__iexact=name).first()
        if user is not None:
            return user.get_username().lower()
    return name
