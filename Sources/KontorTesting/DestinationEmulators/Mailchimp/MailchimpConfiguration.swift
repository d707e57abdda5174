/// The knobs of ``MailchimpEmulator``; defaults follow `api_facts.md` §8.
public struct MailchimpConfiguration: Sendable {
    /// The API key expected as the Basic-auth password (any user name), e.g. `…-us14`.
    public var apiKey: String
    /// The audience (list) ids that exist.
    public var listIDs: [String]
    /// Members per `POST /lists/{id}`: 500 [D/3P].
    public var maxBatchMembers: Int
    /// Simultaneous connections per account: 10 [3P]; more get 429.
    public var maxConcurrentConnections: Int
    /// Mailchimp sends no documented `Retry-After` on 429 [U]; set seconds to send one.
    public var retryAfterSeconds: Int?
    /// `GET …/members` `count`: default 10, maximum 1000 [V].
    public var memberPageSize: PageSizeLimit

    public init(
        apiKey: String = "0123456789abcdef0123456789abcdef-us14",
        listIDs: [String] = ["a1b2c3d4e5"],
        maxBatchMembers: Int = 500,
        maxConcurrentConnections: Int = 10,
        retryAfterSeconds: Int? = nil,
        memberPageSize: PageSizeLimit = PageSizeLimit(defaultSize: 10, maximum: 1000)
    ) {
        self.apiKey = apiKey
        self.listIDs = listIDs
        self.maxBatchMembers = maxBatchMembers
        self.maxConcurrentConnections = maxConcurrentConnections
        self.retryAfterSeconds = retryAfterSeconds
        self.memberPageSize = memberPageSize
    }

    /// The data centre, the key's suffix after `-` (`us14`).
    public var dataCenter: String { apiKey.split(separator: "-").last.map(String.init) ?? "us1" }
}
