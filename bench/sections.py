"""docs/benchmarks.md is shared by several benchmark scripts (pages, search, map, import).

Each script owns one section between <!-- bench:NAME --> and <!-- /bench:NAME --> and
replaces only that, so a rerun of one benchmark leaves the others' figures alone.
"""

import re
from pathlib import Path

HEADER = """# Benchmarks

Each section below is written by a script in `bench/` (run them all with `make bench`).
Do not edit a section by hand: the next run replaces everything between its markers.
"""


def replace_section(path: Path, name: str, body: str) -> None:
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    section = f"{start}\n{body.strip()}\n{end}"
    text = path.read_text() if path.exists() else HEADER
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    text = pattern.sub(lambda _: section, text, count=1) if pattern.search(text) else f"{text.rstrip()}\n\n{section}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
