import Foundation
import KontorCore

/// The stored progress of one stream partition of a pull source.
public struct SyncState: Sendable, Hashable {
    public var source: String
    public var stream: String
    /// The partition key, `""` for an unpartitioned stream.
    public var partition: String
    /// The plugin's cursor (a timestamp, a counter, a page token …) as JSON.
    public var cursor: JSONValue
    public var updatedAt: Date

    public init(source: String, stream: String, partition: String, cursor: JSONValue, updatedAt: Date) {
        self.source = source
        self.stream = stream
        self.partition = partition
        self.cursor = cursor
        self.updatedAt = updatedAt
    }
}
