import Foundation

/// A pending outbox job as batching sees it; the store's outbox row conforms.
public protocol BatchItem: Sendable {
    var operation: OutboxOperation { get }
    /// The record as it goes into the request body's item list.
    var payload: JSONValue { get }
    /// When the job was enqueued; `max_wait` counts from the oldest one.
    var enqueuedAt: Date { get }
}
