"""An imported practice goes to a member only through their verified e-mail address, never their name."""

import pytest
from allauth.account.models import EmailAddress

from hub.imports.services import import_practices
from hub.practices.models import Practice

pytestmark = pytest.mark.django_db

HEADER = "title,summary,submitter_name,submitter_verified,submitter_email\n"


def imported(row: str) -> Practice:
    import_practices(files=[("old.csv", (HEADER + row).encode())])
    return Practice.objects.get()


def test_a_submitter_with_only_a_members_name_does_not_get_that_members_account(alice):
    practice = imported("Welcome walks,Walks.,Alice Martin,yes,\n")
    assert practice.submitted_by is not None and practice.submitted_by != alice
    assert practice.submitted_by.get_full_name() == "Alice Martin"


def test_a_submitter_whose_verified_address_is_a_members_gets_that_members_account(alice):
    practice = imported("Welcome walks,Walks.,A. Martin,yes,ALICE@example.org\n")
    assert practice.submitted_by == alice


def test_an_unverified_address_of_a_member_is_not_enough(bob):
    EmailAddress.objects.create(user=bob, email="bob.other@example.org", verified=False)
    practice = imported("Welcome walks,Walks.,Bob,yes,bob.other@example.org\n")
    assert practice.submitted_by != bob
