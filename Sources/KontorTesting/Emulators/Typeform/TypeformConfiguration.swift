/// The knobs of ``TypeformEmulator``; defaults follow `api_facts.md` §5.
public struct TypeformConfiguration: Sendable {
    /// The personal access token expected as `Authorization: Bearer …`.
    public var accessToken: String
    /// The one form that exists; other ids get `FORM_NOT_FOUND`.
    public var formID: String
    /// `page_size`: default 25, maximum 1000 [3P].
    public var pageSize: PageSizeLimit
    /// Requests per second per account: 2 [U]; excess gets 429.
    public var requestsPerSecond: Int

    public init(
        accessToken: String = "tfp_emulator",
        formID: String = "kTf0rm01",
        pageSize: PageSizeLimit = PageSizeLimit(defaultSize: 25, maximum: 1000),
        requestsPerSecond: Int = 2
    ) {
        self.accessToken = accessToken
        self.formID = formID
        self.pageSize = pageSize
        self.requestsPerSecond = requestsPerSecond
    }
}
