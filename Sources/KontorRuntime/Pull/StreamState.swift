import KontorCore

/// The stored state of one stream partition: the cursor in the CDK shape
/// `{"updated_at": "…"}`, and while a window is half read, a checkpoint
/// `_resume: {window, page, max}` that lets a stopped run continue at the next
/// page. The cursor itself moves only when a window is complete, so it never
/// passes data that was not stored.
struct StreamState: Sendable, Hashable {
    struct Resume: Sendable, Hashable {
        var window: JSONValue
        var page: PageToken
        /// The largest cursor value stored so far in the window.
        var maxSeen: JSONValue?
    }

    static let resumeKey = "_resume"

    var cursor: JSONValue?
    var resume: Resume?

    init(cursor: JSONValue? = nil, resume: Resume? = nil) {
        self.cursor = cursor
        self.resume = resume
    }

    /// Reads a stored state; `key` is the cursor's field (none for a full-refresh stream).
    init(json: JSONValue?, key: String?) {
        let object = json?.objectValue ?? [:]
        cursor = key.flatMap { object[$0] }.flatMap { $0.isNull ? nil : $0 }
        if let resume = object[Self.resumeKey]?.objectValue {
            self.resume = Resume(
                window: resume["window"] ?? .null, page: PageToken(json: resume["page"]),
                maxSeen: resume["max"].flatMap { $0.isNull ? nil : $0 }
            )
        }
    }

    /// The state as stored.
    func json(key: String?) -> JSONValue {
        var object: [String: JSONValue] = [:]
        if let key, let cursor { object[key] = cursor }
        if let resume {
            object[Self.resumeKey] = ["window": resume.window, "page": resume.page.json, "max": resume.maxSeen ?? .null]
        }
        return .object(object)
    }
}
