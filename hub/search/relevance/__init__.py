"""The relevance test set: graded judgments over the demo content, scored with nDCG@10."""

import json
import math
from pathlib import Path

from hub.practices.models import Practice
from hub.search.results import search_practices

JUDGMENTS = Path(__file__).with_name("judgments.json")
CUTOFF = 10


def load_judgments() -> list[dict]:
    return json.loads(JUDGMENTS.read_text())["queries"]


def dcg(grades: list[int]) -> float:
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades[:CUTOFF]))


def ndcg(result_slugs: list[str], judgments: dict[str, int]) -> float:
    def grade(slug: str) -> int:
        return next((g for prefix, g in judgments.items() if slug.startswith(prefix)), 0)

    ideal = dcg(sorted(judgments.values(), reverse=True))
    return dcg([grade(slug) for slug in result_slugs]) / ideal if ideal else 0.0


def evaluate() -> dict:
    """nDCG@10 of every query of the set on the engine in use, and their mean."""
    per_query = {}
    for entry in load_judgments():
        search = search_practices(entry["q"])
        results = search.results()[:CUTOFF] if search.executed else []
        per_query[entry["q"]] = ndcg([p.slug for p in results], entry["judgments"])
    return {"mean": sum(per_query.values()) / len(per_query), "queries": per_query}


def missing_judged_practices() -> list[str]:
    """Judged slug prefixes that match no published practice (a judgment file out of date)."""
    slugs = list(Practice.objects.published().values_list("slug", flat=True))
    prefixes = {prefix for entry in load_judgments() for prefix in entry["judgments"]}
    return sorted(p for p in prefixes if not any(s.startswith(p) for s in slugs))
