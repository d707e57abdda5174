import Hummingbird
import KontorCore

/// A failed request, answered as JSON so that client libraries can read why.
///
/// Every 4xx and 5xx body Kontor sends has this shape:
/// `{"code": "message_too_large", "message": "…", "field": "batch[2]"}`.
/// `code` is a stable machine-readable name (the Segment SDKs read `code` and
/// `message`); `field` names the offending field when one is at fault.
/// A `retryAfter` adds a `Retry-After` header, which the SDKs honour on 429 and 5xx.
///
/// ```swift
/// throw APIError(.badRequest, code: "missing_field", "userId or anonymousId is required", field: "userId")
/// ```
public struct APIError: Error, HTTPResponseError, Sendable, Hashable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    /// Stable, snake_case name of the failure (`invalid_write_key`, `batch_too_large`, …).
    public var code: String
    /// A sentence for a person; never contains a secret or a submitted value.
    public var message: String
    /// The request field at fault, e.g. `batch[3].event`.
    public var field: String?
    /// Seconds the client should wait before retrying (sent as `Retry-After`).
    public var retryAfter: Int?
    /// More problems of the same request, when there are several.
    public var problems: [MessageProblem]

    public init(
        _ status: HTTPResponse.Status, code: String, _ message: String, field: String? = nil, retryAfter: Int? = nil,
        problems: [MessageProblem] = []
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.retryAfter = retryAfter
        self.problems = problems
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    /// The JSON body of this error.
    public var body: JSONValue {
        var object: [String: JSONValue] = ["code": .string(code), "message": .string(message)]
        if let field { object["field"] = .string(field) }
        if !problems.isEmpty {
            object["problems"] = .array(
                problems.map { .object(["field": .string($0.field), "message": .string($0.message)]) })
        }
        return .object(object)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(body, status: status)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}

extension APIError {
    /// The error a plain HTTP status becomes (404 from the router, 413 from a body limit, …).
    static func from(status: HTTPResponse.Status, message: String? = nil) -> APIError {
        let code = status.reasonPhrase.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .joined(separator: "_")
        return APIError(status, code: code.isEmpty ? "http_\(status.code)" : code, message ?? status.reasonPhrase)
    }
}
