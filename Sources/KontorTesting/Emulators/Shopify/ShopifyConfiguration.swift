/// The knobs of ``ShopifyEmulator``; defaults follow `api_facts.md` §1 (standard plan).
public struct ShopifyConfiguration: Sendable {
    /// The token expected in `X-Shopify-Access-Token`.
    public var accessToken: String
    /// The leaky bucket size: 40 on the standard plan [D] (Plus: 400 [U]).
    public var bucketSize: Int
    /// The leak rate in requests per second: 2 on the standard plan [D] (Advanced 4, Plus 20).
    public var leakPerSecond: Double
    /// `limit`: default 50, maximum 250 [D/3P]; above it Shopify answers 400 [3P].
    public var pageSize: PageSizeLimit
    /// `Retry-After` sent with a 429: `2.0` [3P].
    public var retryAfter: String
    /// The shop's `*.myshopify.com` domain, echoed in webhooks.
    public var shopDomain: String

    public init(
        accessToken: String = "shpat_emulator",
        bucketSize: Int = 40,
        leakPerSecond: Double = 2,
        pageSize: PageSizeLimit = PageSizeLimit(defaultSize: 50, maximum: 250),
        retryAfter: String = "2.0",
        shopDomain: String = "kontor-demo.myshopify.com"
    ) {
        self.accessToken = accessToken
        self.bucketSize = bucketSize
        self.leakPerSecond = leakPerSecond
        self.pageSize = pageSize
        self.retryAfter = retryAfter
        self.shopDomain = shopDomain
    }
}
