"""The contributions database: a SQLite file by default (WAL mode, outside git, created with its tables on first
use, nothing to set up), PostgreSQL when DATABASE_URL is set (what a deployment with several app processes uses).
ICE_MAP_CONTRIB_DIR moves the folder of the SQLite file and the uploaded documents (default: var/ in the project,
ignored by git). The tables are made and changed by Alembic's migrations only."""

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event

from lib.paths import PROJECT_ROOT

DATABASE_URL_VARIABLE = "DATABASE_URL"
CONTRIB_DIR_VARIABLE = "ICE_MAP_CONTRIB_DIR"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_FILE = "contributions.sqlite"
UPLOADS = "uploads"


def contrib_dir(environment=os.environ) -> Path:
    override = environment.get(CONTRIB_DIR_VARIABLE)
    return Path(override) if override else PROJECT_ROOT / "var"


def database_url(environment=os.environ) -> str:
    return environment.get(DATABASE_URL_VARIABLE) or f"sqlite:///{contrib_dir(environment) / SQLITE_FILE}"


def _wal_on_connect(connection, _record) -> None:
    # Readers do not wait for a writer, and a writer waits (not fails) for another for up to 5 s.
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _wal_on_connect)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(url: str, revision: str = "head") -> None:
    """Brings the database's tables to `revision` (creating the database on first use)."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    command.downgrade(alembic_config(url), revision)
