from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.Model):
    """No table: it only carries the permissions that make up a role, since Django ties every
    permission to a model. Grant them to a group (the group "Moderators" has `moderate`)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("moderate", _("Can moderate submissions, comments and conversations"))]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return str(self._meta.verbose_name)
