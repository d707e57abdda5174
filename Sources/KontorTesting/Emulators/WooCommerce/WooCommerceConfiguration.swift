/// The knobs of ``WooCommerceEmulator``; defaults follow `api_facts.md` §2.
public struct WooCommerceConfiguration: Sendable {
    /// `ck_…`: the Basic-auth user (or `consumer_key` query parameter).
    public var consumerKey: String
    /// `cs_…`: the Basic-auth password (or `consumer_secret` query parameter).
    public var consumerSecret: String
    /// `per_page`: default 10, maximum 100 (WP REST [U/3P]); above it `rest_invalid_param` 400.
    public var pageSize: PageSizeLimit
    /// WooCommerce has no built-in rate limit; set a requests-per-second cap to emulate a host/WAF limit (429).
    public var requestsPerSecond: Int?

    public init(
        consumerKey: String = "ck_emulator",
        consumerSecret: String = "cs_emulator",
        pageSize: PageSizeLimit = PageSizeLimit(defaultSize: 10, maximum: 100),
        requestsPerSecond: Int? = nil
    ) {
        self.consumerKey = consumerKey
        self.consumerSecret = consumerSecret
        self.pageSize = pageSize
        self.requestsPerSecond = requestsPerSecond
    }
}
