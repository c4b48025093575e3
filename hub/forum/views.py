from functools import lru_cache

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, Max, OuterRef, Q, Subquery, Sum
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hub.accounts.roles import is_moderator, roles_of
from hub.forum import rules, services
from hub.forum.forms import BanForm, DialogueForm, MoveForm, PostForm, SummaryForm, TopicForm
from hub.forum.models import Ban, Board, Dialogue, Post, Topic, TopicVisit
from hub.forum.subjects import public_subject, subject_of
from hub.lib.pages import paginate
from hub.lib.spam import RATE_LIMIT_MESSAGE, over_rate_limit
from hub.reactions.forms import RemovalForm

TOPICS_PER_PAGE = 30
# Posts whose HTML a process keeps (_render_post): a few hundred pages of twenty, a few MB.
POSTS_KEPT = 4096


def _moderator_only(request):
    if not is_moderator(request.user):
        raise PermissionDenied(_("Only moderators can do this."))


def _with_new_marks(topics, user):
    """Marks each topic read or not by the member: posts after their last visit are new."""
    if not user.is_authenticated:
        return topics
    seen = TopicVisit.objects.filter(user=user, topic=OuterRef("pk")).values("seen_at")[:1]
    return topics.annotate(seen_at=Subquery(seen))


def index(request):
    boards = Board.objects.annotate(
        topic_count=Count("topics", filter=Q(topics__post_count__gt=0)),
        posts=Sum("topics__post_count"),
        last_post_at=Max("topics__last_post_at"),
    )
    now = timezone.now()
    return render(
        request,
        "forum/index.html",
        {
            "boards": boards,
            "open_dialogues": Dialogue.objects.open_at(now),
            "upcoming_dialogues": Dialogue.objects.upcoming_at(now).order_by("opens_at"),
            "past_dialogues": Dialogue.objects.closed_at(now)[:10],
        },
    )


def board(request, slug):
    board = get_object_or_404(Board, slug=slug)
    topics = Topic.objects.filter(board=board).with_posts().listed().select_related("user", "last_post__user")
    page = paginate(request, _with_new_marks(topics, request.user), per_page=TOPICS_PER_PAGE)
    return render(
        request,
        "forum/board.html",
        {
            "board": board,
            "page": page,
            "why_not": rules.why_not_start_topic(request.user, board),
        },
    )


def _visible_topic(request, pk) -> Topic:
    topic = get_object_or_404(Topic.objects.select_related("board", "dialogue", "user", "subject_type"), pk=pk)
    # A topic whose first post waits for a moderator is seen only by its author and moderators.
    if topic.post_count == 0 and not (is_moderator(request.user) or request.user.pk == topic.user_id):
        raise Http404(_("There is no such topic."))
    return topic


def _thread_page(request, topic, number):
    thread = Post.objects.filter(topic=topic).in_thread_for(request.user)
    paginator = Paginator(thread.values_list("pk", flat=True), settings.POSTS_PER_PAGE)
    try:
        page = paginator.page(number)
    except InvalidPage:
        raise Http404(_("There is no such page.")) from None
    # The page's posts by the ids of its slice, in one query: the OFFSET of a late page is counted over
    # the thread's index (post_thread_idx) alone, not over whole posts (PostgreSQL sorted them all).
    page.object_list = (
        Post.objects.filter(pk__in=page.object_list).order_by("created_at", "pk").select_related("user", "removed_by")
    )
    return page


def _decorate(posts, user) -> None:
    """Adds to each post what the page shows beside it, in a constant number of queries for the page."""
    authors = {post.user_id for post in posts}
    counts = dict(
        Post.objects.filter(user__in=authors, status=Post.Status.PUBLISHED)
        .values("user")
        .annotate(n=Count("pk"))
        .values_list("user", "n")
    )
    roles = roles_of(authors)
    moderator = is_moderator(user)
    banned = set(Ban.objects.filter(user__in=authors).values_list("user_id", flat=True)) if moderator else set()
    member = _("Member")
    for post in posts:
        post.author_posts = counts.get(post.user_id, 0)
        post.author_role = roles.get(post.user_id)
        post.author_banned = post.user_id in banned
        post.bannable = moderator and post.author_role == member
        # A removed post's text is for its author and the moderators only.
        post.text_hidden = post.is_removed and not (moderator or user.pk == post.user_id)
        # Only moderators edit others' posts: the rules are asked about the reader's own.
        post.editable = moderator or (user.pk == post.user_id and rules.can_edit(user, post))


def topic(request, pk):
    topic = _visible_topic(request, pk)
    page = _thread_page(request, topic, request.GET.get("page") or 1)
    posts = list(page.object_list)
    for post in posts:
        post.topic = topic
    _decorate(posts, request.user)
    last_seen = services.topic_visit(topic=topic, user=request.user)
    for post in posts:
        post.is_new = bool(request.user.is_authenticated and last_seen and post.created_at > last_seen)
    why_not = rules.why_not_post(request.user, topic)
    moderator = is_moderator(request.user)
    # A moderator's posts carry forms (their CSRF token is the reader's own): rendered afresh each time.
    csrf_token = get_token(request) if moderator else None
    for post in posts:
        post.html = _post_html(post, can_reply=not why_not, moderator=moderator, csrf_token=csrf_token)
    return render(
        request,
        "forum/topic.html",
        {
            "topic": topic,
            "page": page,
            "posts": posts,
            "subject": subject_of(topic),
            "why_not": why_not,
            "reply_fields": None if why_not else _reply_fields(translation.get_language()),
            "is_moderator": moderator,
            "move_form": MoveForm(initial={"board": topic.board_id}) if moderator else None,
        },
    )


def _post_html(post: Post, *, can_reply: bool, moderator: bool, csrf_token: str | None) -> str:
    """A post of a topic page as HTML, from every value it shows (the language and time zone too): the
    same values give the same HTML, kept in memory (_render_post), since a page of twenty posts would
    otherwise spend most of its time in the template. An edit, a removal, a new post by the author (their
    count), a renamed author, a ban or a translation change their values, and so their HTML."""
    hidden = post.text_hidden
    values = (
        ("pk", post.pk),
        ("topic_pk", post.topic_id),
        ("status", post.status),
        ("status_display", str(post.get_status_display())),
        ("author_active", post.user.is_active),
        ("username", post.user.get_username()),
        ("author_display", post.author_display),
        ("author_role", str(post.author_role)),
        ("author_posts", post.author_posts),
        ("author_banned", post.author_banned),
        ("bannable", post.bannable),
        ("created_at", post.created_at),
        ("edited_at", post.edited_at),
        ("is_new", post.is_new),
        ("text_hidden", hidden),
        ("removal_reason", "" if hidden else post.removal_reason),
        ("body_html", "" if hidden else post.body_html),
        ("quotable", can_reply and post.status == Post.Status.PUBLISHED),
        ("editable", post.editable),
    )
    if moderator or settings.DEBUG:  # DEBUG: a template being edited shows at once
        return get_template("forum/_post.html").render(
            {"post": dict(values), "is_moderator": moderator, "csrf_token": csrf_token}
        )
    return _render_post(values, translation.get_language(), timezone.get_current_timezone_name())


@lru_cache(maxsize=16)
def _reply_fields(language: str) -> str:
    """The empty reply form's fields under every topic: the same HTML for everyone, in each language."""
    return render_to_string("reactions/_comment_fields.html", {"form": PostForm()})


@lru_cache(maxsize=POSTS_KEPT)
def _render_post(values: tuple, language: str, zone: str) -> str:
    # language and zone are the active ones (the post's words and dates are in them): part of the key.
    return get_template("forum/_post.html").render({"post": dict(values)})


def post_link(request, pk):
    """A post's permanent address: its topic's page that holds it, at its anchor."""
    post = get_object_or_404(Post.objects.select_related("topic"), pk=pk)
    topic = _visible_topic(request, post.topic_id)
    visible = Post.objects.filter(topic=topic).in_thread_for(request.user)
    if not visible.filter(pk=post.pk).exists():
        raise Http404(_("There is no such post."))
    before = visible.filter(Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)).count()
    page = before // settings.POSTS_PER_PAGE + 1
    suffix = f"?page={page}" if page > 1 else ""
    return redirect(f"{topic.get_absolute_url()}{suffix}#post-{post.pk}")


def _refuse(why: str):
    if why:
        raise PermissionDenied(why)


def _rate_limited(request, form) -> bool:
    if over_rate_limit(request, "post"):
        form.add_error(None, RATE_LIMIT_MESSAGE)
        return True
    return False


def _after_posting(request, post: Post):
    if post.status == Post.Status.PENDING:
        messages.success(request, _("Thank you: your post will appear once a moderator has read it."))
    else:
        messages.success(request, _("Your post is published."))
    return redirect(post.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def reply(request, pk):
    topic = _visible_topic(request, pk)
    _refuse(rules.why_not_post(request.user, topic))
    quoted = None
    if quote_id := request.GET.get("quote", "").strip():
        quoted = (
            Post.objects.filter(topic=topic, pk=quote_id if quote_id.isdigit() else 0)
            .published()
            .select_related("user")
            .first()
        )
        if quoted is None:
            raise Http404(_("There is no such post to quote."))
    form = PostForm(request.POST or None, initial={"body": services.quote_text(quoted)} if quoted else None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and not _rate_limited(request, form):
            quote_of = Post.objects.filter(topic=topic, pk=request.POST.get("quote_of") or 0).published().first()
            post = services.post_reply(
                topic=topic, user=request.user, body=form.cleaned_data["body"], quote_of=quote_of
            )
            return _after_posting(request, post)
        status = 429 if form.non_field_errors() else 400
    return render(request, "forum/reply.html", {"topic": topic, "form": form, "quoted": quoted}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def topic_new(request, slug):
    board = get_object_or_404(Board, slug=slug)
    _refuse(rules.why_not_start_topic(request.user, board))
    return _start_topic(request, board=board, subject=None)


def _start_topic(request, *, board, subject):
    form = TopicForm(
        request.POST or None,
        choose_board=board is None,
        initial={"title": _("About: %(title)s") % {"title": subject}} if subject is not None else None,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid() and not _rate_limited(request, form):
            topic, post = services.topic_start(
                user=request.user,
                board=board or form.cleaned_data["board"],
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                subject=subject,
            )
            return _after_posting(request, post)
        status = 429 if form.non_field_errors() else 400
    return render(request, "forum/topic_new.html", {"board": board, "subject": subject, "form": form}, status=status)


def discuss_subject(request, kind, pk):
    """ "Discuss this practice": the topic about a published object of any registered kind, or a new one."""
    subject = public_subject(kind, pk)
    if subject is None:
        raise Http404(_("There is nothing here to discuss."))
    existing = Topic.objects.about(subject).with_posts().order_by("pk").first()
    if existing is not None:
        return redirect(existing)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    _refuse(rules.why_not_start_topic(request.user, None))
    return _start_topic(request, board=None, subject=subject)


def _post_for_action(request, pk) -> Post:
    post = get_object_or_404(Post.objects.select_related("topic__board", "topic__dialogue", "user"), pk=pk)
    _visible_topic(request, post.topic_id)
    return post


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request, pk):
    post = _post_for_action(request, pk)
    if not rules.can_edit(request.user, post):
        raise PermissionDenied(_("Only its author can edit a post, and only for a while after writing it."))
    form = PostForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        services.post_edit(post=post, body=form.cleaned_data["body"], by=request.user)
        messages.success(request, _("The post is changed."))
        return redirect(post.get_absolute_url())
    return render(request, "forum/post_edit.html", {"post": post, "form": form}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def post_remove(request, pk):
    _moderator_only(request)
    post = _post_for_action(request, pk)
    form = RemovalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.post_remove(post=post, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The post is removed."))
        return redirect(post.get_absolute_url())
    return render(request, "forum/post_remove.html", {"post": post, "form": form}, status=400 if form.errors else 200)


@login_required
@require_POST
def post_approve(request, pk):
    _moderator_only(request)
    post = _post_for_action(request, pk)
    services.post_approve(post=post, by=request.user)
    messages.success(request, _("The post is published."))
    if request.POST.get("next") == "queue":
        return redirect("/moderation/comments/?kind=posts")
    return redirect(post.get_absolute_url())


@login_required
@require_POST
def topic_lock(request, pk):
    _moderator_only(request)
    topic = get_object_or_404(Topic, pk=pk)
    services.topic_set_locked(topic=topic, locked=not topic.locked, by=request.user)
    messages.success(request, _("The topic is locked.") if topic.locked else _("The topic is open to replies again."))
    return redirect(topic)


@login_required
@require_POST
def topic_pin(request, pk):
    _moderator_only(request)
    topic = get_object_or_404(Topic, pk=pk)
    services.topic_set_pinned(topic=topic, pinned=not topic.pinned, by=request.user)
    messages.success(request, _("The topic is pinned.") if topic.pinned else _("The topic is no longer pinned."))
    return redirect(topic)


@login_required
@require_POST
def topic_move(request, pk):
    _moderator_only(request)
    topic = get_object_or_404(Topic, pk=pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a board to move the topic to."))
        return redirect(topic)
    services.topic_move(topic=topic, board=form.cleaned_data["board"], by=request.user)
    messages.success(request, _("The topic is moved to %(board)s.") % {"board": form.cleaned_data["board"]})
    return redirect(topic)


@login_required
@require_http_methods(["GET", "POST"])
def member_ban(request, username):
    _moderator_only(request)
    member = get_object_or_404(get_user_model(), username=username)
    if is_moderator(member):
        raise PermissionDenied(_("A moderator cannot be banned from posting."))
    ban = Ban.objects.filter(user=member).first()
    form = BanForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "unban":
        services.member_unban(user=member, by=request.user)
        messages.success(request, _("%(name)s may post again.") % {"name": member.get_username()})
        return redirect("forum:index")
    if request.method == "POST" and form.is_valid():
        services.member_ban(user=member, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("%(name)s can no longer post in the forums.") % {"name": member.get_username()})
        return redirect("forum:index")
    return render(
        request, "forum/ban.html", {"member": member, "ban": ban, "form": form}, status=400 if form.errors else 200
    )


def dialogue(request, slug):
    dialogue = get_object_or_404(Dialogue, slug=slug)
    questions = dialogue.questions.order_by("position", "pk").select_related("last_post__user")
    return render(
        request,
        "forum/dialogue.html",
        {
            "dialogue": dialogue,
            "phase": dialogue.phase(),
            "questions": _with_new_marks(questions, request.user),
            "is_moderator": is_moderator(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def dialogue_new(request):
    _moderator_only(request)
    form = DialogueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        dialogue = services.dialogue_create(
            title=data["title"],
            introduction=data["introduction"],
            opens_at=data["opens_at"],
            closes_at=data["closes_at"],
            time_zone=data["time_zone"],
            questions=[(question, question) for question in data["questions"]],
            by=request.user,
        )
        messages.success(request, _("The dialogue is created."))
        return redirect(dialogue)
    return render(request, "forum/dialogue_new.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def dialogue_summary(request, slug):
    _moderator_only(request)
    dialogue = get_object_or_404(Dialogue, slug=slug)
    form = SummaryForm(request.POST or None, initial={"summary": dialogue.summary})
    if request.method == "POST" and form.is_valid():
        services.dialogue_summarise(dialogue=dialogue, summary=form.cleaned_data["summary"], by=request.user)
        messages.success(request, _("The summary is saved."))
        return redirect(dialogue)
    return render(
        request, "forum/dialogue_summary.html", {"dialogue": dialogue, "form": form}, status=400 if form.errors else 200
    )
