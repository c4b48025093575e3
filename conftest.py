"""Fixtures shared by every app's tests: the named people of our stories, and practices."""

import importlib
import os

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# beside it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Tests run without collectstatic, so static URLs come straight from the finders."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _site_language_after_each_test():
    """A request to /fr/… leaves French active in the thread (a server's next request chooses again;
    a test's next line does not): every test starts in the site's language."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Mail lands in the test outbox as soon as it is enqueued; test_tasks.py runs the real queue."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _own_cache(settings):
    """The tests' cache is their own: clearing the default one (files under var/) would make a
    development server on the same checkout rebuild its facet index on every request."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """A test's transaction never commits, so the versions the page cache keys on never move in it:
    tests that change data between two requests would get the first page again. The page cache's
    own tests (hub/serving/tests/) turn it on and commit their changes."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _facet_index_in_the_request(settings):
    """A thread of its own would not see the test's uncommitted data; test_facet_freshness.py turns
    the background rebuild on over committed data."""
    settings.FACET_INDEX_IN_BACKGROUND = False


@pytest.fixture(autouse=True)
def _fresh_cache(_own_cache):
    """An empty cache, and no facet index or vector matrix left in this process by the test before:
    its rows were rolled back with no change logged, which a real site never does, so the change log
    could not bring them up to date."""
    from django.core.cache import cache

    from hub.search import facet_index, semantic

    facet_index.forget_indexes()
    semantic.forget_vector_matrices()
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _migration_data(request):
    """Transactional tests (the browser's) empty every table when they end, rows created by data
    migrations included; give the tests that follow them the vocabularies and groups back."""
    uses_database = request.node.get_closest_marker("django_db") or {"db", "transactional_db", "live_server"} & set(
        request.fixturenames
    )
    if not uses_database:
        return
    request.getfixturevalue("transactional_db" if "live_server" in request.fixturenames else "db")
    from django.apps import apps

    from hub.search.services import search_rebuild
    from hub.vocabularies.models import Topic

    if not Topic.objects.exists():
        vocabularies = importlib.import_module("hub.practices.migrations.0002_vocabularies")
        vocabularies.create_vocabularies(apps, None)
        translated = importlib.import_module("hub.vocabularies.migrations.0003_vocabularies_in_french_spanish_arabic")
        translated.translate_vocabularies(apps, None)
        vocabularies.grant_moderator_permissions(apps)
        importlib.import_module("hub.accounts.migrations.0001_roles").grant_moderate(apps)
        # SQLite's full-text table is not a model table, so the flush left the old practices in it.
        search_rebuild()


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, started once for every app's browser tests: Playwright's sync API allows
    one running instance at a time."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


pytest_plugins = ["hub.practices.tests.fixtures"]
