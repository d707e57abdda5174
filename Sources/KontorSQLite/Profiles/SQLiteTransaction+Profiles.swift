import Foundation
import GRDB
import KontorCore
import KontorStore

extension SQLiteTransaction: SQLiteProfileAccess, ProfileTransaction {
    func saveProfile(_ profile: StoredProfile) throws(StoreError) {
        try run("save profile '\(profile.id)'") { try ProfileTable.save(profile, in: db) }
    }

    func assign(_ identities: [Identity], to profile: ProfileID) throws(StoreError) {
        try run("assign identities to '\(profile)'") {
            try ProfileTable.assign(identities, to: profile, at: now, in: db)
        }
    }

    func recordMerge(_ record: MergeRecord) throws(StoreError) -> MergeID {
        try run("record the merge by message '\(record.messageID)'") { try MergeTable.record(record, in: db) }
    }

    func markUnmerged(_ id: MergeID, at: Date) throws(StoreError) {
        try run("mark merge \(id) undone") { try MergeTable.markUnmerged(id, at: at, in: db) }
    }

    func attribute(_ event: AttributedEvent) throws(StoreError) {
        try run("attribute event \(event.seq)") { try ProfileEventTable.attribute(event, in: db) }
    }

    func applyMembershipChanges(_ changes: [MembershipChange]) throws(StoreError) {
        try run("write membership changes") { try MembershipTable.apply(changes, in: db) }
    }

    func clearDirty(_ profiles: [ProfileID]) throws(StoreError) {
        try run("clear dirty marks") { try ProfileTable.clearDirty(profiles, in: db) }
    }

    func appendAudit(_ entry: AuditEntry) throws(StoreError) {
        try run("append to the audit log") { try AuditTable.append(entry, in: db) }
    }
}
