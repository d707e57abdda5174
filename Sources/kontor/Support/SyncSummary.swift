import Foundation
import KontorCore
import KontorRuntime

/// The summary `kontor sync` prints when a run has finished.
enum SyncSummary {
    static func text(_ result: PullResult) -> String {
        let total = result.total
        var lines = [
            "\(result.source): \(total.records) records, \(total.messages) messages stored, "
                + "\(total.duplicates) already stored, \(total.pages) pages, "
                + "\(total.retries) retries, \(total.waits) rate-limit waits, "
                + String(format: "%.1fs", result.duration)
        ]
        for name in result.streamOrder {
            guard let counts = result.streams[name] else { continue }
            lines.append("  \(name): \(counts.records) records, \(counts.messages) messages, \(counts.pages) pages")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ result: PullResult) -> String {
        func counts(_ c: PullResult.StreamCounts) -> JSONValue {
            [
                "records": .int(c.records), "messages": .int(c.messages), "duplicates": .int(c.duplicates),
                "pages": .int(c.pages), "retries": .int(c.retries), "waits": .int(c.waits),
                "waited_seconds": .double(c.waitedSeconds),
            ]
        }
        var streams: [String: JSONValue] = [:]
        for (name, value) in result.streams { streams[name] = counts(value) }
        let document: JSONValue = [
            "source": .string(result.source),
            "status": "succeeded",
            "duration_seconds": .double(result.duration),
            "total": counts(result.total),
            "streams": .object(streams),
            "cursors": .object(result.cursors.mapValues { .object($0) }),
        ]
        return document.serialized(pretty: true)
    }
}
