extension SQLiteSchema {
    // The keys of events retention deleted: appending a message whose key is
    // here counts it as a duplicate, as if the event were still stored, so a
    // re-sent message is never folded into a profile twice. No payload is kept.
    static let retiredEvents = """
        CREATE TABLE retired_events (
            source TEXT NOT NULL,
            message_id TEXT NOT NULL,
            retired_at TEXT NOT NULL,
            PRIMARY KEY (source, message_id)
        ) WITHOUT ROWID;
        CREATE INDEX dead_letters_by_dead_at ON dead_letters (dead_at);
        CREATE INDEX runs_by_finished_at ON runs (finished_at) WHERE finished_at IS NOT NULL;
        """
}
