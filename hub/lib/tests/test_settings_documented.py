import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_every_variable_the_settings_read_is_documented_in_the_env_example():
    read = set(
        re.findall(r"""env(?:\.\w+)?\(\s*["']([A-Z][A-Z0-9_]*)["']""", (ROOT / "hub" / "settings.py").read_text())
    )
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(), re.MULTILINE))

    assert read, "the pattern no longer finds the settings' variables"
    assert read - documented == set()
