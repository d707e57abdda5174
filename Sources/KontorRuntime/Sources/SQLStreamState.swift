import KontorCore

/// What a SQL stream stores with each committed page: the keyset position
/// of the last row stored (the text values of its order columns) and, for
/// an incremental stream, that row's cursor value as the record had it.
///
/// ```json
/// {"after": ["2025-03-01 10:00:00.123456+00", "4711"], "cursor": "2025-03-01T10:00:00.123456+00:00"}
/// ```
///
/// An incremental stream keeps its position between runs (the next run reads
/// only rows after it); a full stream's position only resumes a stopped run
/// and is cleared when a run reaches the end.
struct SQLStreamState: Sendable, Hashable {
    var after: [String]?
    var cursor: JSONValue?

    init(after: [String]? = nil, cursor: JSONValue? = nil) {
        self.after = after
        self.cursor = cursor
    }

    init(json: JSONValue?) {
        let object = json?.objectValue ?? [:]
        after = object["after"]?.arrayValue?.compactMap(\.stringValue)
        if after?.isEmpty ?? false { after = nil }
        cursor = object["cursor"]
    }

    var json: JSONValue {
        var object: [String: JSONValue] = [:]
        if let after { object["after"] = .array(after.map(JSONValue.string)) }
        if let cursor { object["cursor"] = cursor }
        return .object(object)
    }
}
