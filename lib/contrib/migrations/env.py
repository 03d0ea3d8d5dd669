"""Alembic's environment: the database named in the configuration (lib.contrib.db.alembic_config), the tables of
lib.contrib.models."""

from alembic import context

from lib.contrib.db import make_engine
from lib.contrib.models import Base

url = context.config.get_main_option("sqlalchemy.url")
with make_engine(url).connect() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
