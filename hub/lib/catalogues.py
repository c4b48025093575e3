"""Which translations are complete enough to offer: the language selector offers only those.

A language is offered when its catalogue (locale/<code>/LC_MESSAGES/django.po, as `makemessages`
writes it) has every message translated and none marked fuzzy. Completing the French catalogue
is all it takes for French to appear in the selector.
"""

from pathlib import Path


def _entries(text: str):
    """(flags, msgstrs) of each message of a .po file, the header left out."""
    entry: dict = {"flags": "", "msgid": None, "msgstr": []}
    current = None
    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        if not line:
            if entry["msgid"] is not None and entry["msgid"] != "":
                yield entry["flags"], entry["msgstr"]
            entry, current = {"flags": "", "msgid": None, "msgstr": []}, None
        elif line.startswith("#,"):
            entry["flags"] += line
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid "):
            entry["msgid"], current = _unquote(line[6:]), "msgid"
        elif line.startswith("msgid_plural "):
            current = "plural"
        elif line.startswith("msgstr"):
            entry["msgstr"].append(_unquote(line.split(" ", 1)[1]))
            current = "msgstr"
        elif line.startswith('"'):
            if current == "msgid":
                entry["msgid"] += _unquote(line)
            elif current == "msgstr":
                entry["msgstr"][-1] += _unquote(line)


def _unquote(text: str) -> str:
    text = text.strip()
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] == '"' else text


def catalogue_is_complete(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    entries = list(_entries(text))
    return bool(entries) and all("fuzzy" not in flags and msgstrs and all(msgstrs) for flags, msgstrs in entries)


def complete_languages(languages, locale_paths, *, source: str = "en") -> list:
    """The (code, name) pairs of `languages` whose catalogue is complete in one of `locale_paths`;
    the source language, in which the site is written, always."""
    return [
        (code, name)
        for code, name in languages
        if code == source
        or any(catalogue_is_complete(Path(folder) / code / "LC_MESSAGES" / "django.po") for folder in locale_paths)
    ]


# What `makemessages` reads: the code and the templates, never tests, benchmarks, installed packages or
# collected static files. `make messages` and the check that no string is left behind share these.
# (Folder names, as makemessages --ignore matches them; the JavaScript reads its words from data-
# attributes the templates translate, so there is no djangojs catalogue and static/ holds no message.)
MESSAGE_SOURCES = ("hub", "templates")
MAKEMESSAGES_IGNORE = ("tests", "migrations", "static", "node_modules", "var", "bench", "demo", "docs", "locale")


def msgids(text: str) -> set:
    """The (context, msgid) of each message of a .po file's text, the header left out; obsolete
    entries (`#~`, kept by makemessages for a translator's memory) are not messages."""
    found = set()
    context = msgid = None
    current = None
    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        if not line:
            if msgid:
                found.add((context, msgid))
            context = msgid = current = None
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            context, current = _unquote(line[8:]), "msgctxt"
        elif line.startswith("msgid "):
            msgid, current = _unquote(line[6:]), "msgid"
        elif line.startswith(("msgid_plural", "msgstr")):
            current = None
        elif line.startswith('"'):
            if current == "msgid":
                msgid += _unquote(line)
            elif current == "msgctxt":
                context += _unquote(line)
    return found


def extract_messages(base_dir) -> str:
    """The text of the catalogue `makemessages` would write today from the code under `base_dir`, made
    in a temporary copy so that nothing under locale/ is touched."""
    import shutil
    import tempfile
    from contextlib import chdir

    from django.core.management import call_command

    base_dir = Path(base_dir)
    with tempfile.TemporaryDirectory(prefix="ibis-messages-") as folder:
        copy = Path(folder)
        for source in MESSAGE_SOURCES:
            shutil.copytree(base_dir / source, copy / source, ignore=shutil.ignore_patterns(*MAKEMESSAGES_IGNORE))
        (copy / "locale").mkdir()  # makemessages writes into ./locale when there is one
        with chdir(copy):
            call_command(
                "makemessages", locale=["en"], ignore_patterns=list(MAKEMESSAGES_IGNORE), verbosity=0, no_location=True
            )
        return (copy / "locale" / "en" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
