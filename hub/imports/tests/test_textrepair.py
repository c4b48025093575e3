"""Broken characters from a wrong encoding come out right; right text stays as it was."""

from pathlib import Path

import pytest
from django.conf import settings

from hub.lib.textrepair import looks_damaged, repair

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
BROKEN = set("ëíìîñó")


def seed_texts():
    if not SEEDS.is_dir():
        pytest.skip(f"the seed files are not at {SEEDS}")
    return {path.name: path.read_text() for path in sorted(SEEDS.glob("*.txt"))}


def test_the_quotes_and_dashes_of_the_seeds_come_out_right():
    texts = seed_texts()
    first = repair(texts["000_d29216fa93ee99d8.txt"])
    assert "‘Voices of Venezuela’: aims" in first
    assert "a series called ‘Some Venezuelans There’" in first
    assert "to help migrants’ understand" in first
    assert "the ‘#TuCausaEsMiCausa’ campaign" in first
    assert "is a project – co-created with migrant and refugees – that focuses" in first
    assert "Public Communicators’ Workshops" in first
    second = repair(texts["001_10f25bd4d010033c.txt"])
    assert "‘Everybody knows something that you don’t know’" in second
    assert "Saudi Arabia’s Musaned" in second
    assert "country of origin – that is" in repair(texts["002_71ca8867f9231151.txt"])


def test_no_broken_character_is_left_in_any_seed_and_right_letters_stay():
    for name, text in seed_texts().items():
        repaired = repair(text)
        assert not BROKEN & set(repaired), name
        for word in ("Maipú", "Montréal", "“Biais d’Entrée”", "Autism – working"):
            assert text.count(word) == repaired.count(word), (name, word)


@pytest.mark.parametrize(
    "right",
    [
        "Así es: aquí vivía María, en el país de su niñez. Sí, señor; comió piña en París y salió.",
        "Noël à Montréal : l’élève naïve de Maipú a dit « où ? » — puis Citroën ?",
        "Haití, Perú y Potosí: el frenesí del maní.",
        "Qu’est-ce que c’est ? une question.",
    ],
)
def test_right_spanish_and_french_text_is_untouched_even_in_a_damaged_document(right):
    assert repair(right) == right
    assert repair(right, damaged=True) == right


def test_right_text_does_not_look_damaged():
    assert not looks_damaged("Así es: aquí vivía María en el país. Noël à Montréal, Maipú.")
    assert looks_damaged("ëVoices of Venezuelaí: aims")


def test_utf8_read_as_windows_1252_is_repaired_too():
    assert repair("Donâ€™t miss the â€œWelcome Weekâ€\x9d") == "Don’t miss the “Welcome Week”"
