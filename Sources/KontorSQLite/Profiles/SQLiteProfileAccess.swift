import Foundation
import GRDB
import KontorCore
import KontorStore

/// The profile reads over one open GRDB connection, shared by read snapshots
/// and write transactions; engine errors become ``StoreError``s naming the action.
protocol SQLiteProfileAccess: ProfileReader {
    var db: Database { get }
}

extension SQLiteProfileAccess {
    func owner(of identity: Identity) throws(StoreError) -> ProfileID? {
        try run("look up \(identity.kind.rawValue)") { try ProfileTable.owner(of: identity, in: db) }
    }

    func profile(_ id: ProfileID) throws(StoreError) -> StoredProfile? {
        try run("read profile '\(id)'") { try ProfileTable.profile(id, in: db) }
    }

    func profiles(after: ProfileID?, limit: Int) throws(StoreError) -> [StoredProfile] {
        try run("list profiles") { try ProfileTable.profiles(after: after, limit: limit, in: db) }
    }

    func profileIDs(mergedInto id: ProfileID) throws(StoreError) -> [ProfileID] {
        try run("list the profiles merged into '\(id)'") { try ProfileTable.ids(mergedInto: id, in: db) }
    }

    func profileCount() throws(StoreError) -> Int {
        try run("count profiles") { try ProfileTable.count(in: db) }
    }

    func dirtyProfiles(limit: Int) throws(StoreError) -> [StoredProfile] {
        try run("list dirty profiles") { try ProfileTable.dirty(limit: limit, in: db) }
    }

    func merge(_ id: MergeID) throws(StoreError) -> StoredMerge? {
        try run("read merge \(id)") { try MergeTable.merge(id, in: db) }
    }

    func merges(involving profiles: Set<ProfileID>) throws(StoreError) -> [StoredMerge] {
        try run("list merges") { try MergeTable.merges(involving: profiles, in: db) }
    }

    func attributedEvents(of profiles: Set<ProfileID>) throws(StoreError) -> [AttributedEvent] {
        try run("list the events of profiles") { try ProfileEventTable.events(of: profiles, in: db) }
    }

    func events(seqs: [Int64]) throws(StoreError) -> [StoredEvent] {
        try run("read events by seq") { try ProfileEventTable.stored(seqs: seqs, in: db) }
    }

    func memberships(of profile: ProfileID) throws(StoreError) -> [MembershipStay] {
        try run("read the memberships of '\(profile)'") { try MembershipTable.stays(of: profile, in: db) }
    }

    func openSegments(of profiles: [ProfileID]) throws(StoreError) -> [ProfileID: Set<String>] {
        try run("read current memberships") { try MembershipTable.openSegments(of: profiles, in: db) }
    }

    func members(of segment: String, limit: Int) throws(StoreError) -> [ProfileID] {
        try run("list the members of '\(segment)'") { try MembershipTable.members(of: segment, limit: limit, in: db) }
    }

    func segmentSizes() throws(StoreError) -> [String: Int] {
        try run("count segment members") { try MembershipTable.sizes(in: db) }
    }

    func auditEntries(subject: String) throws(StoreError) -> [AuditEntry] {
        try run("read the audit log of '\(subject)'") { try AuditTable.entries(subject: subject, in: db) }
    }

    func run<T>(_ action: String, _ work: () throws -> T) throws(StoreError) -> T {
        do {
            return try work()
        } catch {
            throw StoreError.wrapping(error, action: action)
        }
    }
}

/// A read snapshot of a SQLite store.
struct SQLiteProfileReader: SQLiteProfileAccess {
    let db: Database
}
