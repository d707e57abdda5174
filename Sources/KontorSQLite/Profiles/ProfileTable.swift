import Foundation
import GRDB
import KontorCore
import KontorStore

/// SQL of the `profiles`, `identities` and `consents` tables.
enum ProfileTable {
    static let columns = """
        id, traits, computed, merged_into, created_at, updated_at, trait_state, computed_state, consent_history,
        merge_count, separated_from, dirty
        """

    static func profile(_ id: ProfileID, in db: Database) throws -> StoredProfile? {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM profiles WHERE id = ?")
        return try Row.fetchOne(statement, arguments: [id]).map { try decode($0, identities: identities(of: id, in: db)) }
    }

    /// Decodes a page of profile rows, reading their identities with one query per 500 profiles
    /// rather than one per profile.
    static func decodeAll(_ rows: [Row], in db: Database) throws -> [StoredProfile] {
        let ids: [ProfileID] = rows.map { $0["id"] }
        let identities = try identities(of: ids, in: db)
        return try rows.map { row in try decode(row, identities: identities[row["id"]] ?? []) }
    }

    static func profiles(after: ProfileID?, limit: Int, in db: Database) throws -> [StoredProfile] {
        try validate(limit: limit, "list profiles")
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT \(columns) FROM profiles WHERE merged_into IS NULL AND id > ? ORDER BY id LIMIT ?",
            arguments: [after ?? "", limit])
        return try decodeAll(rows, in: db)
    }

    static func dirty(limit: Int, in db: Database) throws -> [StoredProfile] {
        try validate(limit: limit, "list dirty profiles")
        let rows = try Row.fetchAll(
            db, sql: "SELECT \(columns) FROM profiles WHERE dirty = 1 ORDER BY id LIMIT ?", arguments: [limit])
        return try decodeAll(rows, in: db)
    }

    static func ids(mergedInto id: ProfileID, in db: Database) throws -> [ProfileID] {
        try String.fetchAll(db, sql: "SELECT id FROM profiles WHERE merged_into = ? ORDER BY id", arguments: [id])
    }

    static func count(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM profiles WHERE merged_into IS NULL") ?? 0
    }

    static func owner(of identity: Identity, in db: Database) throws -> ProfileID? {
        let statement = try db.cachedStatement(sql: "SELECT profile_id FROM identities WHERE kind = ? AND value = ?")
        return try String.fetchOne(statement, arguments: [identity.kind.rawValue, identity.value])
    }

    static func identities(of id: ProfileID, in db: Database) throws -> [Identity] {
        let statement = try db.cachedStatement(
            sql: "SELECT kind, value FROM identities WHERE profile_id = ? ORDER BY kind, value")
        return try Row.fetchAll(statement, arguments: [id]).map { row in
            Identity(IdentifierKind(rawValue: row["kind"]), row["value"])
        }
    }

    /// The identities of each of `ids` (profiles without any are left out), sorted by kind and value.
    static func identities(of ids: [ProfileID], in db: Database) throws -> [ProfileID: [Identity]] {
        var result: [ProfileID: [Identity]] = [:]
        for chunk in SQLList.chunks(ids) {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT profile_id, kind, value FROM identities
                    WHERE profile_id IN (\(SQLList.placeholders(chunk.count))) ORDER BY profile_id, kind, value
                    """,
                arguments: StatementArguments(chunk))
            for row in rows {
                result[row["profile_id"], default: []].append(Identity(IdentifierKind(rawValue: row["kind"]), row["value"]))
            }
        }
        return result
    }

    static func save(_ profile: StoredProfile, in db: Database) throws {
        guard !profile.id.isEmpty else { throw StoreError(.invalidArgument, "cannot save a profile with an empty id") }
        let coding = MessageCoding()
        let what = "profile '\(profile.id)'"
        let arguments: StatementArguments = [
            profile.id,
            try coding.encode(profile.traits.traits, what: "the traits of \(what)"),
            try coding.encode(.object(profile.computedValues), what: "the computed traits of \(what)"),
            profile.mergedInto,
            StoreTimestamp.string(from: profile.createdAt),
            StoreTimestamp.string(from: profile.updatedAt),
            try coding.encodeValue(profile.traits, what: "the trait state of \(what)"),
            try coding.encodeValue(profile.computed, what: "the computed-trait state of \(what)"),
            try coding.encodeValue(profile.consent, what: "the consent history of \(what)"),
            profile.mergeCount,
            try coding.encodeValue(profile.separatedFrom.sorted(), what: "the separations of \(what)"),
            profile.isDirty,
        ]
        try db.cachedStatement(
            sql: """
                INSERT INTO profiles (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET traits = excluded.traits, computed = excluded.computed,
                    merged_into = excluded.merged_into, created_at = excluded.created_at,
                    updated_at = excluded.updated_at, trait_state = excluded.trait_state,
                    computed_state = excluded.computed_state, consent_history = excluded.consent_history,
                    merge_count = excluded.merge_count, separated_from = excluded.separated_from,
                    dirty = excluded.dirty
                """
        ).execute(arguments: arguments)
        try saveConsents(of: profile, in: db)
    }

    /// The `consents` table holds the current choice per purpose of live profiles.
    private static func saveConsents(of profile: StoredProfile, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM consents WHERE profile_id = ?").execute(arguments: [profile.id])
        guard profile.isLive else { return }
        let purposes = Set(profile.consent.history.map(\.purpose)).sorted()
        let insert = try db.cachedStatement(
            sql: "INSERT INTO consents (profile_id, purpose, status, source, at) VALUES (?, ?, ?, ?, ?)")
        for purpose in purposes {
            guard let latest = profile.consent.latest(purpose) else { continue }
            try insert.execute(arguments: [
                profile.id, purpose, latest.granted ? "granted" : "denied", latest.source,
                StoreTimestamp.string(from: latest.at),
            ])
        }
    }

    static func assign(_ identities: [Identity], to profile: ProfileID, at now: Date, in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO identities (kind, value, profile_id, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, value) DO UPDATE SET profile_id = excluded.profile_id
                """)
        let created = StoreTimestamp.string(from: now)
        for identity in identities {
            try statement.execute(arguments: [identity.kind.rawValue, identity.value, profile, created])
        }
    }

    static func clearDirty(_ ids: [ProfileID], in db: Database) throws {
        for chunk in SQLList.chunks(ids) {
            try db.execute(
                sql: "UPDATE profiles SET dirty = 0 WHERE id IN (\(SQLList.placeholders(chunk.count)))",
                arguments: StatementArguments(chunk))
        }
    }

    private static func decode(_ row: Row, identities: [Identity]) throws -> StoredProfile {
        let coding = MessageCoding()
        let id: String = row["id"]
        let what = "profile '\(id)'"
        let computedValues = try coding.decodeJSON(row["computed"], what: "the computed traits of \(what)")
        return StoredProfile(
            id: id,
            identities: identities,
            traits: try coding.decodeValue(ProfileState.self, from: row["trait_state"], what: "the trait state of \(what)"),
            computed: try coding.decodeValue(
                ComputedTraitState.self, from: row["computed_state"], what: "the computed-trait state of \(what)"),
            computedValues: computedValues.objectValue ?? [:],
            consent: try coding.decodeValue(ConsentState.self, from: row["consent_history"], what: "the consent of \(what)"),
            createdAt: try date(row["created_at"], "created_at", what),
            updatedAt: try date(row["updated_at"], "updated_at", what),
            mergeCount: row["merge_count"],
            separatedFrom: Set(
                try coding.decodeValue([String].self, from: row["separated_from"], what: "the separations of \(what)")),
            mergedInto: row["merged_into"],
            isDirty: row["dirty"])
    }

    static func date(_ text: String, _ column: String, _ what: String) throws(StoreError) -> Date {
        guard let date = StoreTimestamp.date(from: text) else {
            throw StoreError(.decoding, "\(what) has an unreadable \(column) '\(text)'")
        }
        return date
    }

    static func validate(limit: Int, _ action: String) throws(StoreError) {
        guard limit >= 0 else { throw StoreError(.invalidArgument, "cannot \(action): limit \(limit) is negative") }
    }
}
