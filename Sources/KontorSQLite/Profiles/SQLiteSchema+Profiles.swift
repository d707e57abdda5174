extension SQLiteSchema {
    // The profile builder's state, next to the v1 columns (`traits` holds the
    // plain trait object and `computed` the values, for readers that only want
    // those): traits with provenance, computed-trait accumulators, the consent
    // history, merge bookkeeping and the dirty mark the segment engine reads.
    static let profileState = """
        ALTER TABLE profiles ADD COLUMN trait_state TEXT NOT NULL DEFAULT '{"traits":[]}';
        ALTER TABLE profiles ADD COLUMN computed_state TEXT NOT NULL DEFAULT '{"accumulators":{}}';
        ALTER TABLE profiles ADD COLUMN consent_history TEXT NOT NULL DEFAULT '{"history":[]}';
        ALTER TABLE profiles ADD COLUMN merge_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE profiles ADD COLUMN separated_from TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE profiles ADD COLUMN dirty INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX profiles_dirty ON profiles (id) WHERE dirty = 1;
        """

    // Which profile each event was attached to when processed: unmerge gives
    // each side back its messages, and an export lists a person's events.
    // `seq` is not a foreign key: retention may delete old events.
    static let profileEvents = """
        CREATE TABLE profile_events (
            seq INTEGER PRIMARY KEY,
            message_id TEXT NOT NULL,
            profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE
        );
        CREATE INDEX profile_events_by_profile ON profile_events (profile_id, seq);
        """

    // `reason` says why a stay began; these say why it ended.
    static let membershipExits = """
        ALTER TABLE memberships ADD COLUMN exit_reason TEXT;
        ALTER TABLE memberships ADD COLUMN detail TEXT;
        """
}
