import KontorCore

/// What one segment evaluation pass did.
public struct SegmentPassSummary: Sendable, Hashable {
    /// Profiles evaluated (live ones), and merged-away profiles whose memberships were closed.
    public var evaluated = 0
    public var removed = 0
    public var entered = 0
    public var exited = 0
    /// Segment → profiles on which its rule failed to evaluate (counted as "not a member").
    public var failures: [String: Int] = [:]

    public init() {}

    public func adding(_ other: SegmentPassSummary) -> SegmentPassSummary {
        var sum = self
        sum.evaluated += other.evaluated
        sum.removed += other.removed
        sum.entered += other.entered
        sum.exited += other.exited
        sum.failures.merge(other.failures, uniquingKeysWith: +)
        return sum
    }
}

/// A segment evaluated over every profile without saving anything (`kontor segments preview`).
public struct SegmentPreview: Sendable, Hashable {
    public var segment: String
    /// Live profiles evaluated.
    public var evaluated = 0
    /// Profiles for which the rule is true.
    public var matching = 0
    /// The first matching profile ids (in id order), up to the requested limit.
    public var sample: [ProfileID] = []
    /// Profiles on which the rule failed, with the first error seen.
    public var failures = 0
    public var firstFailure: String?
    /// How many members the segment has now (saved memberships), for comparison.
    public var currentMembers = 0

    public init(segment: String) {
        self.segment = segment
    }
}
