"""The site's standing pages: about, contact, privacy and terms, linked from the footer and the sign-up form."""

from django.urls import path
from django.views.generic import TemplateView

app_name = "pages"

urlpatterns = [
    path(f"{name}/", TemplateView.as_view(template_name=f"pages/{name}.html"), name=name)
    for name in ("about", "contact", "privacy", "terms")
]
