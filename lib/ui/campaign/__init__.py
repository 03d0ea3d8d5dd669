"""The campaign page (page.py): a county's campaign kit, each part shown and offered as DOCX and text (part.py),
the whole packet as one PDF."""
