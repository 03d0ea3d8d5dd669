from lib.corrections import FIELDS, correction_text, send_link
from lib.i18n import use_language


def test_the_text_names_county_field_and_note_and_nothing_about_the_reader():
    text = correction_text(
        "Harris County, Texas",
        "48201",
        "ICE holds",
        "  The sheriff ended this in 2026.  ",
        "http://localhost/county?fips=48201",
        "2026-05-18",
    )
    assert "48201" in text and "ICE holds" in text and text.rstrip().endswith("ended this in 2026.")


def test_send_link_is_mailto_https_or_nothing():
    assert send_link("a b", "s", "fix@example.org").startswith("mailto:fix@example.org?subject=s&body=a%20b")
    assert send_link("a b", "s", "https://forms.example.org/f").startswith("https://forms.example.org/f?text=a+b")
    assert send_link("a", "s", "") is None
    assert send_link("a", "s", "javascript:alert(1)") is None


def test_the_text_is_written_in_the_reader_language():
    with use_language("es"):
        text = correction_text("Harris County, Texas", "48201", FIELDS[1], "nota", "http://localhost/", "2026-05-18")
    assert text.startswith("Corrección sugerida para Harris County, Texas (FIPS 48201)")
    assert "solicitudes de retención de ICE" in text and "ICE holds" not in text
