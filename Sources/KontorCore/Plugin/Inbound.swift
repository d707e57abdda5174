/// The `inbound` section: deliveries pushed to Kontor (webhooks at
/// `/hooks/{source}`, forms at `/forms/{source}`) and the stream whose
/// `emit` turns each into messages.
///
/// ```yaml
/// inbound:
///   signature: {header: X-Shopify-Hmac-Sha256, algorithm: hmac_sha256, encoding: base64, secret: "{{ config.webhook_secret }}"}
///   delivery_id_header: X-Shopify-Webhook-Id
///   route: {header: X-Shopify-Topic, streams: {"customers/*": customers, "orders/*": orders}}
/// ```
public struct Inbound: Sendable, Decodable, SchemaDescribed {
    public enum Endpoint: String, Sendable, Decodable, CaseIterable {
        /// `/hooks/{source}`: server-to-server, signed.
        case webhook
        /// `/forms/{source}`: browsers; CORS, honeypot and a per-client rate limit.
        case form
    }

    public enum BodyFormat: String, Sendable, Decodable, CaseIterable { case json, form, any }

    public var endpoint: Endpoint?
    public var body: BodyFormat?
    public var signature: InboundSignature?
    /// A header whose value identifies a delivery; repeats are dropped.
    public var deliveryIDHeader: String?
    public var challenge: InboundChallenge?
    /// All deliveries go to this stream (instead of `route`).
    public var stream: String?
    public var route: InboundRoute?
    /// Where the records are in the body (default: the body is one record).
    public var records: FieldPath?
    /// Form endpoint: origins allowed by CORS, a template over config yielding a list.
    public var allowedOrigins: String?
    /// Form endpoint: a field that must stay empty (bots fill it); such posts are accepted and dropped.
    public var honeypot: String?
    /// Form endpoint: per-client limit, e.g. `"10/1m"`, or a template over config yielding one.
    public var rateLimit: String?
    /// Form endpoint: fields a post must fill (a template over config yielding a list); a post
    /// missing one is refused with 400 naming it.
    public var required: String?
    /// Form endpoint: where a plain HTML form post is sent afterwards (303), a template over config.
    public var redirect: String?
    public var maxBody: String?

    enum CodingKeys: String, CodingKey {
        case endpoint, body, signature, deliveryIDHeader = "delivery_id_header", challenge, stream, route, records
        case allowedOrigins = "allowed_origins", honeypot, rateLimit = "rate_limit", required, redirect
        case maxBody = "max_body"
    }

    /// Every stream name a delivery can be routed to.
    public var targetStreams: [String] {
        var names = stream.map { [$0] } ?? []
        if let route {
            names += route.streams.values.sorted()
            if let fallback = route.default { names.append(fallback) }
        }
        return names
    }

    public static var schema: Schema {
        let config = Schema.string(format: .template(PluginScopes.config))
        return .object([
            "endpoint": .init(.string(choices: Endpoint.allCases.map(\.rawValue)), default: "webhook"),
            "body": .init(.string(choices: BodyFormat.allCases.map(\.rawValue)), "Accepted body encoding", default: "json"),
            "signature": .init(InboundSignature.schema, "How deliveries are authenticated"),
            "delivery_id_header": .init(.string(), "Header that identifies a delivery, for dedupe"),
            "challenge": .init(InboundChallenge.schema, "Subscription verification handshake (GET)"),
            "stream": .init(.string(format: .reference("stream")), "The stream every delivery goes to"),
            "route": .init(InboundRoute.schema, "Choose the stream per delivery"),
            "records": .init(FieldPath.schema, "Path to a list of records in the body"),
            "allowed_origins": .init(config, "form: CORS origins (a list)"),
            "honeypot": .init(config, "form: a field name that must stay empty"),
            "rate_limit": .init(config, "form: per-client limit, e.g. 10/1m (or a template over config)"),
            "required": .init(config, "form: fields a post must fill (a list)"),
            "redirect": .init(config, "form: URL a plain HTML form post is sent to afterwards (303)"),
            "max_body": .init(.string(format: .byteSize), "Largest body accepted", default: "1MB"),
        ], description: "Deliveries pushed to Kontor")
    }
}

/// An HMAC signature over the raw body (or a composed payload).
public struct InboundSignature: Sendable, Decodable, SchemaDescribed {
    public enum Algorithm: String, Sendable, Decodable, CaseIterable {
        case hmacSHA256 = "hmac_sha256", hmacSHA1 = "hmac_sha1"
    }

    public var header: String
    public var algorithm: Algorithm
    public var encoding: DigestEncoding
    /// Text before the digest in the header, e.g. `sha256=`.
    public var prefix: String?
    /// The key: a template over config.
    public var secret: String
    /// The signed content when not the raw body (HubSpot v3: method + url + body + timestamp).
    public var payload: String?
    public var timestampHeader: String?
    /// Oldest accepted timestamp, e.g. `5m`; needs `timestamp_header`.
    public var tolerance: String?

    enum CodingKeys: String, CodingKey {
        case header, algorithm, encoding, prefix, secret, payload, timestampHeader = "timestamp_header", tolerance
    }

    public static var schema: Schema {
        .object([
            "header": .required(.string(), "Header carrying the signature"),
            "algorithm": .required(.string(choices: Algorithm.allCases.map(\.rawValue))),
            "encoding": .required(.string(choices: DigestEncoding.allCases.map(\.rawValue))),
            "prefix": .init(.string(), "e.g. 'sha256='"),
            "secret": .required(.string(format: .template(PluginScopes.config)), "The shared secret"),
            "payload": .init(.string(format: .template(PluginScopes.signaturePayload)), "Signed content (default: raw body)"),
            "timestamp_header": .init(.string()),
            "tolerance": .init(.duration, "Reject older deliveries"),
        ])
    }
}

/// Chooses a delivery's stream from a header or an expression over the delivery.
public struct InboundRoute: Sendable, Decodable, SchemaDescribed {
    public var header: String?
    public var value: String?
    /// Value (glob `*` allowed) → stream name.
    public var streams: [String: String]
    /// The stream for unmatched values; absent = unmatched deliveries are acknowledged and dropped.
    public var `default`: String?

    public static var schema: Schema {
        .object([
            "header": .init(.string(), "Route by this header's value"),
            "value": .init(.string(format: .template(PluginScopes.inboundRoute)), "Route by this expression"),
            "streams": .required(.map(.string(format: .reference("stream"))), "value → stream (globs allowed)"),
            "default": .init(.string(format: .reference("stream")), "Stream for unmatched values"),
        ], description: "Give header or value")
    }
}

/// A GET verification handshake (Meta's `hub.challenge`).
public struct InboundChallenge: Sendable, Decodable, SchemaDescribed {
    public var modeParam: String?
    public var tokenParam: String
    public var challengeParam: String
    public var verifyToken: String

    enum CodingKeys: String, CodingKey {
        case modeParam = "mode_param", tokenParam = "token_param", challengeParam = "challenge_param"
        case verifyToken = "verify_token"
    }

    public static var schema: Schema {
        .object([
            "mode_param": .init(.string(), "e.g. hub.mode"),
            "token_param": .required(.string(), "e.g. hub.verify_token"),
            "challenge_param": .required(.string(), "Echoed back, e.g. hub.challenge"),
            "verify_token": .required(.string(format: .template(PluginScopes.config)), "Expected token"),
        ])
    }
}
