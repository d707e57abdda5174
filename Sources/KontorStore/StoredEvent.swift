import Foundation
import KontorCore

/// A message as the event log holds it: its place in the log, its source and
/// when Kontor received it.
public struct StoredEvent: Sendable, Hashable {
    /// The log position: positive, unique, increasing in append order, never reused.
    public var seq: Int64
    /// The source that delivered the message (a `sources:` key of `connectors.yaml`).
    public var source: String
    public var message: Message
    /// When Kontor stored it: the message's own `receivedAt`, else the store's clock at append.
    public var receivedAt: Date

    public init(seq: Int64, source: String, message: Message, receivedAt: Date) {
        self.seq = seq
        self.source = source
        self.message = message
        self.receivedAt = receivedAt
    }
}
