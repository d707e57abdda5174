import Foundation
import Hummingbird
import KontorCore
import KontorRuntime

/// One source's `/hooks/{source}`: its emitter and its signature scheme with
/// the secret rendered from the source's config (held in memory only, never
/// logged or echoed), checked against each delivery before anything is parsed.
struct WebhookEndpoint: Sendable {
    let emitter: InboundEmitter
    let signature: InboundSignature?
    /// The signing key; empty when the source's config does not set it (every delivery is then refused).
    let secret: String
    let payload: Template?
    let tolerance: TimeInterval?
    let verifyToken: String?
    let maxBody: Int

    /// The largest body when the plugin names none: 1 MB.
    static let defaultMaxBody = 1024 * 1024

    init(emitter: InboundEmitter, now: Date) throws(InboundSetupError) {
        self.emitter = emitter
        let inbound = emitter.inbound
        signature = inbound.signature
        func rendered(_ text: String?) -> String? { text.flatMap { emitter.renderText($0, now: now) } }
        secret = rendered(inbound.signature?.secret) ?? ""
        verifyToken = rendered(inbound.challenge?.verifyToken).flatMap { $0.isEmpty ? nil : $0 }
        do {
            payload = try inbound.signature?.payload.map { text throws(ExpressionError) in try Template(parsing: text) }
        } catch {
            throw InboundSetupError(source: emitter.source, message: "inbound.signature.payload: \(error.message)")
        }
        tolerance = inbound.signature?.tolerance.flatMap(DurationParser.seconds)
        maxBody = inbound.maxBody.flatMap(ByteSizeParser.bytes) ?? Self.defaultMaxBody
    }

    /// Checks the delivery's signature (and its timestamp, when the plugin
    /// declares a window); a delivery that fails is answered 401 and not stored.
    func verify(_ body: [UInt8], headers: [String: String], method: String, url: String, now: Date) throws(APIError) {
        guard let signature else { return }
        guard !secret.isEmpty else {
            throw APIError(
                .unauthorized, code: "signature_not_configured",
                "Source '\(emitter.source)' has no signing secret configured; deliveries cannot be verified.")
        }
        guard let sent = headers[signature.header.lowercased()], !sent.isEmpty else {
            throw APIError(
                .unauthorized, code: "missing_signature", "The \(signature.header) header is missing.",
                field: signature.header)
        }
        let timestamp = signature.timestampHeader.flatMap { headers[$0.lowercased()] }
        if let header = signature.timestampHeader, let tolerance {
            try checkWindow(timestamp, header: header, tolerance: tolerance, now: now)
        }
        let content = try signedContent(body, headers: headers, method: method, url: url, timestamp: timestamp, now: now)
        guard signature.verifies(sent, content: content, secret: secret) else {
            throw APIError(
                .unauthorized, code: "invalid_signature", "The \(signature.header) signature does not match the body.",
                field: signature.header)
        }
    }

    private func checkWindow(_ value: String?, header: String, tolerance: TimeInterval, now: Date) throws(APIError) {
        guard let value, let sentAt = Self.date(value) else {
            throw APIError(
                .unauthorized, code: "missing_timestamp", "The \(header) header is missing or not a time.", field: header)
        }
        guard abs(now.timeIntervalSince(sentAt)) <= tolerance else {
            throw APIError(
                .unauthorized, code: "timestamp_out_of_window",
                "The \(header) time is more than \(Int(tolerance)) seconds from the server's clock.", field: header)
        }
    }

    private func signedContent(
        _ body: [UInt8], headers: [String: String], method: String, url: String, timestamp: String?, now: Date
    ) throws(APIError) -> [UInt8] {
        guard let payload else { return body }
        let variables: [String: JSONValue] = [
            "method": .string(method), "url": .string(url), "body": .string(String(decoding: body, as: UTF8.self)),
            "timestamp": timestamp.map(JSONValue.string) ?? .null, "headers": .object(headers.mapValues(JSONValue.string)),
            "config": emitter.config,
        ]
        guard let value = try? payload.render(in: EvaluationContext(variables: variables, now: now)) else {
            throw APIError(.unauthorized, code: "invalid_signature", "The signed content could not be composed.")
        }
        return Array((value.stringValue ?? value.serialized()).utf8)
    }

    /// Unix seconds (or milliseconds), or an RFC 3339 time.
    static func date(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let number = Double(trimmed) {
            return Date(timeIntervalSince1970: number > 100_000_000_000 ? number / 1000 : number)
        }
        return DateFormat.rfc3339.date(from: .string(trimmed))
    }
}
