"""Evidence contributed by the people who know a county: the database (db.py, models.py, Alembic migrations), the
checks on an uploaded document (documents.py) and the submission with its limits and receipt (submit.py).

A contribution never changes a color until a reviewer accepts it; nothing here asks for or stores a name, an email
address, a telephone number or an IP address."""
