import Foundation
import KontorCore

/// A stream's `transform` steps, compiled once and applied to each record
/// after extraction and filtering, before `emit`.
///
/// ```yaml
/// transform:
///   - {set: {total: "{{ record.total_price | float }}"}}
///   - {remove: [admin_graphql_api_id, "**"]}
///   - {keys: snake_case}
///   - {flatten: default_address, delete_origin: true}
/// ```
struct RecordTransformer: Sendable {
    enum Step: Sendable {
        case set([(path: [String], value: Template)], condition: Template?)
        case remove([[String]], removeNulls: Bool, condition: Template?)
        case keys(Transform.KeyStyle)
        case flatten([String], deleteOrigin: Bool)
        case map(Mapping)
        case rename(RenamePairs, into: String?, only: Bool)
    }

    /// `from: to` pairs given literally or computed from `config`.
    enum RenamePairs: Sendable {
        case literal([String: String])
        case template(Template)
    }

    let steps: [Step]

    init(_ transforms: [Transform]) throws(PullError) {
        var steps: [Step] = []
        for (index, transform) in transforms.enumerated() {
            let field = "transform[\(index)]"
            func condition(_ text: String?) throws(PullError) -> Template? {
                try text.map { text throws(PullError) in try PullError.compile(text, field: "\(field).if") }
            }
            switch transform {
            case .set(let values, let when):
                var compiled: [(path: [String], value: Template)] = []
                for key in values.keys.sorted() {
                    compiled.append((RecordPath.dotted(key), try PullError.compile(values[key] ?? "", field: "\(field).set.\(key)")))
                }
                steps.append(.set(compiled, condition: try condition(when)))
            case .remove(let paths, let when):
                steps.append(.remove(
                    paths.filter { $0 != "**" }.map(RecordPath.dotted), removeNulls: paths.contains("**"), condition: try condition(when)
                ))
            case .keys(let style):
                steps.append(.keys(style))
            case .flatten(let path, let deleteOrigin):
                steps.append(.flatten(path.segments, deleteOrigin: deleteOrigin ?? false))
            case .map(let mapping):
                do {
                    steps.append(.map(try Mapping(compiling: mapping, scope: PluginScopes.record, shorthands: true)))
                } catch {
                    throw PullError(.plugin, "\(field).map: \(error.errors.map(\.description).joined(separator: "; "))")
                }
            case .rename(let pairs, let into, let only):
                let compiled: RenamePairs
                if case .string(let text) = pairs {
                    compiled = .template(try PullError.compile(text, field: "\(field).rename"))
                } else {
                    compiled = .literal((pairs.objectValue ?? [:]).compactMapValues(\.stringValue))
                }
                steps.append(.rename(compiled, into: into, only: only ?? false))
            }
        }
        self.steps = steps
    }

    /// `record` after every step; `variables` are `config`, `stream_partition`, `stream_interval`.
    func apply(to record: JSONValue, variables: [String: JSONValue], now: Date) throws(PullError) -> JSONValue {
        var record = record
        for step in steps {
            var context = EvaluationContext(variables: variables, now: now)
            context.variables["record"] = record
            record = try apply(step, to: record, in: context)
        }
        return record
    }

    private func apply(_ step: Step, to record: JSONValue, in context: EvaluationContext) throws(PullError) -> JSONValue {
        switch step {
        case .set(let values, let condition):
            guard try holds(condition, in: context) else { return record }
            var result = record
            for (path, template) in values {
                result = RecordPath.setting(try PullError.render(template, in: context, field: "transform.set"), at: path[...], in: result)
            }
            return result
        case .remove(let paths, let removeNulls, let condition):
            guard try holds(condition, in: context) else { return record }
            var result = paths.reduce(record) { RecordPath.setting(nil, at: $1[...], in: $0) }
            if removeNulls { result = KeyRewriting.removingNulls(result) }
            return result
        case .keys(let style):
            return KeyRewriting.rewrite(record, style: style)
        case .flatten(let path, let deleteOrigin):
            guard var object = record.objectValue, let inner = RecordPath.value(at: path, in: record)?.objectValue else { return record }
            if deleteOrigin { object = RecordPath.setting(nil, at: path[...], in: .object(object)).objectValue ?? object }
            for (key, value) in inner where object[key] == nil { object[key] = value }
            return .object(object)
        case .map(let mapping):
            do {
                return try mapping.apply(to: record, in: context) ?? .object([:])
            } catch {
                throw PullError(.plugin, "transform.map: \(error.description)")
            }
        case .rename(let pairs, let into, let only):
            return try rename(record, pairs: pairs, into: into, only: only, in: context)
        }
    }

    private func rename(
        _ record: JSONValue, pairs: RenamePairs, into: String?, only: Bool, in context: EvaluationContext
    ) throws(PullError) -> JSONValue {
        let mapping: [String: String]
        switch pairs {
        case .literal(let literal): mapping = literal
        case .template(let template):
            mapping = (try PullError.render(template, in: context, field: "transform.rename").objectValue ?? [:])
                .compactMapValues { $0.stringValue }
        }
        guard var object = record.objectValue else { return record }
        var moved: [String: JSONValue] = [:]
        for (from, to) in mapping {
            guard let value = object.removeValue(forKey: from) else { continue }
            moved[to] = value
        }
        // `only`: the target holds the renamed keys and nothing else.
        if let into {
            var target = only ? [:] : object[into]?.objectValue ?? [:]
            target.merge(moved) { _, new in new }
            object[into] = .object(target)
        } else if only {
            object = moved
        } else {
            object.merge(moved) { _, new in new }
        }
        return .object(object)
    }

    private func holds(_ condition: Template?, in context: EvaluationContext) throws(PullError) -> Bool {
        guard let condition else { return true }
        return try PullError.render(condition, in: context, field: "transform.if").isTruthy
    }
}
