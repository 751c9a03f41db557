-- Page-view beacon counts per Moscow day and stand; nothing about the visitor.
CREATE TABLE page_views (
    day      TEXT    NOT NULL,
    stand_id TEXT    NOT NULL,
    views    INTEGER NOT NULL,
    PRIMARY KEY (day, stand_id)
);
