"""The contribute page (AppTest): prefilled with the link's county, it says it asks for no personal details, sends
a contribution and gives a receipt to look up; a refused one says why; an unreachable database stores nothing and
keeps the answers."""

import datetime

import pytest

from lib.contrib import db
from tests.apptext import shown
from tests.test_app_smoke import run_page


@pytest.fixture
def page(tmp_path, monkeypatch):
    monkeypatch.setenv(db.CONTRIB_DIR_VARIABLE, str(tmp_path))
    app = run_page("app_pages/contribute.py", fips="06085")
    assert not app.exception, app.exception
    return app


def fill_in(app, quote="We decline all ICE detainers."):
    app.multiselect[0].set_value(["holds"])
    app.radio[-1].set_value("refuses")
    app.text_input[0].input("https://example.org/policy.pdf")
    app.text_area[0].input(quote)


def test_the_form_is_prefilled_and_asks_for_nothing_personal(page):
    assert page.selectbox[0].value == "06085"
    assert any("asks for no name, email address or telephone number" in shown(info.value) for info in page.info)
    labels = " ".join(shown(widget.label) for widget in [*page.text_input, *page.text_area]).lower()
    assert not {"name", "email", "phone"} & set(labels.replace("(", " ").split())


def test_a_contribution_gets_a_receipt_that_can_be_looked_up(page):
    fill_in(page)
    page.button[0].click().run()
    (success,) = page.success
    receipt = shown(success.value).split("**")[1]
    page.text_input(key="contribution_receipt").input(receipt).run()
    assert any("waiting for review" in shown(info.value) for info in page.info)


def test_a_contribution_without_its_words_is_refused_and_says_why(page):
    fill_in(page, quote="")
    page.button[0].click().run()
    assert not page.success and "Copy the words of the document" in shown(page.error[0].value)


def test_an_unreachable_database_stores_nothing_and_keeps_the_answers(page, monkeypatch):
    monkeypatch.setenv(db.DATABASE_URL_VARIABLE, "sqlite:////proc/no-such-folder/contributions.sqlite")
    fill_in(page)
    page.button[0].click().run()
    assert "cannot be reached" in shown(page.error[0].value)
    assert page.text_area[0].value == "We decline all ICE detainers."


def test_the_county_page_says_how_many_wait_for_review(page):
    before = run_page("app_pages/county.py", fips="06085")
    assert not [c for c in before.caption if "wait" in shown(c.value) and "review" in shown(c.value)]
    fill_in(page)
    page.button[0].click().run()
    after = run_page("app_pages/county.py", fips="06085")
    assert any("1 contribution on this county waits for review" in shown(c.value) for c in after.caption)


def test_a_policy_older_than_ten_years_can_be_dated(page):
    # Streamlit's own earliest date is ten years back, after many jails' policies were written.
    assert page.date_input[0].min <= datetime.date(2008, 3, 1)
