import Foundation
import KontorCore

/// The profile operations of one store transaction, together with the event
/// log and consumer positions of ``StoreTransaction``.
///
/// The profile builder applies a batch of events and moves its position in
/// one such transaction, so a crash never half-applies a batch; the segment
/// engine writes membership changes and clears dirty marks the same way.
///
/// ```swift
/// try await store.profileTransaction { tx in
///     let events = try tx.read(after: try tx.position(consumer: "profiles"), limit: 500)
///     // … resolve, fold, save …
///     if let last = events.last { try tx.setPosition(last.seq, consumer: "profiles") }
/// }
/// ```
public protocol ProfileTransaction: StoreTransaction, ProfileReader {
    /// Inserts or replaces the profile row (traits, computed state and values,
    /// consent, merge bookkeeping, dirty mark), and its current consent per
    /// purpose. `identities` is not written: use ``assign(_:to:)``.
    func saveProfile(_ profile: StoredProfile) throws(StoreError)

    /// Points each identity at `profile`, taking it from any profile that held it.
    func assign(_ identities: [Identity], to profile: ProfileID) throws(StoreError)

    /// Stores a merge record and returns its id.
    func recordMerge(_ record: MergeRecord) throws(StoreError) -> MergeID

    /// Marks a merge as undone.
    func markUnmerged(_ id: MergeID, at: Date) throws(StoreError)

    /// Records (or moves) the profile an event is attached to.
    func attribute(_ event: AttributedEvent) throws(StoreError)

    /// Opens a stay for each `entered` change and closes the open stay for each `exited` one.
    func applyMembershipChanges(_ changes: [MembershipChange]) throws(StoreError)

    /// Clears the dirty mark of `profiles`.
    func clearDirty(_ profiles: [ProfileID]) throws(StoreError)

    /// Appends an entry to the audit log.
    func appendAudit(_ entry: AuditEntry) throws(StoreError)
}
