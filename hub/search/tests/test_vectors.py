"""hub/search/vectors.py with the real model shipped in the package: no mock, no network."""

import numpy as np

from hub.search.vectors import DIMENSIONS, embed


def test_a_spanish_sentence_is_closer_to_its_english_translation_than_to_an_unrelated_one():
    spanish, english, unrelated = embed(
        [
            "Una campaña municipal para desmontar los rumores sobre los inmigrantes",
            "A city campaign to counter rumours about immigrants",
            "The council repaired the water pipes of the old town",
        ]
    )
    assert spanish @ english > spanish @ unrelated + 0.2
    assert english @ spanish > english @ unrelated + 0.2


def test_the_idea_in_other_words_is_closer_than_a_shared_word():
    anti_rumour, myth_busting, other_campaign = embed(
        [
            "Volunteers are trained as anti-rumour agents to answer prejudice against migrants",
            "myth-busting about immigrants",
            "A campaign for the vaccination of children against measles",
        ]
    )
    assert myth_busting @ anti_rumour > myth_busting @ other_campaign


def test_vectors_are_normalised_float32_rows_one_per_text():
    vectors = embed(["refugees", "réfugiés", "اللاجئين"])
    assert vectors.shape == (3, DIMENSIONS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert embed([]).shape == (0, DIMENSIONS)
