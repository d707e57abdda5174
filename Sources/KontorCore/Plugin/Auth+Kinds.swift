/// OAuth 2 with a long-lived refresh token; a rotated refresh token is saved
/// back to the instance's config.
public struct OAuth2Refresh: Sendable, Decodable {
    public var tokenURL: String
    public var clientID: String
    public var clientSecret: String
    public var refreshToken: String
    public var scopes: [String]?
    public var grantType: String?
    public var tokenField: String?
    public var expiresField: String?
    public var rotateRefreshToken: Bool?

    enum CodingKeys: String, CodingKey {
        case tokenURL = "token_url", clientID = "client_id", clientSecret = "client_secret"
        case refreshToken = "refresh_token", scopes, grantType = "grant_type", tokenField = "token_field"
        case expiresField = "expires_field", rotateRefreshToken = "rotate_refresh_token"
    }

    static var objectSchema: ObjectSchema {
        let template = Schema.string(format: .template(PluginScopes.config))
        return ObjectSchema([
            "token_url": .required(template, "Token endpoint"),
            "client_id": .required(template),
            "client_secret": .required(template),
            "refresh_token": .required(template),
            "scopes": .init(.array(.string())),
            "grant_type": .init(.string(), default: "refresh_token"),
            "token_field": .init(.string(), "Response key of the access token", default: "access_token"),
            "expires_field": .init(.string(), "Response key of the lifetime in seconds", default: "expires_in"),
            "rotate_refresh_token": .init(.boolean, "Save a new refresh token from the response", default: false),
        ])
    }
}

/// OAuth 2 client credentials (machine to machine).
public struct OAuth2ClientCredentials: Sendable, Decodable {
    public var tokenURL: String
    public var clientID: String
    public var clientSecret: String
    public var scopes: [String]?

    enum CodingKeys: String, CodingKey {
        case tokenURL = "token_url", clientID = "client_id", clientSecret = "client_secret", scopes
    }

    static var objectSchema: ObjectSchema {
        let template = Schema.string(format: .template(PluginScopes.config))
        return ObjectSchema([
            "token_url": .required(template), "client_id": .required(template),
            "client_secret": .required(template), "scopes": .init(.array(.string())),
        ])
    }
}

/// A login request whose response holds a session token used by later requests.
public struct SessionAuth: Sendable, Decodable {
    public struct Use: Sendable, Decodable {
        public var `in`: Inject
        public var prefix: String?
    }

    public var login: PluginRequest
    public var tokenPath: FieldPath
    public var expires: String?
    public var use: Use

    enum CodingKeys: String, CodingKey {
        case login, tokenPath = "token_path", expires, use
    }

    static var objectSchema: ObjectSchema {
        ObjectSchema([
            "login": .required(.reference("LoginRequest"), "The login request (config only)"),
            "token_path": .required(FieldPath.schema, "Where the token is in the login response"),
            "expires": .init(.duration, "How long a token lives"),
            "use": .required(.object([
                "in": .required(Inject.schema), "prefix": .init(.string(), "Text before the token, e.g. 'Token '"),
            ])),
        ])
    }
}

/// AWS Signature Version 4 request signing.
public struct AWSSigV4: Sendable, Decodable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?
    public var region: String
    public var service: String

    enum CodingKeys: String, CodingKey {
        case accessKeyID = "access_key_id", secretAccessKey = "secret_access_key"
        case sessionToken = "session_token", region, service
    }

    static var objectSchema: ObjectSchema {
        let template = Schema.string(format: .template(PluginScopes.config))
        return ObjectSchema([
            "access_key_id": .required(template), "secret_access_key": .required(template),
            "session_token": .init(template), "region": .required(template, "e.g. eu-central-1"),
            "service": .required(.string(), "Signing name, e.g. ses"),
        ])
    }
}

/// Signs each request: an HMAC of the raw body, written to a header, so the
/// receiver can check the sender (the outbound twin of `inbound.signature`).
public struct HMACSigning: Sendable, Decodable {
    public var header: String
    public var algorithm: InboundSignature.Algorithm
    public var encoding: DigestEncoding
    public var prefix: String?
    public var secret: String
    /// When set, the Unix time is sent in this header and signed as `timestamp + "." + body`.
    public var timestampHeader: String?

    enum CodingKeys: String, CodingKey {
        case header, algorithm, encoding, prefix, secret, timestampHeader = "timestamp_header"
    }

    static var objectSchema: ObjectSchema {
        ObjectSchema([
            "header": .required(.string(), "e.g. X-Kontor-Signature"),
            "algorithm": .required(.string(choices: InboundSignature.Algorithm.allCases.map(\.rawValue))),
            "encoding": .required(.string(choices: DigestEncoding.allCases.map(\.rawValue))),
            "prefix": .init(.string(), "e.g. 'sha256='"),
            "secret": .required(.string(format: .template(PluginScopes.config)), "The shared key"),
            "timestamp_header": .init(.string(), "Also sign a timestamp, sent in this header"),
        ])
    }
}
