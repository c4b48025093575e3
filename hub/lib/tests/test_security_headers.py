"""Every page says that only our own script files may run."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/map/", "/practices/submit/", "/admin/login/"])
def test_pages_forbid_inline_scripts(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'self'" in script_src and "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    # The basemap ships with the site: no image host is allowed unless MAP_TILE_URL names a tile server.
    assert "tile.openstreetmap.org" not in policy


def test_no_template_of_ours_has_an_inline_script():
    from pathlib import Path

    from django.conf import settings

    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = template.read_text()
        for tag in text.split("<script")[1:]:
            assert " src=" in tag.split(">", 1)[0], template
        assert " onclick=" not in text and " onload=" not in text and " onsubmit=" not in text, template
