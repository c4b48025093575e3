def username_of_attempt(request, credentials) -> str | None:
    """The name django-axes counts failures against, whichever form was used: allauth's sign-in passes
    "username" or "email", the admin's passes "username"."""
    credentials = credentials or {}
    name = credentials.get("username") or credentials.get("email") or request.POST.get("login")
    return name.strip().lower() if name else None
