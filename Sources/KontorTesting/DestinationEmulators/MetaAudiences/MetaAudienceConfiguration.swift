import Foundation

/// The knobs of ``MetaAudienceEmulator``; defaults follow `api_facts.md` §12 (numbers tagged [U] there are knobs).
public struct MetaAudienceConfiguration: Sendable {
    /// The token expected as `access_token` (query, form or JSON body) or `Authorization: Bearer …`.
    public var accessToken: String
    /// The custom audience ids that exist.
    public var audienceIDs: [String]
    /// The ad account the audiences belong to (named in `X-Business-Use-Case-Usage`).
    public var adAccountID: String
    /// Rows per `/users` or `/usersreplace` request: 10,000 [D].
    public var maxRowsPerRequest: Int
    /// Calls per rolling hour before Graph throttles with code 80003 [U: the BUC quota depends on the account].
    public var callsPerHour: Int
    /// The HTTP status of Graph errors (throttling and auth are 400, not 429) [U].
    public var errorStatus: Int
    /// Whether `/users` requires a `session` object (the current guide says so [D]; the API has accepted none [U]).
    public var requireSessionOnUsers: Bool
    /// How long a replace session may run: about 90 minutes [U].
    public var replaceSessionTimeout: TimeInterval

    public init(
        accessToken: String = "EAAB-emulator-token",
        audienceIDs: [String] = ["23850000000000001"],
        adAccountID: String = "act_1000000000001",
        maxRowsPerRequest: Int = 10_000,
        callsPerHour: Int = 5_000,
        errorStatus: Int = 400,
        requireSessionOnUsers: Bool = false,
        replaceSessionTimeout: TimeInterval = 5_400
    ) {
        self.accessToken = accessToken
        self.audienceIDs = audienceIDs
        self.adAccountID = adAccountID
        self.maxRowsPerRequest = maxRowsPerRequest
        self.callsPerHour = callsPerHour
        self.errorStatus = errorStatus
        self.requireSessionOnUsers = requireSessionOnUsers
        self.replaceSessionTimeout = replaceSessionTimeout
    }
}
