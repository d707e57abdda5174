import Foundation
import KontorCore

/// Finds a response's records (`records.path`, `*` wildcards allowed) and
/// keeps those the `filter` expression accepts.
///
/// ```yaml
/// records: {path: [data, "*", items], filter: "{{ record.state != 'disabled' }}"}
/// ```
struct RecordExtractor: Sendable {
    let path: FieldPath
    let filter: Template?

    init(_ selector: RecordSelector?) throws(PullError) {
        path = selector?.path ?? FieldPath([])
        filter = try selector?.filter.map { text throws(PullError) in try PullError.compile(text, field: "records.filter") }
    }

    /// The records at `path`: an array's elements, or a single object; nothing for `null`.
    func records(in response: JSONValue) -> [JSONValue] {
        RecordPath.values(at: path.segments[...], in: response).flatMap { value -> [JSONValue] in
            switch value {
            case .array(let items): items
            case .null: []
            default: [value]
            }
        }
    }

    /// Whether `filter` keeps `record`; `variables` are the stream's (`config`, `stream_partition`, `stream_interval`).
    func keeps(_ record: JSONValue, variables: [String: JSONValue], now: Date) throws(PullError) -> Bool {
        guard let filter else { return true }
        var variables = variables
        variables["record"] = record
        do {
            return try filter.render(in: EvaluationContext(variables: variables, now: now)).isTruthy
        } catch {
            throw PullError(.plugin, "records.filter: \(error.message)")
        }
    }
}
