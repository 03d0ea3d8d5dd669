"""`python -m lib.campaign`: the campaign packet (PDF) and the records request (DOCX, PDF, text), Spanish by default
in Puerto Rico; a county that does not exist is an error a person can act on."""

import docx

from lib.campaign.__main__ import main


def test_writes_the_letter_as_docx_and_text_in_spanish_for_puerto_rico(tmp_path, capsys):
    assert main(["72127", "--out", str(tmp_path)]) == 0
    text = (tmp_path / "records-request-72127-es.txt").read_text(encoding="utf-8")
    assert text.startswith("Solicitud de documentos públicos: San Juan")
    document = docx.Document(tmp_path / "records-request-72127-es.docx")
    assert document.paragraphs[0].text == text.splitlines()[0]
    assert (tmp_path / "campaign-packet-72127-es.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "records-request-72127-es.pdf").read_bytes().startswith(b"%PDF-")
    assert main(["48201", "--out", str(tmp_path), "--target", "county_board"]) == 0
    assert (tmp_path / "records-request-48201-en.docx").exists()
    assert main(["72127", "--out", str(tmp_path), "--lang", "en"]) == 0
    assert (tmp_path / "records-request-72127-en.txt").read_text(encoding="utf-8").startswith("Public-records")


def test_an_unknown_county_is_an_error(tmp_path, capsys):
    assert main(["99999", "--out", str(tmp_path)]) == 1
    assert "99999" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
