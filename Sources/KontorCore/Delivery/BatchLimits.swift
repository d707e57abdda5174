import Foundation

/// An action's batching, resolved: records per request, bytes per request,
/// how long a partial batch may wait, and the fields that split batches.
///
/// ```swift
/// let limits = try BatchLimits(action.plan(for: .mirror).batch, override: destination.batch)
/// // {size: 500, max_bytes: 5MB, max_wait: 30s, group_by: [list_id]}
/// ```
public struct BatchLimits: Sendable, Hashable {
    /// Records per request, at least 1.
    public var size: Int
    /// Bytes of the serialised items per request; `nil`: no byte limit.
    public var maxBytes: Int?
    /// Seconds a partial batch waits for more records; `nil` or 0: sent at once.
    public var maxWait: TimeInterval?
    /// Payload fields whose values split batches (Segment `batch_keys`).
    public var groupBy: [String]

    public init(size: Int, maxBytes: Int? = nil, maxWait: TimeInterval? = nil, groupBy: [String] = []) {
        self.size = max(1, size)
        self.maxBytes = maxBytes
        self.maxWait = maxWait
        self.groupBy = groupBy
    }

    /// One record per request, sent at once (an action without `batch`).
    public static let single = BatchLimits(size: 1)

    /// The limits of an action's `batch` (`nil`: ``single``), with a destination's
    /// overrides; an override can only lower `size`.
    public init(_ batch: ActionBatch?, override: DestinationConfig.BatchOverride? = nil) throws(BatchLimitsError) {
        guard let batch else {
            self = .single
            return
        }
        var maxBytes: Int?
        if let text = batch.maxBytes {
            guard let bytes = ByteSizeParser.bytes(text) else {
                throw BatchLimitsError("max_bytes: '\(text)' is not a byte size")
            }
            maxBytes = bytes
        }
        var maxWait: TimeInterval?
        if let text = batch.maxWait {
            guard let seconds = DurationParser.seconds(text) else {
                throw BatchLimitsError("max_wait: '\(text)' is not a duration")
            }
            maxWait = seconds
        }
        let size = min(batch.size, override?.size ?? batch.size)
        self.init(size: size, maxBytes: maxBytes, maxWait: override?.maxWait ?? maxWait, groupBy: batch.groupBy ?? [])
    }
}

/// A batch setting that cannot be read (the loader normally catches it first).
public struct BatchLimitsError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
