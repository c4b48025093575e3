import json

from allauth.account import views as allauth_views
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hub.accounts import services
from hub.accounts.forms import AccountDeleteForm
from hub.lib.spam import RATE_LIMIT_MESSAGE, over_rate_limit
from hub.practices.models import Practice


class SignupView(allauth_views.SignupView):
    """allauth's sign-up, with our limit on new accounts per network address, and a 400 for bad input."""

    def form_valid(self, form):
        if over_rate_limit(self.request, "signup"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class LoginView(allauth_views.LoginView):
    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


@login_required
def account_home(request):
    return render(request, "accounts/home.html")


@login_required
def my_submissions(request):
    practices = Practice.objects.filter(submitted_by=request.user).order_by("-submitted_at", "-pk")
    return render(request, "accounts/submissions.html", {"practices": practices})


@login_required
def my_data(request):
    data = services.account_data(user=request.user, site_url=settings.SITE_URL)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="ibis-hub-{request.user.get_username()}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=request.user)
        logout(request)
        messages.success(request, _("Your account is deleted. What you published stays, signed “former member”."))
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form}, status=400 if form.errors else 200)
