/// A destination operation: the typed fields a sync maps profiles onto, the
/// modes it supports, how records are batched, the request, and how a
/// response is read back per record.
///
/// ```yaml
/// actions:
///   members:
///     modes: [add, upsert, remove, mirror]
///     fields:
///       email_address: {type: string, required: true, pii: email}
///     batch: {size: 500}
///     request: {method: POST, path: "lists/{{ config.list_id }}", body_json: {members: "$batch", update_existing: true}}
///     result: {errors: {path: errors, key: email_address, field: email_address, message: error}}
/// ```
public struct PluginAction: Sendable, Decodable {
    public var title: String?
    public var description: String?
    public var modes: [ActionMode]?
    public var fields: [String: ActionField]
    /// Groups of field names; a mapping must give at least one field of each group.
    public var requireOneOf: [[String]]?
    public var batch: ActionBatch?
    public var request: PluginRequest
    public var result: ActionResult?
    public var perMode: [String: ModeOverride]?

    enum CodingKeys: String, CodingKey {
        case title, description, modes, fields, requireOneOf = "require_one_of", batch, request, result
        case perMode = "per_mode"
    }

    /// The request, batch and result for `mode`: the `per_mode` override where one exists.
    public func plan(for mode: ActionMode) -> ModeOverride {
        let base = ModeOverride(request: request, batch: batch, result: result)
        guard let override = perMode?[mode.rawValue] else { return base }
        return ModeOverride(
            request: override.request,
            batch: override.batch ?? batch,
            result: override.result ?? result
        )
    }

    public static var objectSchema: Schema {
        .object([
            "title": .init(.string()),
            "description": .init(.string()),
            "modes": .init(.array(.string(choices: ActionMode.allCases.map(\.rawValue)), minItems: 1), "Supported sync modes"),
            "fields": .required(.map(.reference("ActionField")), "The fields a sync maps onto"),
            "require_one_of": .init(.array(.array(.string(format: .reference("field")), minItems: 1)), "Groups needing one field"),
            "batch": .init(ActionBatch.schema, "Batching (absent: one record per request)"),
            "request": .required(.reference("ActionRequest"), "The request"),
            "result": .init(ActionResult.schema, "Per-record result mapping"),
            "per_mode": .init(.map(ModeOverride.schema), "Different request per mode (remove, …)"),
        ], description: "A destination operation")
    }
}

/// How a sync keeps a destination in line with a segment.
public enum ActionMode: String, Sendable, Hashable, Decodable, CaseIterable {
    case add, update, upsert, remove, mirror
}

/// The request (and optionally batch and result) used for one mode.
public struct ModeOverride: Sendable, Decodable, SchemaDescribed {
    public var request: PluginRequest
    public var batch: ActionBatch?
    public var result: ActionResult?

    public init(request: PluginRequest, batch: ActionBatch?, result: ActionResult?) {
        self.request = request
        self.batch = batch
        self.result = result
    }

    public static var schema: Schema {
        .object([
            "request": .required(.reference("ActionRequest")),
            "batch": .init(ActionBatch.schema),
            "result": .init(ActionResult.schema),
        ])
    }
}

/// How records are grouped into one request.
public struct ActionBatch: Sendable, Decodable, SchemaDescribed {
    public var size: Int
    public var maxBytes: String?
    public var maxWait: String?
    /// Field names whose values split buffers (Segment `batch_keys`).
    public var groupBy: [String]?

    enum CodingKeys: String, CodingKey { case size, maxBytes = "max_bytes", maxWait = "max_wait", groupBy = "group_by" }

    public static var schema: Schema {
        .object([
            "size": .required(.integer(minimum: 1), "Records per request"),
            "max_bytes": .init(.string(format: .byteSize), "Flush before the body exceeds this"),
            "max_wait": .init(.duration, "Flush a partial batch after this"),
            "group_by": .init(.array(.string(format: .reference("field"))), "Fields that split batches"),
        ])
    }
}
