/// The knobs of ``MetaLeadAdsEmulator``; defaults follow `api_facts.md` §7 (mostly [U], hence configurable).
public struct MetaLeadAdsConfiguration: Sendable {
    /// The Page or system-user token, accepted as `access_token` query parameter or `Authorization: Bearer`.
    public var accessToken: String
    /// The one lead form that exists; other ids get Graph error 100.
    public var formID: String
    /// `limit`: default 25; Graph caps large limits silently [U], so the default overflow is `.clamp`.
    public var pageSize: PageSizeLimit
    /// Calls allowed per rolling hour before throttling (Graph's app-level 200 calls/user/hour [U]).
    public var callsPerHour: Int
    /// The Graph error code sent when throttled: 4 (app), 17 (user), 32 (page) or 613 [U].
    public var throttleCode: Int
    /// The HTTP status of Graph errors (throttling and bad tokens): 400 [U; some report 403/401].
    public var errorStatus: Int

    public init(
        accessToken: String = "EAAemulator",
        formID: String = "1234567890123",
        pageSize: PageSizeLimit = PageSizeLimit(defaultSize: 25, maximum: 100, overflow: .clamp),
        callsPerHour: Int = 200,
        throttleCode: Int = 4,
        errorStatus: Int = 400
    ) {
        self.accessToken = accessToken
        self.formID = formID
        self.pageSize = pageSize
        self.callsPerHour = callsPerHour
        self.throttleCode = throttleCode
        self.errorStatus = errorStatus
    }
}
