/// The `http` section: how every request of the plugin reaches the API.
///
/// ```yaml
/// http:
///   base_url: "https://{{ config.shop }}.myshopify.com/admin/api/2024-10/"
///   auth: {type: api_key, in: {header: X-Shopify-Access-Token}, value: "{{ config.access_token }}"}
///   rate_limits: [{limits: ["2/1s", "40/20s"]}]
/// ```
public struct HTTPSettings: Sendable, Decodable, SchemaDescribed {
    public var baseURL: String
    public var headers: [String: String]?
    /// A duration such as `30s`; the runtime's default applies when absent.
    public var timeout: String?
    public var concurrency: IntOrTemplate?
    public var auth: Auth?
    public var rateLimits: [PluginRateLimit]?
    public var retry: PluginRetryPolicy?

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", headers, timeout, concurrency, auth
        case rateLimits = "rate_limits", retry
    }

    public static let schema: Schema = .object([
        "base_url": .required(.string(format: .template(PluginScopes.config)), "Root URL; request paths are relative to it"),
        "headers": .init(.map(.string(format: .template(PluginScopes.config))), "Headers sent with every request"),
        "timeout": .init(.duration, "Per-request timeout", default: "30s"),
        "concurrency": .init(IntOrTemplate.schema(PluginScopes.config), "Requests in flight at once", default: 1),
        "auth": .init(.reference("Auth"), "How requests authenticate"),
        "rate_limits": .init(.array(PluginRateLimit.schema), "Token buckets shared by every stream and action"),
        "retry": .init(PluginRetryPolicy.schema, "How failed requests are classified and retried"),
    ], description: "How requests reach the API")
}
