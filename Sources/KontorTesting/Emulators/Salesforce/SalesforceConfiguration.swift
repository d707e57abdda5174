/// The knobs of ``SalesforceEmulator``; defaults follow `api_facts.md` §4.
public struct SalesforceConfiguration: Sendable {
    /// The session token expected as `Authorization: Bearer …`.
    public var accessToken: String
    /// Records per page without `Sforce-Query-Options: batchSize=N`: 2000 [U].
    public var defaultBatchSize: Int
    /// The smallest honoured `batchSize`: 200 [U] (smaller requests get this many).
    public var minimumBatchSize: Int
    /// The org's daily API request allowance reported in `Sforce-Limit-Info` (15,000 [V example]);
    /// beyond it every request gets 403 `REQUEST_LIMIT_EXCEEDED` [U].
    public var dailyRequestLimit: Int
    /// The connected app's consumer key and secret and the refresh token that
    /// `POST /services/oauth2/token` (`grant_type=refresh_token`) exchanges for ``accessToken``.
    public var clientID: String
    public var clientSecret: String
    public var refreshToken: String

    public init(
        accessToken: String = "00Demulator!session", defaultBatchSize: Int = 2000, minimumBatchSize: Int = 200,
        dailyRequestLimit: Int = 15_000, clientID: String = "3MVG9emulator", clientSecret: String = "sf-client-secret",
        refreshToken: String = "5Aep861emulator"
    ) {
        self.accessToken = accessToken
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.refreshToken = refreshToken
        self.defaultBatchSize = defaultBatchSize
        self.minimumBatchSize = minimumBatchSize
        self.dailyRequestLimit = dailyRequestLimit
    }
}
