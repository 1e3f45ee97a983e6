"""Event merging: each mention keeps the figures its own article reported.

A canonical event row carries the reconciled ``killed`` and ``status`` of all its mentions;
``reported_killed`` / ``reported_status`` keep what that row's own article said.

Revision ID: 0002_cluster
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_cluster"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("reported_killed", sa.Integer))
        batch.add_column(sa.Column("reported_status", sa.String(16)))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("reported_status")
        batch.drop_column("reported_killed")
