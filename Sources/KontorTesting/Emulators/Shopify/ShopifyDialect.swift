import Synchronization

/// Shopify's credential check, error bodies and leaky-bucket throttling.
final class ShopifyDialect: EmulatorDialect {
    let configuration: ShopifyConfiguration
    private let bucket: Mutex<LeakyBucket>

    init(configuration: ShopifyConfiguration) {
        self.configuration = configuration
        bucket = Mutex(LeakyBucket(capacity: configuration.bucketSize, leakPerSecond: configuration.leakPerSecond))
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        request.header("x-shopify-access-token") == configuration.accessToken ? nil : unauthorizedReply(request)
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        .json(["errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"], status: 401)
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        .json(
            ["errors": "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."],
            status: 429,
            headers: [
                ("Retry-After", configuration.retryAfter),
                ("X-Shopify-Shop-Api-Call-Limit", "\(configuration.bucketSize)/\(configuration.bucketSize)"),
            ]
        )
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        .json(["errors": "Internal Server Error"], status: status)
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        let (admitted, used) = bucket.withLock { $0.take(at: request.receivedAt) }
        guard admitted else { return .throttled(throttledReply(request, endpoint: endpoint)) }
        return .admitted(headers: [("X-Shopify-Shop-Api-Call-Limit", "\(used)/\(configuration.bucketSize)")])
    }

    func decorate(_ reply: inout EmulatorReply, request: EmulatorRequest, endpoint: String) {
        if let version = request.pathParameters["version"] { reply.addHeader("X-Shopify-API-Version", version) }
    }

    /// A 400 in Shopify's `{"errors": …}` shape.
    static func badRequest(_ message: String) -> EmulatorReply {
        .json(["errors": .string(message)], status: 400)
    }
}
