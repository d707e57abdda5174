/// How a destination's response is read back onto each record of a batch
/// (Segment's multi-status). A record not named by an error succeeded.
///
/// Three shapes cover the APIs Kontor ships with:
/// - `errors` with `index`: an error list naming the record's position (Google partial failure, HubSpot 207);
/// - `errors` with `key` + `field`: an error list naming the record by a value (Mailchimp `errors[].email_address`,
///   Brevo `contacts.failure[]` with `key: $`);
/// - `items`: a list parallel to the batch with a per-item success condition.
///
/// ```yaml
/// result:
///   errors: {path: errors, key: email_address, field: email_address, message: error, code: error_code}
/// ```
public struct ActionResult: Sendable, Decodable, SchemaDescribed {
    public var successStatus: [Int]?
    public var errors: ResultErrors?
    public var items: ResultItems?

    enum CodingKeys: String, CodingKey { case successStatus = "success_status", errors, items }

    public static var schema: Schema {
        .object([
            "success_status": .init(.array(.integer(minimum: 100, maximum: 599)), "Statuses that mean the batch was accepted"),
            "errors": .init(ResultErrors.schema, "A list of per-record errors in the response"),
            "items": .init(ResultItems.schema, "A per-record list parallel to the batch"),
        ])
    }
}

/// A list of per-record errors, each naming its record by index or by a key value.
public struct ResultErrors: Sendable, Decodable, SchemaDescribed {
    public var path: FieldPath
    public var index: FieldPath?
    public var key: FieldPath?
    /// The action field whose value `key` matches.
    public var field: String?
    public var message: FieldPath?
    public var code: FieldPath?
    /// Error codes worth retrying for that record; other errors go to the dead letters.
    public var retryCodes: [String]?

    enum CodingKeys: String, CodingKey { case path, index, key, field, message, code, retryCodes = "retry_codes" }

    public static var schema: Schema {
        .object([
            "path": .required(FieldPath.schema, "Where the error list is in the response"),
            "index": .init(FieldPath.schema, "In an error: the record's 0-based position"),
            "key": .init(FieldPath.schema, "In an error: a value naming the record ($ = the error itself)"),
            "field": .init(.string(format: .reference("field")), "The action field that key matches"),
            "message": .init(FieldPath.schema, "In an error: the message"),
            "code": .init(FieldPath.schema, "In an error: a machine code"),
            "retry_codes": .init(.array(.string()), "Codes retried per record"),
        ], description: "Give index, or key and field")
    }
}

/// A per-record list parallel to the batch.
public struct ResultItems: Sendable, Decodable, SchemaDescribed {
    public var path: FieldPath
    /// A boolean template over `item`, `response`, `config`.
    public var successWhen: String
    public var message: FieldPath?

    enum CodingKeys: String, CodingKey { case path, successWhen = "success_when", message }

    public static var schema: Schema {
        .object([
            "path": .required(FieldPath.schema),
            "success_when": .required(.string(format: .template(PluginScopes.resultItem)), "Boolean per item"),
            "message": .init(FieldPath.schema),
        ])
    }
}
