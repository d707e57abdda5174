/// The knobs of ``SESContactsEmulator``; defaults follow `api_facts.md` §11.
public struct SESConfiguration: Sendable {
    /// The access key id expected in the SigV4 `Credential` (the signature itself is not verified).
    public var accessKeyID: String
    /// The region expected in the credential scope.
    public var region: String
    /// The contact list names that exist (one per account by default).
    public var contactLists: [String]
    /// Topics of the lists.
    public var topics: [String]
    /// Requests per second across the contact-list operations: about 1 [U]; more get 429.
    public var requestsPerSecond: Int
    /// Whether `UpdateContact` creates a missing contact (SES answers `NotFoundException`) [U].
    public var updateCreatesMissing: Bool

    public init(
        accessKeyID: String = "AKIAEMULATOR00000001",
        region: String = "eu-central-1",
        contactLists: [String] = ["newsletter"],
        topics: [String] = ["weekly"],
        requestsPerSecond: Int = 1,
        updateCreatesMissing: Bool = false
    ) {
        self.accessKeyID = accessKeyID
        self.region = region
        self.contactLists = contactLists
        self.topics = topics
        self.requestsPerSecond = requestsPerSecond
        self.updateCreatesMissing = updateCreatesMissing
    }
}
