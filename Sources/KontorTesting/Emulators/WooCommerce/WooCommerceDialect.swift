import KontorCore
import Synchronization

/// WooCommerce's consumer-key auth and WP-REST error bodies `{"code","message","data":{"status"}}`.
final class WooCommerceDialect: EmulatorDialect {
    let configuration: WooCommerceConfiguration
    private let window: Mutex<SlidingWindow?>

    init(configuration: WooCommerceConfiguration) {
        self.configuration = configuration
        window = Mutex(configuration.requestsPerSecond.map { SlidingWindow(limit: $0, window: 1) })
    }

    static func error(_ code: String, _ message: String, status: Int, extra: [String: JSONValue] = [:]) -> EmulatorReply {
        var data: [String: JSONValue] = ["status": .int(status)]
        data.merge(extra) { $1 }
        return .json(["code": .string(code), "message": .string(message), "data": .object(data)], status: status)
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        let key: String
        let secret: String
        if let basic = request.basicCredentials {
            (key, secret) = (basic.user, basic.password)
        } else if let queryKey = request.query["consumer_key"] {
            (key, secret) = (queryKey, request.query["consumer_secret"] ?? "")
        } else {
            return Self.error("woocommerce_rest_cannot_view", "Sorry, you cannot list resources.", status: 401)
        }
        guard key == configuration.consumerKey else { return unauthorizedReply(request) }
        guard secret == configuration.consumerSecret else {
            return Self.error("woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.", status: 401)
        }
        return nil
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        Self.error("woocommerce_rest_authentication_error", "Consumer key is invalid.", status: 401)
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        var reply = Self.error("rest_too_many_requests", "Too many requests.", status: 429)
        reply.addHeader("Retry-After", "1")
        return reply
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.error("internal_server_error", "<p>There has been a critical error on this website.</p>", status: status)
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        let admitted = window.withLock { window in
            return window?.take(at: request.receivedAt).admitted ?? true
        }
        return admitted ? .admitted(headers: []) : .throttled(throttledReply(request, endpoint: endpoint))
    }

    /// WP core's `rest_invalid_param` 400 for one parameter.
    static func invalidParameter(_ name: String, _ reason: String) -> EmulatorReply {
        error("rest_invalid_param", "Invalid parameter(s): \(name)", status: 400, extra: ["params": .object([name: .string(reason)])])
    }
}
