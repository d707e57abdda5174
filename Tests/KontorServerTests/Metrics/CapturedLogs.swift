import Logging
import Synchronization

/// Log records captured by ``CapturingLogHandler``: level, message, and metadata
/// (the logger's own merged with the call's).
final class CapturedLogs: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata

        /// Everything the record says, flattened, for "never contains" checks.
        var text: String { ([message] + metadata.map { "\($0.key)=\($0.value)" }).joined(separator: " ") }
    }

    private let records = Mutex<[Record]>([])

    var all: [Record] { records.withLock { $0 } }

    func append(_ record: Record) { records.withLock { $0.append(record) } }

    /// A logger that writes here, at every level.
    func logger(label: String = "kontor.test") -> Logger {
        Logger(label: label) { _ in CapturingLogHandler(logs: self) }
    }
}

/// A swift-log handler that keeps every record in memory.
struct CapturingLogHandler: LogHandler {
    let logs: CapturedLogs
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, call in call }
        logs.append(CapturedLogs.Record(level: event.level, message: event.message.description, metadata: merged))
    }
}
