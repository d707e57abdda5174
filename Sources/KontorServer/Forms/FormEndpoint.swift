import Foundation
import KontorCore
import KontorRuntime

/// One source's `/forms/{source}`: its emitter and the browser-facing
/// settings rendered from its config once: the CORS origins, the honeypot
/// field, the required fields, the per-client rate limit and the redirect.
struct FormEndpoint: Sendable {
    let emitter: InboundEmitter
    /// Origins allowed to post (exact `scheme://host[:port]`); `*` allows any.
    let origins: Set<String>
    let honeypot: String?
    let required: [String]
    let limiter: ClientRateLimiter?
    let redirect: String?
    let maxBody: Int

    /// The largest form body when the plugin names none: 64 KB.
    static let defaultMaxBody = 64 * 1024

    init(emitter: InboundEmitter, serverOrigins: [String], clock: any KontorClock) throws(InboundSetupError) {
        self.emitter = emitter
        let inbound = emitter.inbound
        let now = clock.now
        func list(_ text: String?) -> [String] {
            guard let text, let value = try? emitter.render(text, now: now) else { return [] }
            switch value {
            case .array(let items): return items.compactMap(\.stringValue).filter { !$0.isEmpty }
            case .string(let item): return item.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            default: return []
            }
        }
        origins = Set((list(inbound.allowedOrigins) + serverOrigins).map(Self.normalized))
        honeypot = inbound.honeypot.flatMap { emitter.renderText($0, now: now) }.flatMap { $0.isEmpty ? nil : $0 }
        required = list(inbound.required)
        redirect = inbound.redirect.flatMap { emitter.renderText($0, now: now) }.flatMap { $0.isEmpty ? nil : $0 }
        if let text = inbound.rateLimit.flatMap({ emitter.renderText($0, now: now) }), !text.isEmpty {
            do {
                limiter = ClientRateLimiter(spec: try RateLimitSpec(parsing: text), clock: clock)
            } catch {
                throw InboundSetupError(source: emitter.source, message: "inbound.rate_limit: \(error.message)")
            }
        } else {
            limiter = nil
        }
        maxBody = inbound.maxBody.flatMap(ByteSizeParser.bytes) ?? Self.defaultMaxBody
    }

    /// Whether a page at `origin` may post here.
    func allows(origin: String) -> Bool {
        origins.contains("*") || origins.contains(Self.normalized(origin))
    }

    /// `https://Shop.Example/` → `https://shop.example`: origins compare without case or a trailing slash.
    static func normalized(_ origin: String) -> String {
        var text = origin.trimmingCharacters(in: .whitespaces).lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// The first required field the post leaves empty, with all of them.
    func missingFields(in record: JSONValue) -> [String] {
        required.filter { field in
            switch record[field] {
            case nil, .null?: return true
            case .string(let text)?: return text.trimmingCharacters(in: .whitespaces).isEmpty
            default: return false
            }
        }
    }
}
