import Foundation

/// Records that go into one request: same operation, same `group_by` values.
public struct Batch<Item: BatchItem>: Sendable {
    /// Why the batch is sent now.
    public enum FlushReason: String, Sendable, Hashable {
        /// It holds `size` records.
        case size
        /// One more record would pass `max_bytes`.
        case bytes
        /// Its oldest record has waited `max_wait`.
        case maxWait = "max_wait"
        /// The action has no `max_wait`: partial batches go at once.
        case immediate
        /// The caller asked to drain (shutdown, `kontor activate`).
        case forced
    }

    public var group: BatchGroup
    /// In enqueue order.
    public var items: [Item]
    /// Serialised size of the items as a JSON array (`[a,b]`: items, commas and brackets).
    public var bytes: Int
    public var reason: FlushReason

    public init(group: BatchGroup, items: [Item], bytes: Int, reason: FlushReason) {
        self.group = group
        self.items = items
        self.bytes = bytes
        self.reason = reason
    }
}

/// What records of one batch share: the operation and the values of the `group_by` fields.
public struct BatchGroup: Sendable, Hashable, CustomStringConvertible {
    public var operation: OutboxOperation
    /// `group_by` field → value (`null` when the payload lacks it).
    public var values: [String: JSONValue]

    public init(operation: OutboxOperation, values: [String: JSONValue] = [:]) {
        self.operation = operation
        self.values = values
    }

    /// `add {"list_id":"a"}`
    public var description: String {
        values.isEmpty ? operation.rawValue : "\(operation.rawValue) \(JSONValue.object(values).serialized())"
    }
}
