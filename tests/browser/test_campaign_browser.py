"""What AppTest cannot see: in a real browser, the campaign page's packet downloads as one PDF in the letter's
language (made when clicked), a part downloads as a Word file, and the contribute page takes an uploaded PDF and
answers with a receipt code that looks it up."""

import re

import docx
import pypdfium2
import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_map_browser import MAP_TIMEOUT_MS, wait_until_the_app_is_idle
from tests.contrib.test_documents import PDF

pytestmark = pytest.mark.browser
DOWNLOAD_TIMEOUT_MS = 120_000


def download(page: Page, label: str, folder) -> bytes:
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as info:
        page.get_by_text(label).first.click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_bytes()


def open_page(page: Page, url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url)
    page.locator("h1").first.wait_for(timeout=MAP_TIMEOUT_MS)
    wait_until_the_app_is_idle(page)


def test_the_packet_downloads_as_one_pdf_in_spanish_for_puerto_rico(page, app_url, tmp_path):
    open_page(page, app_url + "/campaign?fips=72127")
    pdf = download(page, "Download the whole campaign packet (PDF)", tmp_path)
    document = pypdfium2.PdfDocument(pdf)
    try:
        text = " ".join(document[index].get_textpage().get_text_range() for index in range(len(document)))
        assert len(document) > 5
    finally:
        document.close()
    assert "Preparación de la reunión" in text and "Solicitud de documentos públicos" in text


def test_a_part_downloads_as_a_word_document(page, app_url, tmp_path):
    open_page(page, app_url + "/campaign?fips=48201")
    path = tmp_path / "part.docx"
    path.write_bytes(download(page, "Download to edit (Word)", tmp_path))
    assert docx.Document(path).paragraphs[0].text == "What to ask for: Harris County, Texas"


def test_an_uploaded_pdf_is_received_with_a_receipt_code(page, app_url, tmp_path):
    open_page(page, app_url + "/contribute?fips=06085")
    (tmp_path / "policy.pdf").write_bytes(PDF)
    page.get_by_label("What the document is about").click()
    page.get_by_role("option", name="ICE holds").click()
    page.keyboard.press("Escape")
    page.get_by_text("refuses", exact=True).click()
    page.locator('input[type="file"]').set_input_files(tmp_path / "policy.pdf")
    page.get_by_label("The words that show it, copied from the document").fill("The jail declines ICE detainers.")
    page.get_by_role("button", name="Send for review").click()
    receipt = page.get_by_text(re.compile(r"Your receipt code is"))
    expect(receipt).to_be_visible(timeout=MAP_TIMEOUT_MS)
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", receipt.inner_text()).group(0)
    page.get_by_role("tab", name="Look up a receipt").click()
    page.get_by_label("Receipt code").fill(code)
    page.get_by_label("Receipt code").press("Enter")
    expect(page.get_by_text("waiting for review")).to_be_visible(timeout=MAP_TIMEOUT_MS)
