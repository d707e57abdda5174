import Foundation
import KontorRuntime

extension StatusPageRenderer {
    func sourcesSection() -> String {
        let rows = report.sources.map { source -> [String] in
            let run = source.lastRun
            let name = "<span class=\"name\">\(HTML.escape(source.name))</span>"
                + (source.enabled ? "" : " " + HTML.badge("disabled", "idle"))
            let schedule = source.schedule.map(HTML.escape) ?? "<span class=\"muted\">inbound / manual</span>"
            let result = run.map { Self.runBadge($0.result) } ?? HTML.badge("never ran", "idle")
            let when = format.time(run.map { $0.finishedAt ?? $0.startedAt })
            let records = run.map { StatusPageFormat.count($0.records) } ?? "–"
            let messages = run.map { StatusPageFormat.count($0.messages) } ?? "–"
            let error = run?.error.map { "<span class=\"error\">\(HTML.escape($0))</span>" } ?? ""
            return [name, HTML.escape(source.plugin), schedule, result, when, records, messages, format.time(source.nextRunAt), error]
        }
        let table = HTML.table(
            ["Source", "Plugin", "Schedule", "Last run", "When", "Records", "Messages", "Next run", "Error"],
            rows: rows, numericColumns: [5, 6], empty: "No sources are configured.")
        return section("sources", "Sources", count: report.sources.count, table)
    }

    func destinationsSection() -> String {
        let rows = report.destinations.map { destination -> [String] in
            [
                "<span class=\"name\">\(HTML.escape(destination.name))</span>"
                    + (destination.enabled ? "" : " " + HTML.badge("disabled", "idle")),
                HTML.escape(destination.plugin),
                HTML.escape(destination.mode),
                HTML.escape(destination.segments.joined(separator: ", ")),
                pendingCell(destination.pending, since: destination.oldestPendingAt),
                StatusPageFormat.count(destination.inFlight),
                StatusPageFormat.count(destination.retrying),
                destination.dead > 0
                    ? HTML.badge(StatusPageFormat.count(destination.dead), "bad") : "0",
                StatusPageFormat.count(destination.delivered),
                format.time(destination.lastDeliveryAt),
            ]
        }
        let table = HTML.table(
            ["Destination", "Plugin", "Mode", "Segments", "Pending", "In flight", "Retrying", "Dead", "Delivered",
             "Last delivery"],
            rows: rows, numericColumns: [4, 5, 6, 7, 8], empty: "No destinations are configured.")
        return section("destinations", "Destinations", count: report.destinations.count, table)
    }

    func segmentsSection() -> String {
        let largest = max(1, report.segments.map(\.size).max() ?? 1)
        let rows = report.segments.map { segment -> [String] in
            let width = Int((Double(segment.size) / Double(largest) * 100).rounded())
            return [
                "<span class=\"name\">\(HTML.escape(segment.name))</span>",
                StatusPageFormat.count(segment.size),
                "<div class=\"bar\"><span style=\"width:\(width)%\"></span></div>",
            ]
        }
        let table = HTML.table(["Segment", "Members", ""], rows: rows, numericColumns: [1], empty: "No segments are configured.")
        return section("segments", "Segments", count: report.segments.count, table)
    }

    func storeSection() -> String {
        let store = report.store
        var items: [(String, String)] = [
            ("Store", HTML.escape(store.url)),
            ("Engine", HTML.escape(store.engine)),
            ("Location", HTML.escape(store.location)),
            ("Size", store.sizeBytes.map(StatusPageFormat.bytes) ?? "–"),
            ("Schema version", "\(store.schemaVersion)"),
            ("Pending migrations", store.pendingMigrations.isEmpty
                ? HTML.badge("none", "ok") : HTML.badge(store.pendingMigrations.joined(separator: ", "), "warn")),
            ("Profiles", StatusPageFormat.count(report.profiles)),
        ]
        if let cache = status.personalization {
            items.append(("Personalisation cache", "\(StatusPageFormat.count(cache.entries)) of "
                + "\(StatusPageFormat.count(cache.capacity)) entries · \(StatusPageFormat.count(cache.hits)) hits · "
                + "\(StatusPageFormat.count(cache.misses)) misses"))
        }
        items.append(("Generated", StatusPageFormat.timestamp(report.generatedAt)))
        let list = items.map { "<dt>\(HTML.escape($0.0))</dt><dd>\($0.1)</dd>" }.joined()
        return section("store", "Store", count: nil, "<dl>\(list)</dl>")
    }

    func errorsSection() -> String {
        let rows = status.recentErrors.map { error -> [String] in
            [
                format.time(error.at),
                HTML.escape(error.kind == "dead_letter" ? "dead letter" : error.kind),
                "<span class=\"name\">\(HTML.escape(error.subject))</span>",
                "<span class=\"error\">\(HTML.escape(error.message))</span>",
            ]
        }
        let table = HTML.table(["When", "Kind", "Where", "Error"], rows: rows, empty: "No recent errors.")
        return section("errors", "Recent errors", count: status.recentErrors.count, table)
    }

    private func pendingCell(_ pending: Int, since oldest: Date?) -> String {
        guard pending > 0 else { return "0" }
        let age = oldest.map { " <span class=\"muted\">oldest \(HTML.escape(format.relative($0)))</span>" } ?? ""
        return HTML.badge(StatusPageFormat.count(pending), "warn") + age
    }

    static func runBadge(_ result: String) -> String {
        switch result {
        case "succeeded": return HTML.badge("succeeded", "ok")
        case "failed": return HTML.badge("failed", "bad")
        case "running": return HTML.badge("running", "warn")
        default: return HTML.badge(result, "idle")
        }
    }
}
