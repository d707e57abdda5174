import Foundation

/// What became of one record of a batch.
public enum RecordOutcome: Sendable, Hashable {
    /// The destination accepted it: the job is done.
    case delivered
    /// The destination refused it for good (an invalid email): dead-letter it with the reason.
    case failed(RecordFailure)
    /// The destination refused it for now (a per-record code listed in `retry_codes`): retry the job.
    case retry(RecordFailure)

    public var isDelivered: Bool { self == .delivered }
}

/// Why a record (or a whole batch) was not delivered.
public struct RecordFailure: Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// The destination's machine code (`ERROR_CONTACT_EXISTS`, `INVALID_ARGUMENT`), if it gave one.
    public var code: String?
    /// Whose problem it is: the user's configuration, the record's data, or the remote side.
    public var failure: FailureKind

    public init(_ message: String, code: String? = nil, failure: FailureKind = .systemError) {
        self.message = message
        self.code = code
        self.failure = failure
    }

    /// `ERROR_GENERIC: invalid email`, or only the message.
    public var description: String { code.map { "\($0): \(message)" } ?? message }
}
