import Foundation
import KontorRuntime

/// Renders the status page (`/admin/`): one HTML document with inline CSS and
/// no scripts, showing an ``AdminStatus`` at a glance. Every value from the
/// store or the configuration is escaped.
///
/// The page reloads itself every ``refreshSeconds`` (a `<meta>` refresh, no JavaScript).
///
/// ```swift
/// let html = StatusPageRenderer(status: try await admin.status()).render()
/// ```
struct StatusPageRenderer {
    static let refreshSeconds = 30

    var status: AdminStatus
    var format: StatusPageFormat

    init(status: AdminStatus) {
        self.status = status
        self.format = StatusPageFormat(now: status.report.generatedAt)
    }

    var report: StatusReport { status.report }

    func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="refresh" content="\(Self.refreshSeconds)">
        <meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">
        <title>Kontor status</title>
        <style>\(StatusPageStyle.css)</style>
        </head><body>
        <header><h1>Kontor status</h1>
        <span class="meta">generated <time id="generated-at" datetime="\(report.generatedAt.formatted(.iso8601))">\
        \(StatusPageFormat.timestamp(report.generatedAt))</time> · refreshes every \(Self.refreshSeconds) s</span></header>
        <main>
        \(tiles())
        \(sourcesSection())
        \(destinationsSection())
        <div class="grid2">\(segmentsSection())\(storeSection())</div>
        <div style="height:18px"></div>
        \(errorsSection())
        </main></body></html>
        """
    }

    private func tiles() -> String {
        let failing = report.sources.filter { $0.lastRun?.result == "failed" }.count
        let pending = report.destinations.reduce(0) { $0 + $1.pending }
        let dead = report.destinations.reduce(0) { $0 + $1.dead }
        var tiles = [
            tile("Profiles", StatusPageFormat.count(report.profiles)),
            tile("Sources", "\(report.sources.count)"),
            tile("Failing sources", "\(failing)", tone: failing > 0 ? "bad" : nil),
            tile("Destinations", "\(report.destinations.count)"),
            tile("Pending deliveries", StatusPageFormat.count(pending), tone: pending > 0 ? "warn" : nil),
            tile("Dead letters", StatusPageFormat.count(dead), tone: dead > 0 ? "bad" : nil),
            tile("Segments", "\(report.segments.count)"),
        ]
        if let cache = status.personalization {
            let asked = cache.hits + cache.misses
            let rate = asked == 0 ? "–" : "\(Int((Double(cache.hits) / Double(asked) * 100).rounded())) %"
            tiles.append(tile("Cache hits", rate))
        }
        return "<div class=\"tiles\">\(tiles.joined())</div>"
    }

    private func tile(_ label: String, _ value: String, tone: String? = nil) -> String {
        "<div class=\"tile\(tone.map { " \($0)" } ?? "")\"><div class=\"label\">\(HTML.escape(label))</div>"
            + "<div class=\"value\">\(HTML.escape(value))</div></div>"
    }

    /// A section with a heading, an item count and content.
    func section(_ id: String, _ title: String, count: Int?, _ content: String) -> String {
        let counter = count.map { " <span class=\"count\">(\($0))</span>" } ?? ""
        return "<section id=\"\(id)\"><h2>\(HTML.escape(title))\(counter)</h2>\(content)</section>"
    }
}
