import GRDB

/// The schema of a SQLite store as append-only named migrations.
///
/// Policy: a migration that has shipped is never edited, renamed or removed;
/// changes come as new migrations appended to the list (`v2-…`). Instants are
/// ``KontorStore/StoreTimestamp`` text (fixed-width UTC), JSON is
/// ``KontorStore/MessageCoding`` text. Closed sets (run status, outbox state)
/// are enforced by the Swift types, not by `CHECK`s, so adding a case never
/// needs a table rebuild.
enum SQLiteSchema {
    /// The migrations in the order they apply: (name, SQL).
    static let migrations: [(name: String, sql: String)] = [
        ("v1-events", events),
        ("v1-profiles", profiles),
        ("v1-consents", consents),
        ("v1-memberships", memberships),
        ("v1-destination-state", destinationState),
        ("v1-outbox", outbox),
        ("v1-sync-state", syncState),
        ("v1-runs", runs),
        ("v1-schedules", schedules),
        ("v1-consumer-positions", consumerPositions),
        ("v1-audit-log", auditLog),
        ("v2-profile-state", profileState),
        ("v2-profile-events", profileEvents),
        ("v2-membership-exits", membershipExits),
        ("v2-outbox-delivery", outboxDelivery),
        ("v3-delivery-totals", deliveryTotals),
        ("v3-retired-events", retiredEvents),
    ]

    /// The names of all migrations this build knows, oldest first.
    static var migrationNames: [String] { migrations.map(\.name) }

    /// A migrator that applies ``migrations``.
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            let sql = migration.sql
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: sql)
            }
        }
        return migrator
    }

    // `seq` is AUTOINCREMENT so that a sequence number is never reused, even
    // after retention deletes the newest events: consumer positions stay valid.
    static let events = """
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            message_id TEXT NOT NULL,
            type TEXT NOT NULL,
            user_id TEXT,
            anonymous_id TEXT,
            payload TEXT NOT NULL,
            timestamp TEXT NOT NULL,
            received_at TEXT NOT NULL,
            UNIQUE (source, message_id)
        );
        CREATE INDEX events_by_user_id ON events (user_id) WHERE user_id IS NOT NULL;
        CREATE INDEX events_by_anonymous_id ON events (anonymous_id) WHERE anonymous_id IS NOT NULL;
        CREATE INDEX events_by_received_at ON events (received_at);
        """

    static let profiles = """
        CREATE TABLE profiles (
            id TEXT PRIMARY KEY,
            traits TEXT NOT NULL DEFAULT '{}',
            computed TEXT NOT NULL DEFAULT '{}',
            merged_into TEXT REFERENCES profiles (id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX profiles_by_merged_into ON profiles (merged_into) WHERE merged_into IS NOT NULL;
        CREATE INDEX profiles_by_updated_at ON profiles (updated_at);
        CREATE TABLE identities (
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            PRIMARY KEY (kind, value)
        );
        CREATE INDEX identities_by_profile ON identities (profile_id);
        CREATE TABLE merges (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            into_profile_id TEXT NOT NULL,
            from_profile_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            snapshot TEXT NOT NULL DEFAULT '{}',
            merged_at TEXT NOT NULL,
            unmerged_at TEXT
        );
        CREATE INDEX merges_by_into ON merges (into_profile_id);
        CREATE INDEX merges_by_from ON merges (from_profile_id);
        """

    static let consents = """
        CREATE TABLE consents (
            profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
            purpose TEXT NOT NULL,
            status TEXT NOT NULL,
            source TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (profile_id, purpose)
        );
        CREATE INDEX consents_by_purpose ON consents (purpose, status);
        """

    static let memberships = """
        CREATE TABLE memberships (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            segment TEXT NOT NULL,
            profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
            entered_at TEXT NOT NULL,
            exited_at TEXT,
            reason TEXT
        );
        CREATE UNIQUE INDEX memberships_open ON memberships (segment, profile_id) WHERE exited_at IS NULL;
        CREATE INDEX memberships_by_profile ON memberships (profile_id);
        """

    static let destinationState = """
        CREATE TABLE destination_state (
            destination TEXT NOT NULL,
            profile_id TEXT NOT NULL,
            payload_hash TEXT NOT NULL,
            payload TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (destination, profile_id)
        );
        """

    static let outbox = """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            destination TEXT NOT NULL,
            op TEXT NOT NULL,
            payload TEXT NOT NULL,
            idempotency_key TEXT NOT NULL UNIQUE,
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            next_attempt_at TEXT NOT NULL,
            lease_owner TEXT,
            lease_until TEXT,
            state TEXT NOT NULL DEFAULT 'pending',
            last_error TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX outbox_ready ON outbox (destination, state, next_attempt_at);
        CREATE TABLE dead_letters (
            id INTEGER PRIMARY KEY,
            destination TEXT NOT NULL,
            op TEXT NOT NULL,
            payload TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            last_error TEXT,
            created_at TEXT NOT NULL,
            dead_at TEXT NOT NULL,
            replayed_at TEXT
        );
        CREATE INDEX dead_letters_by_destination ON dead_letters (destination, dead_at);
        """

    static let syncState = """
        CREATE TABLE sync_state (
            source TEXT NOT NULL,
            stream TEXT NOT NULL,
            partition_key TEXT NOT NULL DEFAULT '',
            cursor TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (source, stream, partition_key)
        );
        """

    static let runs = """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            counts TEXT NOT NULL DEFAULT '{}',
            error TEXT
        );
        CREATE INDEX runs_by_name ON runs (name, started_at);
        CREATE INDEX runs_by_started_at ON runs (started_at);
        """

    static let schedules = """
        CREATE TABLE schedules (
            name TEXT PRIMARY KEY,
            next_run_at TEXT,
            lease_owner TEXT,
            lease_until TEXT
        );
        """

    static let consumerPositions = """
        CREATE TABLE consumer_positions (
            consumer TEXT PRIMARY KEY,
            position INTEGER NOT NULL CHECK (position >= 0),
            updated_at TEXT NOT NULL
        );
        """

    static let auditLog = """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT,
            details TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX audit_log_by_subject ON audit_log (subject, at);
        CREATE INDEX audit_log_by_at ON audit_log (at);
        """
}
