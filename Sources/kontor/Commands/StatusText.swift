import Foundation
import KontorRuntime

/// The text form of `kontor status`: one table each for sources, destinations and segments, then the store.
enum StatusText {
    static func render(_ report: StatusReport) -> String {
        var text = "Sources\n"
        var sources = TextTable(columns: ["NAME", "PLUGIN", "SCHEDULE", "LAST RUN", "RESULT", "RECORDS", "MESSAGES", "NEXT RUN"])
        for source in report.sources {
            let run = source.lastRun
            sources.add([
                source.name + (source.enabled ? "" : " (disabled)"), source.plugin, source.schedule ?? "-",
                run.map { time($0.startedAt) } ?? "never", run?.result ?? "-", run.map { "\($0.records)" } ?? "-",
                run.map { "\($0.messages)" } ?? "-", source.nextRunAt.map(time) ?? "-",
            ])
        }
        text += indented(report.sources.isEmpty ? "(none)\n" : sources.rendered())
        for source in report.sources {
            if let error = source.lastRun?.error { text += "  \(source.name): last run failed: \(error)\n" }
        }

        text += "\nDestinations\n"
        var destinations = TextTable(
            columns: ["NAME", "PLUGIN", "MODE", "PENDING", "IN FLIGHT", "RETRYING", "DEAD", "DELIVERED", "LAST DELIVERY"])
        for destination in report.destinations {
            destinations.add([
                destination.name + (destination.enabled ? "" : " (disabled)"), destination.plugin, destination.mode,
                "\(destination.pending)", "\(destination.inFlight)", "\(destination.retrying)", "\(destination.dead)",
                "\(destination.delivered)", destination.lastDeliveryAt.map(time) ?? "never",
            ])
        }
        text += indented(report.destinations.isEmpty ? "(none)\n" : destinations.rendered())

        text += "\nSegments\n"
        var segments = TextTable(columns: ["NAME", "SIZE"])
        for segment in report.segments { segments.add([segment.name, "\(segment.size)"]) }
        text += indented(report.segments.isEmpty ? "(none)\n" : segments.rendered())

        text += "\nProfiles: \(report.profiles)\n"
        let store = report.store
        text += "Store: \(store.url) (\(store.engine)"
        if let size = store.sizeBytes { text += ", \(bytes(size))" }
        text += ", schema \(store.schemaVersion))\n"
        if !store.pendingMigrations.isEmpty {
            text += "  pending migrations: \(store.pendingMigrations.joined(separator: ", "))\n"
        }
        text += "Generated at \(time(report.generatedAt))\n"
        return text
    }

    private static func indented(_ table: String) -> String {
        table.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
            .joined(separator: "\n")
    }

    private static func time(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// `123 B`, `4.5 KiB`, `12.3 MiB`, `1.2 GiB`.
    static func bytes(_ count: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: "%.1f", value) + " " + units[unit]
    }
}
