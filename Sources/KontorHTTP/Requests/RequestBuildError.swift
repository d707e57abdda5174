/// Why a plugin request could not be built: a template failed to render, a
/// URL is missing, a body could not be encoded. The message never holds a
/// rendered value, so no secret can leak through it.
public struct RequestBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which part of the request: `path`, `query.limit`, `headers.Authorization`, `body_json` …
    public var field: String
    public var message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "request \(field): \(message)" }
}
