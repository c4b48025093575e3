from django.utils.text import slugify


def unique_slug(model, text: str, *, max_length: int = 200, fallback: str = "item") -> str:
    """A slug for `text` that no row of `model` has yet: "name", "name-2", "name-3", …"""
    base = slugify(text)[:max_length].strip("-") or fallback
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
