/// The knobs of ``GoogleCustomerMatchEmulator``; defaults follow `api_facts.md` §13.
public struct GoogleAdsConfiguration: Sendable {
    /// The OAuth access token expected as `Authorization: Bearer …`.
    public var accessToken: String
    /// The `developer-token` header value.
    public var developerToken: String
    /// The customer id (digits only) owning the user lists.
    public var customerID: String
    /// Customer Match user list ids that exist.
    public var userListIDs: [String]
    /// Operations per `addOperations` request: 100,000 [3P].
    public var maxOperationsPerRequest: Int
    /// User identifiers per `UserData`: 20 [3P].
    public var maxIdentifiersPerUserData: Int
    /// Requests per rolling minute before `RESOURCE_EXHAUSTED` [U: quotas depend on the token's access level].
    public var requestsPerMinute: Int
    /// The `retryDelay` sent with `RESOURCE_EXHAUSTED`, in seconds [U].
    public var retryDelaySeconds: Int
    /// The OAuth client id, secret and refresh token `POST /token` exchanges for ``accessToken``.
    public var clientID: String
    public var clientSecret: String
    public var refreshToken: String

    public init(
        accessToken: String = "ya29.emulator-token",
        developerToken: String = "emulator-developer-token",
        customerID: String = "1234567890",
        userListIDs: [String] = ["9876543210"],
        maxOperationsPerRequest: Int = 100_000,
        maxIdentifiersPerUserData: Int = 20,
        requestsPerMinute: Int = 600,
        retryDelaySeconds: Int = 30,
        clientID: String = "emulator-client.apps.googleusercontent.com",
        clientSecret: String = "emulator-client-secret",
        refreshToken: String = "1//emulator-refresh-token"
    ) {
        self.accessToken = accessToken
        self.developerToken = developerToken
        self.customerID = customerID
        self.userListIDs = userListIDs
        self.maxOperationsPerRequest = maxOperationsPerRequest
        self.maxIdentifiersPerUserData = maxIdentifiersPerUserData
        self.requestsPerMinute = requestsPerMinute
        self.retryDelaySeconds = retryDelaySeconds
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.refreshToken = refreshToken
    }
}
