/// What one outbox job asks a destination to do with one profile.
///
/// Every operation is idempotent at the destination (upsert by key, add to a
/// list, remove from it), so delivering a job twice changes nothing the second time.
public enum OutboxOperation: String, Sendable, Hashable, CaseIterable, Codable {
    /// Put a profile the destination does not hold yet.
    case add
    /// Change the fields of a profile the destination holds.
    case update
    /// Take a profile out (left the segment, or withdrew consent).
    case remove
    /// Delete the person at the destination (planned by erasure, never by ``ActivationPlanner``).
    case erase
}
