from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from hub.accounts.roles import is_moderator
from hub.people.models import Profile

User = get_user_model()


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["expertise"]
    extra = 0


admin.site.unregister(User)


@admin.register(User)
class MemberAdmin(UserAdmin):
    """Roles (hub.accounts.roles): a member is any user; a moderator holds `accounts.moderate`, through the
    group "Moderators"; an administrator is a superuser."""

    list_display = ["username", "email", "first_name", "last_name", "role", "is_active", "date_joined"]
    list_filter = ["groups", "is_superuser", "is_active"]
    inlines = [ProfileInline]

    @admin.display(description=_("role"))
    def role(self, user):
        if user.is_superuser:
            return _("administrator")
        if is_moderator(user):
            return _("moderator")
        return _("member")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")
