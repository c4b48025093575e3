"""Upload safety: a file is what its bytes say, within the size limit, stored under a name of ours;
anything else is refused with a clear message and nothing is stored."""

import io

import pytest
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile

from hub.resources.forms import ResourceForm
from hub.resources.models import Resource
from hub.resources.tests import documents

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media) -> list:
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def fields(**extra):
    return {
        "title": "Welcoming cities toolkit",
        "type": "tool",
        "summary": "How to start.",
        "language_codes": ["en"],
    } | extra


def submit(client, name, content, **extra):
    return client.post("/resources/submit/", fields(file=SimpleUploadedFile(name, content), **extra))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", documents.EXE),
        ("report.pdf", documents.ELF),
        ("report.docx", documents.plain_zip()),
        ("guide.pdf", documents.HTML),
        ("guide.docx", documents.HTML),
        ("map.pdf", documents.SVG),
        ("map.svg", documents.SVG),
    ],
)
def test_a_file_that_is_not_a_document_is_refused_whatever_its_name(client, alice, media, name, content):
    client.force_login(alice)

    response = submit(client, name, content)

    assert response.status_code == 400
    assert "is not a PDF, Word, Excel, PowerPoint or OpenDocument file" in response.content.decode()
    assert Resource.objects.count() == 0 and stored_files(media) == []
    assert 'value="Welcoming cities toolkit"' in response.content.decode()  # what was typed is kept


def test_a_file_over_the_limit_is_refused_with_both_sizes(client, alice, media, settings):
    settings.RESOURCE_FILE_MAX_BYTES = 1024
    client.force_login(alice)

    response = submit(client, "report.pdf", documents.pdf(pages=40))

    assert response.status_code == 400
    assert "files up to 1.0\xa0KB are accepted" in response.content.decode()
    assert Resource.objects.count() == 0 and stored_files(media) == []


def test_the_limit_is_twenty_megabytes_unless_set():
    from hub import settings as project_settings

    assert project_settings.RESOURCE_FILE_MAX_BYTES == 20 * 1024 * 1024


def test_an_empty_file_is_refused(client, alice, media):
    client.force_login(alice)

    response = submit(client, "report.pdf", b"")

    assert response.status_code == 400
    # Django's own check comes first and says so as clearly.
    assert "The submitted file is empty." in response.content.decode()
    assert Resource.objects.count() == 0 and stored_files(media) == []


def test_a_damaged_pdf_is_refused(client, alice, media):
    client.force_login(alice)

    response = submit(client, "report.pdf", b"%PDF-1.7\n this is not really a PDF")

    assert response.status_code == 400
    assert "This PDF could not be read" in response.content.decode()
    assert stored_files(media) == []


@pytest.mark.parametrize("name", ["../../settings.py.pdf", "..\\..\\evil.pdf", "reports/2024.pdf", ".."])
def test_a_name_with_path_parts_is_refused(name, media):
    # Django's upload parser already strips folders from names that come over HTTP (see the next
    # test); this guards every other way in: imports, demo content, a future API.
    form = ResourceForm(fields(), {"file": File(io.BytesIO(documents.pdf()), name=name)})

    assert not form.is_valid()
    assert form.errors["file"] == ["The file name must be a plain name, without folders (no “/”, “\\” or “..”)."]
    assert stored_files(media) == []


def test_a_name_sent_with_path_parts_over_http_is_never_used_on_disk(client, alice, media):
    client.force_login(alice)
    body = documents.pdf()
    upload = SimpleUploadedFile("report.pdf", body)
    upload._name = "../../../../tmp/evil.pdf"  # what a hand-made request would claim

    response = client.post("/resources/submit/", fields(file=upload))

    assert response.status_code == 302
    [stored] = stored_files(media)
    assert stored.is_relative_to(media / "resources") and stored.name == "welcoming-cities-toolkit.pdf"
    assert stored.read_bytes() == body


@pytest.mark.parametrize(
    ("name", "content", "extension", "pages"),
    [
        ("report.PDF", documents.pdf(pages=3), "pdf", 3),
        ("guide.docx", documents.docx(), "docx", None),
        ("guide.odt", documents.odt(), "odt", None),
        ("renamed.bin", documents.pdf(pages=1), "pdf", 1),
    ],
)
def test_a_real_document_is_stored_under_its_true_type(client, alice, media, name, content, extension, pages):
    client.force_login(alice)

    response = submit(client, name, content)

    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.file.name.endswith(f"/welcoming-cities-toolkit.{extension}")
    assert resource.file_size == len(content) and resource.file_pages == pages
    assert [path.read_bytes() for path in stored_files(media)] == [content]
