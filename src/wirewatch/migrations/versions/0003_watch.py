"""Watch loop: sources (with leases), fetch_state, digests.

Revision ID: 0003_watch
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_watch"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("interval_seconds", sa.Integer, nullable=False, server_default="300"),
        sa.Column("enabled", sa.Integer, nullable=False, server_default="1"),
        sa.Column("next_due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lease_owner", sa.String(128)),
        sa.Column("lease_until", sa.DateTime(timezone=True)),
        sa.Column("last_polled_at", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.Text),
        sa.Column("error_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("poll_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.create_index("ix_sources_next_due_at", "sources", ["next_due_at"])
    op.create_index("ix_sources_due", "sources", ["enabled", "next_due_at"])
    op.create_table(
        "fetch_state",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_status", sa.Integer),
        sa.Column("fetched_at", sa.DateTime(timezone=True)),
        sa.Column("content_hash", sa.String(64)),
    )
    op.create_table(
        "digests",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("channel", sa.Text, nullable=False),
        sa.Column("period_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("alert_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("sent_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
        sa.UniqueConstraint("channel", "period_start", name="uq_digests_channel_period"),
    )


def downgrade() -> None:
    op.drop_table("digests")
    op.drop_table("fetch_state")
    op.drop_index("ix_sources_due", table_name="sources")
    op.drop_index("ix_sources_next_due_at", table_name="sources")
    op.drop_table("sources")
