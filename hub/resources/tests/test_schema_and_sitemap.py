"""Resources and events in the sitemap and with schema.org data (published ones only); a PDF's page
count and size on its page before download."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hub.events.tests.factories import make_event
from hub.resources.tests import documents
from hub.resources.tests.factories import make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def json_ld(page: str) -> dict:
    [found] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(found)


def test_the_sitemap_lists_published_resources_and_events_only(client):
    resource = make_resource("Anti-rumour handbook")
    hidden_resource = make_resource("Draft handbook", status="submitted")
    event = make_event("International Dialogue on Migration")
    hidden_event = make_event("Draft dialogue", status="submitted")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{resource.get_absolute_url()}</loc>" in sitemap
    assert f"{event.get_absolute_url()}</loc>" in sitemap
    assert hidden_resource.get_absolute_url() not in sitemap and hidden_event.get_absolute_url() not in sitemap


def test_a_resource_page_has_schema_org_data_of_its_type_and_a_pdf_shows_pages_and_size(client):
    report = make_resource("Evaluation of the ambassadors", type="research", url="", issued=None)
    report.file.save("evaluation.pdf", SimpleUploadedFile("x.pdf", documents.pdf(pages=3)), save=False)
    report.file_type, report.file_size, report.file_pages = "application/pdf", 12_345, 3
    report.save()
    page = client.get(report.get_absolute_url()).content.decode()
    assert "3 pages" in page and "12.1\xa0KB" in page
    data = json_ld(page)
    assert data["@type"] == "Report" and data["name"] == "Evaluation of the ambassadors"
    assert data["author"] == {"@type": "Organization", "name": "Council of Europe"}
    assert data["inLanguage"] == ["en"] and data["about"] == ["Discrimination and Xenophobia"]
    assert data["associatedMedia"]["encodingFormat"] == "application/pdf"
    assert data["associatedMedia"]["numberOfPages"] == 3
    video = make_resource("Neue Heimat Schweiz", type="video")
    assert json_ld(client.get(video.get_absolute_url()).content.decode())["@type"] == "VideoObject"
    draft = make_resource("Draft", status="submitted")
    assert draft  # a draft's page is not public: no schema.org data to leak (it is a 404 for visitors)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_an_event_page_has_schema_org_event_data_in_its_zone(client):
    in_geneva = make_event(
        "International Dialogue on Migration", start="2030-07-20 10:00", end="2030-07-21 17:00", online_url=""
    )
    data = json_ld(client.get(in_geneva.get_absolute_url()).content.decode())
    assert data["@type"] == "Event"
    assert data["startDate"] == "2030-07-20T10:00:00+02:00" and data["endDate"] == "2030-07-21T17:00:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place" and data["location"]["address"]["addressCountry"] == "CH"
    assert data["organizer"]["name"] == "IOM"
    webinar = make_event(
        "Welcoming cities webinar",
        type="webinar",
        place=None,
        online_url="https://meet.example.org/w",
        start="2030-01-15 09:00",
        end="2030-01-15 10:30",
        time_zone="America/Bogota",
    )
    data = json_ld(client.get(webinar.get_absolute_url()).content.decode())
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/w"}
    assert data["startDate"] == "2030-01-15T09:00:00-05:00"
