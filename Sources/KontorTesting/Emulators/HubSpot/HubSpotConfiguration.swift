/// The knobs of ``HubSpotEmulator``; defaults follow `api_facts.md` §3 (numbers tagged [U] there are configurable here).
public struct HubSpotConfiguration: Sendable {
    /// The private-app token expected as `Authorization: Bearer …`.
    public var accessToken: String
    /// List `limit`: default 10, maximum 100 [U, matches airbyte]; above it a `VALIDATION_ERROR` 400.
    public var listPageSize: PageSizeLimit
    /// Search `limit`: default 10, maximum 200 [U].
    public var searchPageSize: PageSizeLimit
    /// Search results reachable per query: 10,000 [V airbyte]; `after` at or beyond it fails.
    public var searchResultCap: Int
    /// Burst limit per rolling 10 s: 100 (Free/Starter; Pro/Enterprise 150–190) [U].
    public var tenSecondlyLimit: Int
    /// Daily request limit: 250,000 [U].
    public var dailyLimit: Int
    /// Search requests per second: 4 [D changelog].
    public var searchPerSecond: Int
    /// HubSpot does not always send `Retry-After` [V airbyte]; set seconds to send one.
    public var retryAfterSeconds: Int?

    public init(
        accessToken: String = "pat-emulator",
        listPageSize: PageSizeLimit = PageSizeLimit(defaultSize: 10, maximum: 100),
        searchPageSize: PageSizeLimit = PageSizeLimit(defaultSize: 10, maximum: 200),
        searchResultCap: Int = 10_000,
        tenSecondlyLimit: Int = 100,
        dailyLimit: Int = 250_000,
        searchPerSecond: Int = 4,
        retryAfterSeconds: Int? = nil
    ) {
        self.accessToken = accessToken
        self.listPageSize = listPageSize
        self.searchPageSize = searchPageSize
        self.searchResultCap = searchResultCap
        self.tenSecondlyLimit = tenSecondlyLimit
        self.dailyLimit = dailyLimit
        self.searchPerSecond = searchPerSecond
        self.retryAfterSeconds = retryAfterSeconds
    }
}
