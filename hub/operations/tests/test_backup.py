"""`make backup` then `make restore` gives back the data, on both engines."""

import shutil

import pytest
from django.core.management import call_command
from django.db import connection

from hub.practices.models import Practice


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_brings_back_what_was_deleted_since(tmp_path, practice_factory):
    if connection.vendor == "postgresql" and not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not on PATH")
    practice_factory("Kept in the backup")
    backup = tmp_path / "ibis.backup"

    call_command("backup", str(backup))
    Practice.objects.all().delete()
    practice_factory("Made after the backup")
    call_command("restore", str(backup), interactive=False)

    assert list(Practice.objects.values_list("title", flat=True)) == ["Kept in the backup"]


@pytest.mark.django_db
def test_restoring_a_missing_file_says_so(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore", str(tmp_path / "nothing"), interactive=False)
