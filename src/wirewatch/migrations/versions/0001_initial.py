"""Initial schema: articles, events, places, failures.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("url", sa.Text), sa.Column("title", sa.Text),
        sa.Column("published", sa.String(40)), sa.Column("site", sa.Text),
        sa.Column("language", sa.String(16)), sa.Column("text", sa.Text, nullable=False),
        sa.Column("dateline", sa.Text), sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source_uri", sa.Text), sa.Column("story_id", sa.String(32)),
        sa.Column("duplicate_of", sa.String(32)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.create_index("ix_articles_seq", "articles", ["seq"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    op.create_index("ix_articles_story_id", "articles", ["story_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("type", sa.String(16), nullable=False), sa.Column("cameo", sa.String(8)),
        sa.Column("mode", sa.String(32)),
        sa.Column("actor_name", sa.Text), sa.Column("actor_country", sa.String(3)),
        sa.Column("actor_sector", sa.Text),
        sa.Column("target_name", sa.Text), sa.Column("target_country", sa.String(3)),
        sa.Column("target_sector", sa.Text),
        sa.Column("place_name", sa.Text), sa.Column("place_country", sa.String(3)),
        sa.Column("place_lat", sa.Float), sa.Column("place_lon", sa.Float),
        sa.Column("place_admin1", sa.Text), sa.Column("place_precision", sa.String(16)),
        sa.Column("date", sa.String(10)), sa.Column("date_precision", sa.String(8)),
        sa.Column("killed", sa.Integer), sa.Column("injured", sa.Integer),
        sa.Column("status", sa.String(16), nullable=False), sa.Column("attribution", sa.Text),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("merged_into", sa.String(32)),
        sa.Column("mention_count", sa.Integer, nullable=False, server_default="1"),
        sa.Column("killed_min", sa.Integer), sa.Column("killed_max", sa.Integer),
        sa.Column("story_id", sa.String(32)),
        sa.Column("published", sa.String(40)),
        sa.Column("day", sa.String(10), nullable=False, server_default=""),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("first_seen", sa.String(40)), sa.Column("last_seen", sa.String(40)),
        sa.Column("article_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("countries", sa.Text), sa.Column("top_actors", sa.Text),
    )
    op.create_index("ix_stories_first_seen", "stories", ["first_seen"])
    op.create_index("ix_stories_last_seen", "stories", ["last_seen"])
    for col in ("article_id", "type", "actor_country", "target_country", "place_country", "date", "status",
                "merged_into", "story_id"):
        op.create_index(f"ix_events_{col}", "events", [col])
    op.create_index("ix_events_type_date", "events", ["type", "date"])
    op.create_index("ix_events_day_id", "events", ["day", "id"])
    op.create_index("ix_events_type_day", "events", ["type", "day"])
    op.create_index("ix_events_place_country_day", "events", ["place_country", "day"])
    op.create_index("ix_events_killed", "events", ["killed"])
    op.create_index("ix_events_status_day", "events", ["status", "day"])
    op.create_index("ix_events_actor_country_day", "events", ["actor_country", "day"])
    op.create_index("ix_events_target_country_day", "events", ["target_country", "day"])
    op.create_index("ix_events_killed_sort", "events", [sa.text("coalesce(killed, -1)"), "id"])
    op.create_table(
        "places",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
        sa.Column("lat", sa.Float), sa.Column("lon", sa.Float),
        sa.Column("country", sa.String(3)), sa.Column("admin1", sa.Text),
        sa.Column("geonameid", sa.Integer), sa.Column("precision", sa.String(16)),
    )
    op.create_index("ix_places_country", "places", ["country"])
    op.create_table(
        "rules",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False, server_default="match"),
        sa.Column("query", sa.Text, nullable=False, server_default=""),
        sa.Column("params", sa.Text), sa.Column("deliveries", sa.Text),
        sa.Column("enabled", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("rule_id", sa.String(32), nullable=False),
        sa.Column("dedupe_key", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("fired_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
        sa.Column("event_ids", sa.Text), sa.Column("story_id", sa.String(32)),
        sa.Column("payload", sa.Text), sa.Column("delivery_status", sa.Text),
        sa.UniqueConstraint("rule_id", "dedupe_key", name="uq_alerts_rule_dedupe"),
    )
    op.create_index("ix_alerts_rule_id", "alerts", ["rule_id"])
    op.create_index("ix_alerts_fired_at", "alerts", ["fired_at"])
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("stage", sa.String(64), nullable=False),
        sa.Column("item", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )


def downgrade() -> None:
    for table in ("failures", "alerts", "rules", "places", "stories", "events", "articles"):
        op.drop_table(table)
