import Foundation

/// Deletes what the deployment's `retention:` periods no longer allow the store
/// to keep: old events, dead letters and run history. The `RetentionService`
/// of `KontorRuntime` calls it on a schedule, in bounded chunks so that no
/// single transaction holds the writer for long.
///
/// Deleting an event keeps its `(source, messageId)` as a *retired* key: a
/// source that sends the same message again (a full re-sync, an order updated
/// long after) gets it counted as a duplicate, so the profiles that already
/// folded it never count it twice.
///
/// Times come from the caller's clock; the store never reads the wall clock for them.
///
/// ```swift
/// let through = try await store.position(consumer: "profiles")      // never delete unprocessed events
/// var deleted = 0
/// repeat {
///     let chunk = try await store.deleteEvents(receivedBefore: now - 400 * 86_400, through: through, limit: 5_000)
///     deleted += chunk
/// } while chunk == 5_000
/// ```
public protocol RetentionStore: Sendable {
    /// Deletes up to `limit` events received before `cutoff` whose `seq` is at most `through`,
    /// lowest `seq` first, remembering their keys for deduplication. Returns how many were deleted.
    /// Throws `.invalidArgument` for a `limit` below 1.
    func deleteEvents(receivedBefore cutoff: Date, through seq: Int64, limit: Int) async throws(StoreError) -> Int

    /// Deletes up to `limit` dead letters that went dead before `cutoff`, oldest first. Returns how many.
    /// Throws `.invalidArgument` for a `limit` below 1.
    func deleteDeadLetters(deadBefore cutoff: Date, limit: Int) async throws(StoreError) -> Int

    /// Deletes up to `limit` finished runs that finished before `cutoff`, oldest first; running runs and
    /// the latest run of each name are kept (`kontor status` shows it). Returns how many.
    /// Throws `.invalidArgument` for a `limit` below 1.
    func deleteRuns(finishedBefore cutoff: Date, limit: Int) async throws(StoreError) -> Int

    /// How many event keys retention has retired (deleted events still remembered for deduplication).
    func retiredEventCount() async throws(StoreError) -> Int
}
