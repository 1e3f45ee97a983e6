"""Event mentions: the other sentences of an article that report the same event.

Revision ID: 0004_mentions
Revises: 0002_cluster
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_mentions"
down_revision = "0002_cluster"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("mentions", sa.JSON))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("mentions")
