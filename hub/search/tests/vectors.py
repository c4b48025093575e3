"""What the tests of search by meaning share: a fresh vector matrix for each test, and practices whose
vectors are computed."""

import pytest

from hub.practices.models import Practice
from hub.practices.tests.fixtures import make_practice
from hub.search import semantic


@pytest.fixture(autouse=True)
def fresh_matrices():
    """Active in every module that imports it: a test never reads another test's matrix."""
    semantic.forget_vector_matrices()
    yield
    semantic.forget_vector_matrices()


def practices_with_vectors(django_capture_on_commit_callbacks, *specs, status=Practice.Status.PUBLISHED):
    """Practices whose vectors the (immediate, in tests) queue computed once their transaction committed."""
    with django_capture_on_commit_callbacks(execute=True):
        return [make_practice(status=status, place=None, **spec) for spec in specs]
