"""The moderation queue and review page of every content kind, as normal pages for moderators
(the admin is the back office)."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hub.accounts.roles import is_moderator
from hub.lib.pages import paginate
from hub.publishing import services
from hub.publishing.forms import RejectForm, TranslationForm
from hub.publishing.kinds import KINDS, kind_named
from hub.publishing.models import ContentTranslation, Status
from hub.publishing.translations import written_in


def moderator_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated and request.method == "GET":
            return redirect_to_login(request.get_full_path())
        if not is_moderator(request.user):
            raise PermissionDenied(_("Only moderators can do this."))
        return view(request, *args, **kwargs)

    return wrapper


def _kind_or_404(slug: str):
    kind = kind_named(slug)
    if kind is None:
        raise Http404(_("There is no such kind of content."))
    return kind


def _object(kind_slug: str, pk: int):
    kind = _kind_or_404(kind_slug)
    return kind, get_object_or_404(kind.model_class, pk=pk)


@moderator_required
def queue(request):
    kind = kind_named(request.GET.get("kind", "")) or next(iter(KINDS.values()))
    status = request.GET.get("status") or Status.SUBMITTED
    if status not in Status.values:
        status = Status.SUBMITTED
    objects = kind.model_class.objects.filter(status=status).select_related("submitted_by")
    if status == Status.SUBMITTED:
        objects = objects.order_by("submitted_at", "pk")
    else:
        objects = objects.order_by("-submitted_at", "-pk")
    waiting = [(other, other.model_class.objects.filter(status=Status.SUBMITTED).count()) for other in KINDS.values()]
    return render(
        request,
        "moderation/queue.html",
        {
            "page": paginate(request, objects),
            "kind": kind,
            "kinds": waiting,
            "status": status,
            "statuses": Status.choices,
        },
    )


def _history(obj) -> list:
    records = list(obj.history.select_related("history_user").order_by("-history_date")[:50])
    changes = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changed = []
        if older is not None:
            delta = newer.diff_against(older, excluded_fields=["updated_at"])
            changed = [change.field for change in delta.changes]
        changes.append((newer, changed))
    return changes


def _review_context(kind, obj, form=None, reject_form=None):
    return {
        "kind": kind,
        "object": obj,
        kind.slug: obj,
        "form": form or kind.form_class()(instance=obj),
        "reject_form": reject_form or RejectForm(),
        "history": _history(obj),
        **_translations_context(kind, obj),
    }


def _translations_context(kind, obj) -> dict:
    """The object's translations and the languages it may still be translated into."""
    if not kind.translatable:
        return {}
    translations = list(ContentTranslation.objects.filter(kind=kind.slug, object_id=obj.pk).order_by("language"))
    done = {t.language for t in translations} | {written_in(obj)}
    return {
        "original_language": written_in(obj),
        "translations": translations,
        "untranslated_languages": [(code, name) for code, name in settings.TRANSLATED_LANGUAGES if code not in done],
    }


@moderator_required
def review(request, kind, pk):
    kind, obj = _object(kind, pk)
    if request.method == "POST":
        form = kind.form_class()(request.POST, request.FILES, instance=obj)
        if form.is_valid():
            services.content_update(obj=obj, data=form.cleaned_data, by=request.user)
            messages.success(request, _("Your changes were saved."))
            return redirect(obj.get_moderation_url())
        obj.refresh_from_db()
        return render(request, "moderation/review.html", _review_context(kind, obj, form=form), status=400)
    return render(request, "moderation/review.html", _review_context(kind, obj))


@require_POST
@moderator_required
def publish(request, kind, pk):
    kind, obj = _object(kind, pk)
    services.content_publish(obj=obj, by=request.user)
    messages.success(request, _("“%(title)s” is published.") % {"title": obj})
    return redirect(f"{_queue_url()}?kind={kind.url_name}")


@require_POST
@moderator_required
def reject(request, kind, pk):
    kind, obj = _object(kind, pk)
    reject_form = RejectForm(request.POST)
    if not reject_form.is_valid():
        messages.error(request, _("Give the submitter a reason for the rejection."))
        context = _review_context(kind, obj, reject_form=reject_form)
        return render(request, "moderation/review.html", context, status=400)
    services.content_reject(obj=obj, by=request.user, reason=reject_form.cleaned_data["reason"])
    messages.success(request, _("“%(title)s” is rejected; the submitter was told why.") % {"title": obj})
    return redirect(f"{_queue_url()}?kind={kind.url_name}")


@require_POST
@moderator_required
def feature(request, kind, pk):
    kind, obj = _object(kind, pk)
    featured = request.POST.get("featured") == "1"
    if featured and not obj.is_published:
        messages.error(request, _("Only published content can be featured."))
    else:
        services.content_set_featured(obj=obj, by=request.user, featured=featured)
        messages.success(request, _("Featured on the home page.") if featured else _("No longer featured."))
    return redirect(obj.get_moderation_url())


@require_POST
@moderator_required
def archive(request, kind, pk):
    kind, obj = _object(kind, pk)
    services.content_archive(obj=obj, by=request.user)
    messages.success(request, _("“%(title)s” is archived.") % {"title": obj})
    return redirect(obj.get_moderation_url())


@require_POST
@moderator_required
def restore(request, kind, pk, history_id):
    kind, obj = _object(kind, pk)
    if not obj.history.filter(history_id=history_id).exists():
        messages.error(request, _("That version does not exist."))
        return redirect(obj.get_moderation_url())
    services.content_restore_version(obj=obj, history_id=history_id, by=request.user)
    messages.success(request, _("The earlier version is restored."))
    return redirect(obj.get_moderation_url())


def _translation_target(kind_slug: str, pk: int, language: str):
    kind, obj = _object(kind_slug, pk)
    if not kind.translatable:
        raise Http404(_("This kind of content is not translated."))
    if language not in dict(settings.TRANSLATED_LANGUAGES) or language == written_in(obj):
        raise Http404(_("There is no such language to translate into."))
    translation = ContentTranslation.objects.filter(kind=kind.slug, object_id=obj.pk, language=language).first()
    return kind, obj, translation


def _translation_history(translation) -> list:
    if translation is None:
        return []
    records = list(translation.history.select_related("history_user").order_by("-history_date")[:50])
    changes = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changed = []
        if older is not None:
            delta = newer.diff_against(older, excluded_fields=["updated_at"])
            changed = [change.field for change in delta.changes]
        changes.append((newer, changed))
    return changes


@require_http_methods(["GET", "POST"])
@moderator_required
def translation_edit(request, kind, pk, language):
    """Add or edit the translation of an object into one language, beside its original text."""
    kind, obj, translation = _translation_target(kind, pk, language)
    if translation is not None:
        initial = {
            "translator_name": translation.translator_name,
            "translator_username": translation.translator.username if translation.translator else "",
            "translated_on": translation.translated_on,
            "published": translation.published,
            **translation.fields,
        }
    else:
        name = request.user.get_full_name() or request.user.get_username()
        initial = {"translator_name": name, "translated_on": timezone.localdate(), "published": True}
    form = TranslationForm(request.POST or None, initial=initial, kind=kind, obj=obj)
    if request.method == "POST" and form.is_valid():
        services.translation_save(
            obj=obj,
            language=language,
            fields=form.translated_text(),
            translator_name=form.cleaned_data["translator_name"],
            translator=form.cleaned_data["translator_username"],
            translated_on=form.cleaned_data["translated_on"],
            published=form.cleaned_data["published"],
            by=request.user,
        )
        messages.success(request, _("The translation is saved."))
        return redirect("moderation:translation", kind.url_name, obj.pk, language)
    context = {
        "kind": kind,
        "object": obj,
        "language": language,
        "language_name": dict(settings.TRANSLATED_LANGUAGES)[language],
        "original_language": written_in(obj),
        "translation": translation,
        "form": form,
        "pairs": [(form[name], getattr(obj, name)) for name in form.translated_fields],
        "history": _translation_history(translation),
    }
    status = 400 if form.errors else 200
    return render(request, "moderation/translation.html", context, status=status)


@require_POST
@moderator_required
def translation_restore(request, kind, pk, language, history_id):
    kind, obj, translation = _translation_target(kind, pk, language)
    if translation is None or not translation.history.filter(history_id=history_id).exists():
        messages.error(request, _("That version does not exist."))
    else:
        services.translation_restore_version(obj=obj, translation=translation, history_id=history_id, by=request.user)
        messages.success(request, _("The earlier version is restored."))
    return redirect("moderation:translation", kind.url_name, obj.pk, language)


@require_POST
@moderator_required
def translation_delete(request, kind, pk, language):
    kind, obj, translation = _translation_target(kind, pk, language)
    if translation is not None:
        services.translation_delete(obj=obj, translation=translation, by=request.user)
        messages.success(request, _("The translation is deleted."))
    return redirect(obj.get_moderation_url())


def _queue_url() -> str:
    from django.urls import reverse

    return reverse("moderation:queue")
