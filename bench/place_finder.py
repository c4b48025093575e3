"""How well the import's place-finder (hub.imports.extract.places) names where practices are.

Reads hub/imports/tests/data/place_passages.json: short passages from public practice pages, each with
the places a person would name. Even positions are the tuning half, odd positions the test half (never
tuned on). Prints precision and recall on each half, and every miss, as Markdown.

    DJANGO_SETTINGS_MODULE=hub.settings .venv/bin/python bench/place_finder.py
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSAGES = ROOT / "hub" / "imports" / "tests" / "data" / "place_passages.json"


def _expected(entry: str, fold) -> tuple[frozenset, str]:
    names, _, country = entry.rpartition(", ")
    if not names:
        return frozenset({""}), entry.strip().upper()
    return frozenset(fold(name) for name in names.split("|")), country.strip().upper()


def score(passages: list[dict]) -> dict:
    from hub.imports.extract import places
    from hub.places.gazetteer import fold

    found = expected = right = 0
    misses = []
    for passage in passages:
        wanted = [_expected(entry, fold) for entry in passage["places"]]
        got = [(fold(name), country) for name, country, _kind in places(passage["text"])]
        hits = [g for g in got if any(g[1] == c and g[0] in names for names, c in wanted)]
        found, expected, right = found + len(got), expected + len(wanted), right + len(hits)
        if len(hits) != len(got) or len(hits) != len(wanted):
            misses.append((passage["text"][:70], passage["places"], got))
    return {
        "passages": len(passages),
        "found": found,
        "expected": expected,
        "right": right,
        "precision": right / found if found else 1.0,
        "recall": right / expected if expected else 1.0,
        "misses": misses,
    }


def halves() -> tuple[list[dict], list[dict]]:
    passages = json.loads(PASSAGES.read_text())["passages"]
    return passages[0::2], passages[1::2]


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    import django

    django.setup()
    tuning, test = halves()
    print("| Half | Passages | Places expected | Found | Right | Precision | Recall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    results = {"tuning": score(tuning), "test (never tuned on)": score(test)}
    for name, r in results.items():
        print(
            f"| {name} | {r['passages']} | {r['expected']} | {r['found']} | {r['right']} "
            f"| {r['precision']:.0%} | {r['recall']:.0%} |"
        )
    for name, r in results.items():
        for text, wanted, got in r["misses"]:
            print(f"\n- {name}: {text}…\n  expected {wanted}, found {got}")


if __name__ == "__main__":
    main()
