import Foundation
import KontorCore
import KontorHTTP

/// The partitions of a stream: the cartesian product of its axes (a fixed
/// list of values, or the key values of a parent stream's records).
struct PartitionPlan: Sendable {
    /// One partition: the `stream_partition` object and the key it is stored under.
    struct Slice: Sendable, Hashable {
        var values: [String: JSONValue]
        var key: String

        static let whole = Slice(values: [:], key: "")
    }

    /// The slices of `partitions`; `parentValues(stream, key)` gives the distinct key values of a parent.
    static func slices(
        _ partitions: [Partition], config: JSONValue, now: Date,
        parentValues: (String, FieldPath) async throws(PullError) -> [JSONValue]
    ) async throws(PullError) -> [Slice] {
        var slices: [[String: JSONValue]] = [[:]]
        for partition in partitions {
            let (name, values) = try await axis(partition, config: config, now: now, parentValues: parentValues)
            slices = slices.flatMap { slice in values.map { value in slice.merging([name: value]) { _, new in new } } }
        }
        return slices.map { Slice(values: $0, key: key(of: $0)) }
    }

    /// Puts the partition values into the request where each axis's `param` says.
    static func inject(_ slice: Slice, partitions: [Partition], into draft: inout RequestDraft) {
        for partition in partitions {
            switch partition {
            case .parent(_, _, let name, let param?, _), .values(_, let name, let param?):
                if let value = slice.values[name] { draft.inject(value, at: param) }
            default: break
            }
        }
    }

    /// `list_id=7&year=2024`: stable, readable, sorted by axis name.
    static func key(of values: [String: JSONValue]) -> String {
        values.keys.sorted().map { "\($0)=\(MessageIdentity.canonical(values[$0] ?? .null))" }.joined(separator: "&")
    }

    private static func axis(
        _ partition: Partition, config: JSONValue, now: Date,
        parentValues: (String, FieldPath) async throws(PullError) -> [JSONValue]
    ) async throws(PullError) -> (String, [JSONValue]) {
        switch partition {
        case .parent(let stream, let key, let name, _, _):
            return (name, try await parentValues(stream, key))
        case .values(let values, let name, _):
            var rendered = values
            if case .string(let text) = values {
                let template = try PullError.compile(text, field: "partitions.values")
                rendered = try PullError.render(template, in: EvaluationContext(variables: ["config": config], now: now), field: "partitions.values")
            }
            switch rendered {
            case .array(let items): return (name, items)
            case .null: return (name, [])
            case .string(let text) where text.contains(","):
                return (name, text.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
            default: return (name, [rendered])
            }
        }
    }
}
