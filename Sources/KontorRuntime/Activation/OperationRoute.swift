import Foundation
import KontorCore
import KontorHTTP

/// How one outbox operation of a destination is delivered: its compiled request,
/// its batch limits, the response classifier and the per-record result mapping.
public struct OperationRoute: Sendable {
    public let operation: OutboxOperation
    public let request: CompiledRequest
    public let limits: BatchLimits
    public let mapper: RecordResultMapper
    /// The plugin's `http.retry`: its classifier judges each response.
    public let retry: RetrySettings

    init(
        operation: OutboxOperation, action: PluginAction, http: HTTPSettings, baseURL: String,
        override: DestinationConfig.BatchOverride?, destination: String
    ) throws(ActivationError) {
        let plan = action.plan(for: ActionMode(rawValue: operation.rawValue) ?? .upsert)
        self.operation = operation
        do {
            request = try CompiledRequest(
                plan.request, baseURL: baseURL, headers: http.headers ?? [:], scope: PluginScopes.action)
        } catch {
            throw ActivationError(.plugin, "destination '\(destination)': \(operation.rawValue) request: \(error)")
        }
        do {
            limits = try BatchLimits(plan.batch, override: override)
        } catch {
            throw ActivationError(.plugin, "destination '\(destination)': \(operation.rawValue) batch: \(error)")
        }
        do {
            retry = try RetrySettings(http.retry)
        } catch {
            throw ActivationError(.plugin, "destination '\(destination)': http.\(error)")
        }
        mapper = RecordResultMapper(result: plan.result, waitRules: retry.waitRules)
    }

    /// The request for a batch of payloads: templates rendered with `config`, `batch`, `record`
    /// and `mode`, then `"$batch"` / `"$record"` in the JSON body replaced by the payloads.
    ///
    /// A `body_json` mapping reads the record at its root (`$.email` is the first payload's
    /// `email`, as the plugin checker resolves it); the four variables are there too.
    public func draft(payloads: [JSONValue], config: JSONValue, now: Date) throws(RequestBuildError) -> RequestDraft {
        var variables = payloads.first?.objectValue ?? [:]
        variables["config"] = config
        variables["batch"] = .array(payloads)
        variables["record"] = payloads.first ?? .null
        variables["mode"] = .string(operation.rawValue)
        var draft = try request.render(in: EvaluationContext(variables: variables, now: now))
        if let body = draft.bodyJSON {
            draft.bodyJSON = Self.substitute(body, batch: payloads)
        }
        return draft
    }

    /// `body` with every `"$batch"` string replaced by the payloads and every `"$record"` by the first.
    static func substitute(_ body: JSONValue, batch: [JSONValue]) -> JSONValue {
        switch body {
        case .string("$batch"): return .array(batch)
        case .string("$record"): return batch.first ?? .null
        case .array(let items): return .array(items.map { substitute($0, batch: batch) })
        case .object(let object): return .object(object.mapValues { substitute($0, batch: batch) })
        default: return body
        }
    }
}
