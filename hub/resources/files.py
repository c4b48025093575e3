"""What an uploaded document is, read from its bytes, never from its name or the browser's word.

Accepted: PDF, the Office formats (OOXML .docx/.xlsx/.pptx, legacy .doc/.xls/.ppt) and the
OpenDocument formats (.odt/.ods/.odp). A ZIP is only accepted when its structure is one of these
(a `[Content_Types].xml` with the part folder of Word, Excel or PowerPoint; an ODF `mimetype`
entry). Anything else (an executable, HTML, SVG, an archive, a script) is refused, whatever it is
called. A small check of signatures rather than libmagic: the list of accepted types is short and
closed, and this needs no system library.
"""

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF = "application/pdf"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
}
ODF = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
# Legacy Office files share one container (OLE2); the name of the main stream says which it is.
OLE2_STREAMS = {
    "WordDocument": ("application/msword", "doc"),
    "Workbook": ("application/vnd.ms-excel", "xls"),
    "Book": ("application/vnd.ms-excel", "xls"),
    "PowerPoint Document": ("application/vnd.ms-powerpoint", "ppt"),
}
LABELS = {"pdf": "PDF", "docx": "Word", "doc": "Word", "odt": "OpenDocument text", "xlsx": "Excel", "xls": "Excel"}
LABELS |= {"ods": "OpenDocument spreadsheet", "pptx": "PowerPoint", "ppt": "PowerPoint", "odp": "OpenDocument slides"}


@dataclass(frozen=True)
class FileFacts:
    content_type: str
    extension: str
    size: int
    pages: int | None = None

    @property
    def label(self) -> str:
        return LABELS[self.extension]


def max_bytes() -> int:
    return settings.RESOURCE_FILE_MAX_BYTES


def _refuse(message: str):
    raise ValidationError(message, code="file")


def _zip_type(head: bytes, upload) -> tuple[str, str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                if declared in ODF:
                    return declared, ODF[declared]
            if "[Content_Types].xml" in names:
                for folder, found in OOXML.items():
                    if any(name.startswith(folder) for name in names):
                        return found
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    return None


def _ole2_type(upload) -> tuple[str, str] | None:
    # The stream names are stored in UTF-16 in the directory sectors; looking for them in the first
    # megabyte is enough for files written by Office and LibreOffice.
    upload.seek(0)
    head = upload.read(1024 * 1024)
    for stream, found in OLE2_STREAMS.items():
        if stream.encode("utf-16-le") in head:
            return found
    return None


def _pdf_pages(upload) -> int:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    upload.seek(0)
    try:
        return len(PdfReader(io.BytesIO(upload.read())).pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError):
        _refuse(_("This PDF could not be read: it may be damaged. Save it again as a PDF and upload that."))


def check_upload(upload) -> FileFacts:
    """The facts of an acceptable document, or a ValidationError saying why it is refused."""
    name = getattr(upload, "name", "") or ""
    if any(part in name for part in ("/", "\\", "\x00")) or name in {".", ".."} or name.startswith(".."):
        _refuse(_("The file name must be a plain name, without folders (no “/”, “\\” or “..”)."))
    size = upload.size or 0
    if size == 0:
        _refuse(_("The file is empty."))
    if size > max_bytes():
        _refuse(
            _("The file is %(size)s; files up to %(limit)s are accepted. Give a link to it instead.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes())}
        )
    upload.seek(0)
    head = upload.read(8)
    found = None
    if head.startswith(b"%PDF-"):
        found = (PDF, "pdf")
    elif head.startswith(b"PK\x03\x04"):
        found = _zip_type(head, upload)
    elif head == OLE2_SIGNATURE:
        found = _ole2_type(upload)
    if found is None:
        _refuse(
            _(
                "This file is not a PDF, Word, Excel, PowerPoint or OpenDocument file (whatever its name "
                "says), so it cannot be published here. Give a link to it instead."
            )
        )
    content_type, extension = found
    pages = _pdf_pages(upload) if extension == "pdf" else None
    upload.seek(0)
    return FileFacts(content_type=content_type, extension=extension, size=size, pages=pages)
