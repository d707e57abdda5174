/// A store that keeps profiles, identities, merges, consent and segment
/// memberships: what the profile builder and the segment engine work on, and
/// what `kontor profiles` and `kontor segments` read.
///
/// All access goes through two kinds of session: a read snapshot
/// (``profileRead(_:)``) and a write transaction (``profileTransaction(_:)``),
/// both with synchronous bodies that run on the engine's connection. Keep
/// bodies free of I/O and short; on SQLite a transaction body holds the only writer.
///
/// ```swift
/// let sizes = try await store.profileRead { try $0.segmentSizes() }
/// ```
public protocol ProfileStore: Sendable {
    /// Runs `body` on a consistent read-only view of the store.
    /// Engine failures are ``StoreError``s; an error thrown by `body` comes out unchanged.
    func profileRead<T: Sendable>(_ body: @Sendable (any ProfileReader) throws -> T) async throws -> T

    /// Runs `body` in one write transaction: it commits when `body` returns and
    /// rolls back when it throws (the body's error comes out unchanged).
    func profileTransaction<T: Sendable>(_ body: @Sendable (any ProfileTransaction) throws -> T) async throws -> T
}
