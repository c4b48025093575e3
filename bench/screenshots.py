"""docs/screenshots/<lang>-home.png and <lang>-practice.png, for English and each language the site
offers, taken from a running site (`make run`, or BASE_URL=…) in Debian's Chromium.

    make screenshots                      # against http://127.0.0.1:$PORT (8000)
    BASE_URL=http://127.0.0.1:8115 .venv/bin/python bench/screenshots.py

A language the site does not offer yet (its catalogue is incomplete: docs/translation.md) answers its
pages in English; it is left out, and said so, rather than pictured as English.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")

import django  # noqa: E402

django.setup()
from django.conf import settings  # noqa: E402

BASE_URL = os.environ.get("BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}").rstrip("/")
OUT = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def prefix(code: str) -> str:
    return "" if code == settings.LANGUAGE_CODE else f"/{code}"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    written, left_out = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        for code, _name in settings.TRANSLATED_LANGUAGES:
            page.goto(f"{BASE_URL}{prefix(code)}/")
            if page.locator("html").get_attribute("lang") != code:
                left_out.append(code)
                continue
            page.screenshot(path=OUT / f"{code}-home.png")
            page.goto(f"{BASE_URL}{prefix(code)}/practices/")
            first = page.locator(".card-title a").first
            first.click()
            page.wait_for_load_state()
            page.screenshot(path=OUT / f"{code}-practice.png")
            written += [f"{code}-home.png", f"{code}-practice.png"]
        browser.close()
    print(f"Written to {OUT}: {', '.join(written)}")
    if left_out:
        print(f"Not offered by {BASE_URL} yet (catalogue incomplete), left out: {', '.join(left_out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
