import Foundation
import KontorCore

/// The result table of `kontor bench profiles` and `kontor bench segments`:
/// aligned `name  value` lines, or one JSON object with `--json`.
struct BenchReport {
    var title: String
    /// (label, text shown, value in the JSON output).
    var rows: [(String, String, JSONValue)]

    func print(json: Bool) {
        if json {
            var object: [String: JSONValue] = ["benchmark": .string(title)]
            for (label, _, value) in rows { object[Self.key(label)] = value }
            Swift.print(JSONValue.object(object).serialized(pretty: true))
            return
        }
        Swift.print(title)
        let width = rows.map(\.0.count).max() ?? 0
        for (label, text, _) in rows {
            Swift.print("  \(label.padding(toLength: width, withPad: " ", startingAt: 0))  \(text)")
        }
    }

    /// `"build wall"` → `"build_wall"`, `"records/s"` → `"records_per_s"`.
    static func key(_ label: String) -> String {
        label.replacingOccurrences(of: "/", with: "_per_").replacingOccurrences(of: " ", with: "_")
            .filter { $0.isLetter || $0.isNumber || $0 == "_" }.lowercased()
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }

    /// A progress line on standard error (standard output holds the report).
    static func progress(_ text: String, quiet: Bool) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }
}
