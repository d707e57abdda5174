import KontorCore
import KontorRuntime
import Metrics
import Synchronization

/// `kontor_ingest_messages_total` (by source and message type) and
/// `kontor_ingest_duplicates_total` (by source), counted by the
/// ``GroupCommitWriter`` once an append is committed.
final class IngestMetrics: Sendable {
    private struct MessagesKey: Hashable {
        var source: String
        var type: MessageType
    }

    private let factory: any MetricsFactory
    private let messages = Mutex<[MessagesKey: Counter]>([:])
    private let duplicates = Mutex<[String: Counter]>([:])

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// Counts the messages of one committed append, of which `duplicates` were already stored.
    func committed(_ appended: [Message], source: String, duplicates duplicateCount: Int) {
        var byType: [MessageType: Int] = [:]
        for message in appended { byType[message.type, default: 0] += 1 }
        for (type, count) in byType { counter(MessagesKey(source: source, type: type)).increment(by: count) }
        if duplicateCount > 0 { duplicatesCounter(source).increment(by: duplicateCount) }
    }

    private func counter(_ key: MessagesKey) -> Counter {
        messages.withLock { cache in
            if let counter = cache[key] { return counter }
            let counter = Counter(
                label: KontorMetric.ingestMessages.name,
                dimensions: [("source", key.source), ("type", key.type.rawValue)], factory: factory)
            cache[key] = counter
            return counter
        }
    }

    private func duplicatesCounter(_ source: String) -> Counter {
        duplicates.withLock { cache in
            if let counter = cache[source] { return counter }
            let counter = Counter(
                label: KontorMetric.ingestDuplicates.name, dimensions: [("source", source)], factory: factory)
            cache[source] = counter
            return counter
        }
    }
}
