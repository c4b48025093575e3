"""What gunicorn loads before the first request (hub/search/warmup.py): after it, the first search of a
process reads no word list and no model file, and the first page compiles no template."""

import gc

import pytest
from django.template import engines

from hub.search import dictionary, vectors, warmup
from hub.search.facet_index import facet_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def unfrozen():
    """before_fork freezes what is loaded (gc.freeze): given back to the collector after the test."""
    yield
    gc.unfreeze()


def test_before_fork_reads_the_word_lists_the_model_and_compiles_the_templates(monkeypatch, unfrozen):
    monkeypatch.setattr(dictionary, "_hashes", {})
    loader = engines["django"].engine.template_loaders[0]
    loader.reset()
    took = warmup.before_fork()
    assert set(took) == {"pages", "word lists", "sentence model"}
    assert set(dictionary._hashes) == set(dictionary.LANGUAGES)
    assert vectors._model is not None and vectors._model._backend is not None
    assert "practices/home.html" in loader.get_template_cache
    # Nothing is read again afterwards: the first search finds the lists in memory.
    monkeypatch.setattr(dictionary, "_load", lambda language: pytest.fail(f"{language} read again"))
    assert dictionary.is_word("integration")


def test_in_process_builds_the_facet_indexes_and_runs_the_model_once(practice_factory):
    practice_factory()
    took = warmup.in_process()
    assert set(took) == {"facet indexes", "search", "vectors"}
    assert len(facet_index().ids) == 1
    assert vectors.embed(["integration"]).shape == (1, vectors.DIMENSIONS)


def test_before_fork_freezes_what_it_loaded_so_full_collections_skip_it(unfrozen):
    warmup.before_fork()
    frozen = gc.get_freeze_count()
    assert frozen > 50_000  # Django, the word lists, the compiled templates
    gc.collect()
    assert gc.get_freeze_count() == frozen  # a collection leaves them where they are
    gc.unfreeze()
    assert gc.get_freeze_count() == 0 and len(gc.get_objects()) >= frozen
