import Foundation

/// The identity of one run in the run history.
public struct RunID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var rawValue: Int64

    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public static func < (lhs: RunID, rhs: RunID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}

/// What kind of work a run was: a pull (`sync`), a delivery to a destination, …
///
/// An open set (new services add kinds) written as a string in the store.
public struct RunKind: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// A pull of a source (`kontor sync`, the scheduler).
    public static let sync: RunKind = "sync"
    /// A delivery run of a destination.
    public static let delivery: RunKind = "delivery"
    /// A segment computation.
    public static let segments: RunKind = "segments"
    /// A retention or erasure job.
    public static let retention: RunKind = "retention"

    public var description: String { rawValue }
}

/// How a run ended, or that it has not yet.
public enum RunStatus: String, Sendable, Hashable, CaseIterable {
    case running
    case succeeded
    case failed
    case cancelled
}

/// One entry of the run history: what ran, when, how it ended, what it counted.
public struct RunRecord: Sendable, Hashable {
    public var id: RunID
    public var kind: RunKind
    /// The source, destination or job name, e.g. `shop`.
    public var name: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: RunStatus
    /// Counters of the run, e.g. `["records": 1200, "pages": 3, "messages": 1200]`.
    public var counts: [String: Int]
    /// Why the run failed, already free of secrets.
    public var error: String?

    public init(
        id: RunID, kind: RunKind, name: String, startedAt: Date, finishedAt: Date? = nil,
        status: RunStatus = .running, counts: [String: Int] = [:], error: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.counts = counts
        self.error = error
    }
}
