extension SQLiteSchema {
    /// `v2-outbox-delivery`: what delivery needs beyond `v1-outbox`.
    ///
    /// - the profile and payload hash of each job (per-profile ordering, supersession, replay checks);
    /// - first and last attempt times (the dead-letter window of `DeliveryPolicy`);
    /// - an index to find a profile's pending jobs and one for leases by owner.
    ///
    /// Finished jobs are deleted and dead ones move to `dead_letters`, so `outbox` holds only
    /// pending jobs and its `UNIQUE (idempotency_key)` is uniqueness among unfinished jobs.
    static let outboxDelivery = """
        ALTER TABLE outbox ADD COLUMN profile_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE outbox ADD COLUMN payload_hash TEXT NOT NULL DEFAULT '';
        ALTER TABLE outbox ADD COLUMN first_attempt_at TEXT;
        ALTER TABLE outbox ADD COLUMN last_attempt_at TEXT;
        CREATE INDEX outbox_by_profile ON outbox (destination, profile_id, id);
        CREATE INDEX outbox_by_lease_owner ON outbox (lease_owner) WHERE lease_owner IS NOT NULL;
        ALTER TABLE dead_letters ADD COLUMN profile_id TEXT NOT NULL DEFAULT '';
        ALTER TABLE dead_letters ADD COLUMN payload_hash TEXT NOT NULL DEFAULT '';
        ALTER TABLE dead_letters ADD COLUMN first_attempt_at TEXT;
        ALTER TABLE dead_letters ADD COLUMN last_attempt_at TEXT;
        """

    /// `v3-delivery-totals`: per destination, how many jobs were delivered and when the last was
    /// (delivered jobs are deleted from `outbox`, so `kontor status` needs the count kept here).
    static let deliveryTotals = """
        CREATE TABLE delivery_totals (
            destination TEXT PRIMARY KEY,
            delivered INTEGER NOT NULL DEFAULT 0,
            last_delivered_at TEXT
        );
        """
}
