"""The campaign page as its readers use it (AppTest): Spanish first in Puerto Rico, a meeting for the office picked,
the model policy of the provisions picked, each part downloadable, the packet as one PDF."""

import pytest

from tests.apptext import shown
from tests.test_app_smoke import run_page

HARRIS = "48201"


@pytest.fixture(scope="module")
def harris():
    app = run_page("app_pages/campaign.py", fips=HARRIS)
    assert not app.exception, app.exception
    return app


def texts(app) -> str:
    return " ".join(shown(markdown.value) for markdown in app.markdown)


def test_puerto_rico_starts_in_spanish_and_follows_the_language_picked():
    app = run_page("app_pages/campaign.py", fips="72127")
    radio = next(radio for radio in app.radio if shown(radio.label) == "Language of the documents")
    assert radio.value == "es" and list(radio.options) == ["Español", "English"]
    assert any(shown(s.value).startswith("Solicitud de documentos públicos") for s in app.subheader)
    radio.set_value("en").run()
    assert any(shown(s.value).startswith("Public-records request: San Juan") for s in app.subheader)


def test_the_meeting_follows_the_office_picked(harris):
    box = next(box for box in harris.selectbox if shown(box.label) == "Prepare a meeting with")
    assert box.value == "jail_operator"
    assert any(shown(s.value) == "Meeting preparation: Sheriff, Harris County" for s in harris.subheader)
    box.set_value("county_board").run()
    assert any(shown(s.value) == "Meeting preparation: Commissioners Court, Harris County" for s in harris.subheader)


def test_the_model_policy_has_the_provisions_picked(harris):
    picker = next(box for box in harris.multiselect if shown(box.label) == "Provisions of the model policy")
    picker.set_value(["no_287g"]).run()
    text = texts(harris)
    assert "Section 1. No 287(g) agreement [Pre-empted]" in text and "No holds without a judicial warrant" not in text


def test_every_part_and_the_packet_download(harris):
    labels = [shown(button.label) for button in harris.get("download_button")]
    assert labels.count("Download to edit (Word)") == 6 and labels.count("Download to edit (text)") == 6
    assert "Download the whole campaign packet (PDF)" in labels


def test_without_a_county_the_page_points_to_the_search():
    app = run_page("app_pages/campaign.py")
    assert not app.exception and shown(app.title[0].value) == "Campaign kit"
