/// The knobs of ``SurveyMonkeyEmulator``; defaults follow `api_facts.md` §6.
public struct SurveyMonkeyConfiguration: Sendable {
    /// The token expected as `Authorization: Bearer …`.
    public var accessToken: String
    /// The one survey that exists; other ids get 404.
    public var surveyID: String
    /// Bulk `per_page`: default 50, maximum 100 [U].
    public var pageSize: PageSizeLimit
    /// Requests per minute: 120 (draft/private apps) [U].
    public var perMinuteLimit: Int
    /// Requests per day: 500 (draft/private apps) [U].
    public var perDayLimit: Int

    public init(
        accessToken: String = "sm_emulator",
        surveyID: String = "400123456",
        pageSize: PageSizeLimit = PageSizeLimit(defaultSize: 50, maximum: 100),
        perMinuteLimit: Int = 120,
        perDayLimit: Int = 500
    ) {
        self.accessToken = accessToken
        self.surveyID = surveyID
        self.pageSize = pageSize
        self.perMinuteLimit = perMinuteLimit
        self.perDayLimit = perDayLimit
    }
}
