import Foundation

/// The history of runs (pulls, deliveries, jobs) that `kontor status` and the
/// admin API show.
///
/// ```swift
/// let run = try await store.startRun(kind: .sync, name: "shop", at: clock.now)
/// // … pull …
/// try await store.finishRun(run, status: .succeeded, counts: ["records": 1200], error: nil, at: clock.now)
/// let last = try await store.lastRun(name: "shop")
/// ```
public protocol RunHistory: Sendable {
    /// Records the start of a run and returns its id; its status is `.running`.
    func startRun(kind: RunKind, name: String, at: Date) async throws(StoreError) -> RunID

    /// Records how a running run ended. Throws `.notFound` for an unknown id,
    /// `.conflict` when the run already finished, `.invalidArgument` for status `.running`.
    /// `error` must already be free of secrets.
    func finishRun(_ id: RunID, status: RunStatus, counts: [String: Int], error: String?, at: Date)
        async throws(StoreError)

    /// Up to `limit` runs, newest start first; of one name, or of all when `name` is `nil`.
    func recentRuns(name: String?, limit: Int) async throws(StoreError) -> [RunRecord]

    /// The most recently started run of `name` (running or finished), or `nil`.
    func lastRun(name: String) async throws(StoreError) -> RunRecord?
}
