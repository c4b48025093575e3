"""docs/benchmarks.md is shared by several benchmark scripts (pages, search, map, import).

Each script owns one section between <!-- bench:NAME --> and <!-- /bench:NAME --> and
replaces only that, so a rerun of one benchmark leaves the others' figures alone.
"""

import fcntl
import os
import re
import tempfile
from pathlib import Path

HEADER = """# Benchmarks

Each section below is written by a script in `bench/` (run them all with `make bench`).
Do not edit a section by hand: the next run replaces everything between its markers.
"""


def replace_section(path: Path, name: str, body: str) -> None:
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    section = f"{start}\n{body.strip()}\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Two benchmarks may finish at the same moment: the lock keeps one from writing back a copy read
    # before the other's write (which would lose a section), and the rename keeps a reader from ever
    # seeing a half-written file.
    with open(Path(tempfile.gettempdir()) / f"{path.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        text = path.read_text() if path.exists() else HEADER
        if pattern.search(text):
            text = pattern.sub(lambda _: section, text, count=1)
        else:
            text = f"{text.rstrip()}\n\n{section}\n"
        with tempfile.NamedTemporaryFile("w", dir=path.parent, prefix=f".{path.name}.", delete=False) as new:
            new.write(text)
        os.chmod(new.name, 0o644)  # a temporary file starts private; the docs are for everyone
        os.replace(new.name, path)
