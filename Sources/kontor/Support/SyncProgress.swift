import Foundation
import KontorRuntime

/// Shows a pull's progress on stderr: one live line on a terminal
/// (records, pages, rate-limit waits), plain lines otherwise.
final class SyncProgress: @unchecked Sendable {
    private let source: String
    private let live: Bool
    private let lock = NSLock()
    private var records = 0
    private var pages = 0
    private var waits = 0
    private var stream = ""

    init(source: String, live: Bool) {
        self.source = source
        self.live = live
    }

    func show(_ event: PullEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .streamStarted(let name):
            stream = name
            line("\(source).\(name): started")
        case let .pageCommitted(name, partition, count, inserted, duplicates):
            records += count
            pages += 1
            let where_ = partition.isEmpty ? name : "\(name)[\(partition)]"
            line("\(source).\(where_): page \(pages) committed: \(count) records (\(inserted) new, \(duplicates) already stored)")
        case let .waiting(name, seconds, reason):
            waits += 1
            line("\(source).\(name): waiting \(String(format: "%.1f", seconds))s (\(reason.rawValue))")
        case let .retrying(name, status, message):
            line("\(source).\(name): retrying after \(status.map(String.init) ?? "a transport error"): \(message)")
        case let .streamFinished(name, count):
            line("\(source).\(name): finished, \(count) records")
        }
    }

    func finish() {
        if live { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func line(_ text: String) {
        if live {
            let bar = "\r\u{1B}[2K\(source) [\(stream)] \(records) records, \(pages) pages, \(waits) waits — \(text)"
            FileHandle.standardError.write(Data(bar.prefix(200).utf8))
        } else {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }
}
