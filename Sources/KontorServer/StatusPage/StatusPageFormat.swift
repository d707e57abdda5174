import Foundation

/// How the status page writes numbers, sizes and times: plain, locale-free,
/// times in UTC with a relative hint (`12 min ago`) measured from the report's time.
struct StatusPageFormat {
    /// The time the report was gathered; relative times are measured from it.
    var now: Date

    /// `12345678` → `12,345,678`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `1536` → `1.5 KB`.
    static func bytes(_ value: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var size = Double(value)
        var unit = 0
        while size >= 1024, unit < units.count - 1 {
            size /= 1024
            unit += 1
        }
        return unit == 0 ? "\(value) B" : String(format: "%.1f %@", size, units[unit])
    }

    /// `2024-05-01 12:00:05 UTC`.
    static func timestamp(_ date: Date) -> String {
        let iso = date.formatted(.iso8601)  // 2024-05-01T12:00:05Z
        return iso.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
    }

    /// `12 min ago`, `in 3 h`, `just now`.
    func relative(_ date: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        let magnitude = abs(seconds)
        let text: String
        switch magnitude {
        case ..<5: return "just now"
        case ..<90: text = "\(Int(magnitude)) s"
        case ..<(90 * 60): text = "\(Int((magnitude / 60).rounded())) min"
        case ..<(36 * 3600): text = "\(Int((magnitude / 3600).rounded())) h"
        default: text = "\(Int((magnitude / 86_400).rounded())) d"
        }
        return seconds < 0 ? "\(text) ago" : "in \(text)"
    }

    /// A `<time>` element with the UTC time and, underneath, the relative hint; `–` for none.
    func time(_ date: Date?) -> String {
        guard let date else { return "<span class=\"muted\">–</span>" }
        let iso = date.formatted(.iso8601)
        return "<time datetime=\"\(iso)\" title=\"\(Self.timestamp(date))\">\(HTML.escape(relative(date)))</time>"
    }
}
