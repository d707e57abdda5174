/// How a plugin's requests authenticate; chosen by `type:`.
///
/// Every string is a template over `config` (secrets belong here).
///
/// ```yaml
/// auth: {type: basic, username: anystring, password: "{{ config.api_key }}"}
/// auth: {type: aws_sigv4, access_key_id: "{{ config.access_key_id }}", secret_access_key: "{{ config.secret_access_key }}",
///        region: "{{ config.region }}", service: ses}
/// ```
public indirect enum Auth: Sendable, Decodable, SchemaDescribed {
    case none
    case bearer(token: String)
    case basic(username: String, password: String?)
    case apiKey(in: Inject, value: String)
    case oauth2Refresh(OAuth2Refresh)
    case oauth2ClientCredentials(OAuth2ClientCredentials)
    case session(SessionAuth)
    /// One of several schemes, chosen by the value of a config setting.
    case select(by: String, options: [String: Auth])
    /// AWS Signature Version 4 (Amazon SES and other AWS APIs).
    case awsSigV4(AWSSigV4)
    /// An HMAC of the request body in a header (generic webhooks).
    case hmacSignature(HMACSigning)

    /// The `type:` names, in documentation order.
    public static let typeNames = [
        "none", "bearer", "basic", "api_key", "oauth2_refresh", "oauth2_client_credentials", "session", "select", "aws_sigv4", "hmac_signature",
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PluginCodingKey.self)
        func string(_ key: String) throws -> String { try container.decode(String.self, forKey: PluginCodingKey(key)) }
        func optionalString(_ key: String) throws -> String? {
            try container.decodeIfPresent(String.self, forKey: PluginCodingKey(key))
        }
        let type = try decoder.pluginDiscriminator()
        switch type {
        case "none": self = .none
        case "bearer": self = .bearer(token: try string("token"))
        case "basic": self = .basic(username: try string("username"), password: try optionalString("password"))
        case "api_key":
            self = .apiKey(in: try container.decode(Inject.self, forKey: PluginCodingKey("in")), value: try string("value"))
        case "oauth2_refresh": self = .oauth2Refresh(try OAuth2Refresh(from: decoder))
        case "oauth2_client_credentials": self = .oauth2ClientCredentials(try OAuth2ClientCredentials(from: decoder))
        case "session": self = .session(try SessionAuth(from: decoder))
        case "select":
            self = .select(
                by: try string("by"),
                options: try container.decode([String: Auth].self, forKey: PluginCodingKey("options"))
            )
        case "aws_sigv4": self = .awsSigV4(try AWSSigV4(from: decoder))
        case "hmac_signature": self = .hmacSignature(try HMACSigning(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: PluginCodingKey("type"), in: container, debugDescription: "unknown auth type '\(type)'"
            )
        }
    }

    public static var schema: Schema {
        let template = Schema.string(format: .template(PluginScopes.config))
        return .tagged(discriminator: "type", variants: [
            "none": ObjectSchema([:], description: "No authentication"),
            "bearer": ObjectSchema(["token": .required(template, "Sent as Authorization: Bearer <token>")]),
            "basic": ObjectSchema([
                "username": .required(template, "User name (Mailchimp: any string)"),
                "password": .init(template, "Password or API key"),
            ]),
            "api_key": ObjectSchema([
                "in": .required(Inject.schema, "Where the key goes"),
                "value": .required(template, "The full value, e.g. 'Klaviyo-API-Key {{ config.api_key }}'"),
            ]),
            "oauth2_refresh": OAuth2Refresh.objectSchema,
            "oauth2_client_credentials": OAuth2ClientCredentials.objectSchema,
            "session": SessionAuth.objectSchema,
            "select": ObjectSchema([
                "by": .required(.string(), "The config setting whose value chooses the option"),
                "options": .required(.map(.reference("Auth")), "One auth per value of the setting"),
            ]),
            "aws_sigv4": AWSSigV4.objectSchema,
            "hmac_signature": HMACSigning.objectSchema,
        ])
    }
}
