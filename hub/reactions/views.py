from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hub.accounts.roles import is_moderator
from hub.lib.pages import paginate
from hub.lib.spam import RATE_LIMIT_MESSAGE, over_rate_limit
from hub.reactions import services
from hub.reactions.conversation import CONVERSATIONS
from hub.reactions.forms import CommentForm, RatingForm, RemovalForm
from hub.reactions.models import Bookmark, Comment
from hub.reactions.targets import TARGETS, public_object, target_of


def _public_or_404(kind: str, pk: int, reaction: str):
    target, obj = public_object(kind, pk)
    if obj is None or not getattr(target, reaction):
        raise Http404(_("There is nothing here to react to."))
    return target, obj


def _back(request, obj, anchor: str):
    next_url = request.POST.get("next", "")
    # Only a path or an address on this site; never passed to redirect() as is, which would take "abc"
    # for the name of a URL and fail.
    if next_url.startswith(("/", "http://", "https://")) and url_has_allowed_host_and_scheme(
        next_url, {request.get_host()}, request.is_secure()
    ):
        return HttpResponseRedirect(next_url)
    return HttpResponseRedirect(f"{obj.get_absolute_url()}#{anchor}")


@login_required
@require_POST
def rate(request, kind, pk):
    _target, obj = _public_or_404(kind, pk, "ratings")
    form = RatingForm(request.POST)
    if not form.is_valid():
        return render(request, "reactions/form_page.html", {"obj": obj, "form": form, "action": "rate"}, status=400)
    services.rating_set(obj=obj, user=request.user, score=form.cleaned_data["score"])
    messages.success(request, _("Thank you: your rating is saved."))
    return _back(request, obj, "rating")


@login_required
@require_POST
def bookmark(request, kind, pk):
    _target, obj = _public_or_404(kind, pk, "bookmarks")
    # An explicit action, not a toggle: two clicks (or two tabs) on "Bookmark" leave it bookmarked.
    action = request.POST.get("action")
    if action == "add":
        services.bookmark_add(obj=obj, user=request.user)
        messages.success(request, _("Added to your bookmarks."))
    elif action == "remove":
        services.bookmark_remove(obj=obj, user=request.user)
        messages.success(request, _("Removed from your bookmarks."))
    else:
        return HttpResponseBadRequest(_("Say whether to add or remove the bookmark."))
    return _back(request, obj, "bookmark")


@login_required
@require_POST
def comment(request, kind, pk):
    _target, obj = _public_or_404(kind, pk, "comments")
    form = CommentForm(request.POST)
    if form.is_valid() and over_rate_limit(request, "comment"):
        form.add_error(None, RATE_LIMIT_MESSAGE)
        status = 429
    elif form.is_valid():
        new = services.comment_create(obj=obj, user=request.user, body=form.cleaned_data["body"])
        if new.status == Comment.Status.PENDING:
            messages.success(request, _("Thank you: your comment will appear once a moderator has read it."))
        else:
            messages.success(request, _("Your comment is published."))
        return redirect(f"{obj.get_absolute_url()}#comment-{new.pk}")
    else:
        status = 400
    return render(request, "reactions/form_page.html", {"obj": obj, "form": form, "action": "comment"}, status=status)


def _comment_on_public_object(pk: int) -> tuple[Comment, object]:
    comment = get_object_or_404(Comment.objects.select_related("user", "content_type"), pk=pk)
    target = next((t for t in TARGETS.values() if t.model == comment.content_type.model_class()._meta.label), None)
    obj = target.public().filter(pk=comment.object_id).first() if target else None
    if obj is None:
        raise Http404(_("There is no such comment."))
    return comment, obj


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit(request, pk):
    comment, obj = _comment_on_public_object(pk)
    if not comment.can_be_edited_by(request.user):
        raise PermissionDenied(_("Only its author can edit a comment, and only for a while after writing it."))
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        services.comment_edit(comment=comment, body=form.cleaned_data["body"])
        messages.success(request, _("Your comment is changed."))
        return redirect(f"{obj.get_absolute_url()}#comment-{comment.pk}")
    return render(
        request,
        "reactions/comment_edit.html",
        {"obj": obj, "comment": comment, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_delete(request, pk):
    # Authors may delete what they wrote even once the page it is on is archived or unpublished.
    comment = get_object_or_404(Comment.objects.select_related("user", "content_type"), pk=pk)
    target = target_of(comment.content_type.model_class())
    obj = target.public().filter(pk=comment.object_id).first() if target else None
    if not comment.can_be_deleted_by(request.user):
        if obj is None:
            raise Http404(_("There is no such comment."))
        raise PermissionDenied(_("Only its author can delete a comment."))
    if request.method == "POST":
        services.comment_delete(comment=comment)
        messages.success(request, _("Your comment is deleted."))
        return redirect(f"{obj.get_absolute_url()}#comments" if obj else reverse("accounts:home"))
    return render(request, "reactions/comment_delete.html", {"obj": obj, "comment": comment})


def _moderator_only(request):
    if not is_moderator(request.user):
        raise PermissionDenied(_("Only moderators can do this."))


@login_required
@require_POST
def comment_remove(request, pk):
    _moderator_only(request)
    comment, obj = _comment_on_public_object(pk)
    form = RemovalForm(request.POST)
    if not form.is_valid():
        return render(
            request, "reactions/comment_remove.html", {"obj": obj, "comment": comment, "form": form}, status=400
        )
    services.comment_remove(comment=comment, by=request.user, reason=form.cleaned_data["reason"])
    messages.success(request, _("The comment is removed."))
    return _back(request, obj, "comments")


@login_required
@require_POST
def comment_approve(request, pk):
    _moderator_only(request)
    comment, obj = _comment_on_public_object(pk)
    services.comment_approve(comment=comment, by=request.user)
    messages.success(request, _("The comment is published."))
    return _back(request, obj, f"comment-{comment.pk}")


@login_required
def comment_queue(request):
    """Every conversation waiting for a moderator: one tab per kind (comments, forum posts, …)."""
    _moderator_only(request)
    tabs = [
        {"kind": kind, "count": kind.model_class.objects.awaiting_moderation().count()}
        for kind in CONVERSATIONS.values()
    ]
    chosen = CONVERSATIONS.get(request.GET.get("kind", ""), next(iter(CONVERSATIONS.values())))
    waiting = chosen.model_class.objects.awaiting_moderation().select_related("user")
    items = list(waiting.order_by("-spam_score", "created_at", "pk")[:200])
    chosen.prepare_for_queue(items)
    return render(request, "reactions/comment_queue.html", {"tabs": tabs, "chosen": chosen, "items": items})


def attach_objects(reactions) -> None:
    """Sets .obj on each reaction: its public object, or None if that is gone or no longer public."""
    wanted: dict[int, set[int]] = {}
    for reaction in reactions:
        wanted.setdefault(reaction.content_type_id, set()).add(reaction.object_id)
    found = {}
    for content_type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        target = target_of(model) if model else None
        if target:
            found.update({(content_type_id, obj.pk): obj for obj in target.public().filter(pk__in=ids)})
    for reaction in reactions:
        reaction.obj = found.get((reaction.content_type_id, reaction.object_id))


@login_required
def my_bookmarks(request):
    page = paginate(request, Bookmark.objects.by(request.user).select_related("content_type"), per_page=50)
    page.object_list = list(page.object_list)
    attach_objects(page.object_list)
    return render(request, "reactions/my_bookmarks.html", {"page": page})
