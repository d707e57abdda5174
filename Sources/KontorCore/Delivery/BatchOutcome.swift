import Foundation

/// What became of a batch request, as the delivery worker acts on it.
public enum BatchOutcome: Sendable, Hashable {
    /// The request was accepted; each record has its own outcome.
    case perRecord(RecordResults)
    /// The whole batch failed for now (5xx, 429, timeout, or a configuration error such as a 401/403):
    /// retry every record. `serverWait` is what `Retry-After` (or a reset header) demands, in seconds.
    case retryAll(RecordFailure, serverWait: TimeInterval?)
    /// The destination rejected the whole batch (a 4xx) without saying which record is at fault:
    /// send each half on its own to find it. A batch of one record never bisects; its record fails.
    case bisect(RecordFailure, halves: [Range<Int>])

    /// The outcome of each of the batch's `count` records; `nil` for ``bisect(_:halves:)``,
    /// whose records have no outcome until their halves are sent.
    public func recordOutcomes(count: Int) -> [RecordOutcome]? {
        switch self {
        case .perRecord(let results): results.outcomes
        case .retryAll(let failure, _): Array(repeating: .retry(failure), count: count)
        case .bisect: nil
        }
    }

    /// The wait the server demanded for a whole-batch retry, in seconds.
    public var serverWait: TimeInterval? {
        if case .retryAll(_, let wait) = self { return wait }
        return nil
    }
}

/// Per-record outcomes of an accepted batch.
public struct RecordResults: Sendable, Hashable {
    /// Parallel to the batch's records.
    public var outcomes: [RecordOutcome]
    /// How many records the destination reports invalid without naming them (Meta's
    /// `num_invalid_entries`); they count as delivered, and this number is reported.
    public var invalidCount: Int?
    /// Errors in the response that name no record of the batch (logged, not applied).
    public var unmatchedErrors: [RecordFailure]

    public init(outcomes: [RecordOutcome], invalidCount: Int? = nil, unmatchedErrors: [RecordFailure] = []) {
        self.outcomes = outcomes
        self.invalidCount = invalidCount
        self.unmatchedErrors = unmatchedErrors
    }

    /// Every record delivered.
    public static func allDelivered(_ count: Int) -> RecordResults {
        RecordResults(outcomes: Array(repeating: .delivered, count: count))
    }
}
