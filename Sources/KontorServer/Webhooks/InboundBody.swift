import Foundation
import Hummingbird
import KontorCore

/// The body of a pushed delivery: the raw bytes (what signatures cover) and
/// their parsed value (what routes and `emit` see).
///
/// A body larger than the plugin's `max_body` is refused with 413 before it is
/// read to its end. JSON and `application/x-www-form-urlencoded` are parsed by
/// the declared `inbound.body` (`json`, `form`, or `any`: by content type).
struct InboundBody: Sendable {
    /// The bytes as received.
    var raw: [UInt8]

    /// Reads the body, refusing more than `limit` bytes.
    static func read(_ request: Request, limit: Int) async throws(APIError) -> InboundBody {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw tooLarge(limit)
        }
        var bytes: [UInt8] = []
        do {
            for try await buffer in request.body {
                guard bytes.count + buffer.readableBytes <= limit else { throw tooLarge(limit) }
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.badRequest, code: "incomplete_body", "The request body could not be read to its end.")
        }
        return InboundBody(raw: bytes)
    }

    /// The parsed body: JSON, or a form's fields as an object.
    func value(format: Inbound.BodyFormat, contentType: String?) throws(APIError) -> JSONValue {
        let mediaType = contentType?.split(separator: ";", maxSplits: 1).first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let isForm = mediaType == "application/x-www-form-urlencoded"
        switch format {
        case .form:
            guard isForm || mediaType.isEmpty else { throw unsupported(contentType, expected: "application/x-www-form-urlencoded") }
            return try form()
        case .json:
            guard !isForm, mediaType.isEmpty || mediaType.hasSuffix("json") || mediaType == "text/plain" else {
                throw unsupported(contentType, expected: "application/json")
            }
            return try json()
        case .any:
            if isForm { return try form() }
            guard mediaType.isEmpty || mediaType.hasSuffix("json") || mediaType == "text/plain" else {
                throw unsupported(contentType, expected: "application/json' or 'application/x-www-form-urlencoded")
            }
            return try json()
        }
    }

    private func json() throws(APIError) -> JSONValue {
        guard !raw.isEmpty else { return .object([:]) }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(raw))
        } catch {
            throw APIError(.badRequest, code: "invalid_json", "The body is not valid JSON.", field: "body")
        }
    }

    private func form() throws(APIError) -> JSONValue {
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw APIError(.badRequest, code: "invalid_form", "The form body is not valid UTF-8.", field: "body")
        }
        return FormURLEncoding.decode(text)
    }

    private func unsupported(_ contentType: String?, expected: String) -> APIError {
        APIError(
            .unsupportedMediaType, code: "unsupported_content_type",
            "Content-Type '\(String((contentType ?? "").prefix(100)))' is not supported; send '\(expected)'.",
            field: "Content-Type")
    }

    private static func tooLarge(_ limit: Int) -> APIError {
        APIError(
            .contentTooLarge, code: "body_too_large", "The body is larger than the \(IngestLimits.describe(limit)) limit.",
            field: "body")
    }
}

extension Request {
    /// The headers as `emit` and routes see them: names in lower case, repeated fields joined by `, `.
    var inboundHeaders: [String: String] {
        var result: [String: String] = [:]
        for field in headers {
            let name = field.name.canonicalName
            result[name] = result[name].map { "\($0), \(field.value)" } ?? field.value
        }
        return result
    }

    /// The query parameters (the last value of a repeated name).
    var queryValues: [String: String] {
        var result: [String: String] = [:]
        for (name, value) in uri.queryParameters { result[String(name)] = String(value) }
        return result
    }
}
