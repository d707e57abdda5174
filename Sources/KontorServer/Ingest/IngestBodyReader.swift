import Foundation
import Hummingbird

/// Reads an ingest request body: checks its content type, collects it up to a
/// limit, and inflates it when it is `Content-Encoding: gzip`.
///
/// The limit applies to the uncompressed bytes. A compressed body is read up
/// to the same limit (gzip never shrinks JSON below its size by accident of
/// framing), then inflated with the limit as a cap.
struct IngestBodyReader: Sendable {
    /// The most uncompressed bytes accepted, and how the error names the limit.
    var limit: Int
    var tooLargeCode: String
    var tooLargeWhat: String

    /// The uncompressed body bytes.
    func read(_ request: Request) async throws(APIError) -> [UInt8] {
        try Self.checkContentType(request.headers[.contentType])
        let gzip = try Self.isGzip(request.headers[.contentEncoding])
        let raw = try await collect(request.body)
        guard gzip else { return raw }
        do {
            return try Gunzip.inflate(raw, limit: limit)
        } catch .tooLarge {
            throw tooLarge(compressed: true)
        } catch {
            throw APIError(
                .badRequest, code: "invalid_gzip", "The body is not valid gzip data.", field: "Content-Encoding")
        }
    }

    private func collect(_ body: RequestBody) async throws(APIError) -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            for try await buffer in body {
                guard bytes.count + buffer.readableBytes <= limit else { throw tooLarge(compressed: false) }
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.badRequest, code: "incomplete_body", "The request body could not be read to its end.")
        }
        return bytes
    }

    private func tooLarge(compressed: Bool) -> APIError {
        let size = IngestLimits.describe(limit)
        let detail = compressed ? " once decompressed" : ""
        return APIError(
            .badRequest, code: tooLargeCode, "\(tooLargeWhat) is larger than the \(size) limit\(detail).",
            field: "body")
    }

    /// JSON is required: `application/json` (any parameters), or `text/plain`,
    /// which browsers send to skip the CORS preflight (analytics.js does).
    static func checkContentType(_ value: String?) throws(APIError) {
        guard let value, !value.isEmpty else {
            throw APIError(
                .badRequest, code: "unsupported_content_type",
                "The Content-Type header is missing; send 'application/json'.", field: "Content-Type")
        }
        let mediaType = value.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard mediaType == "application/json" || mediaType == "text/plain" else {
            throw APIError(
                .badRequest, code: "unsupported_content_type",
                "Content-Type '\(String(value.prefix(100)))' is not supported; send 'application/json'.",
                field: "Content-Type")
        }
    }

    static func isGzip(_ value: String?) throws(APIError) -> Bool {
        switch value?.trimmingCharacters(in: .whitespaces).lowercased() {
        case nil, "", "identity": return false
        case "gzip", "x-gzip": return true
        case let other?:
            throw APIError(
                .badRequest, code: "unsupported_content_encoding",
                "Content-Encoding '\(String(other.prefix(50)))' is not supported; send 'gzip' or no encoding.",
                field: "Content-Encoding")
        }
    }
}
