/// The knobs of ``BrevoEmulator``; defaults follow `api_facts.md` §10.
public struct BrevoConfiguration: Sendable {
    /// The key expected in the `api-key` header.
    public var apiKey: String
    /// The contact list ids that exist.
    public var listIDs: [Int]
    /// Contacts per list add/remove: 150 [V].
    public var maxListBatch: Int
    /// Import `jsonBody` size: 10 MB [V].
    public var maxImportBytes: Int
    /// Requests per second per endpoint: about 10 for `/v3/contacts*` [U].
    public var requestsPerSecond: Int

    public init(
        apiKey: String = "xkeysib-emulator-0123456789abcdef",
        listIDs: [Int] = [2],
        maxListBatch: Int = 150,
        maxImportBytes: Int = 10_000_000,
        requestsPerSecond: Int = 10
    ) {
        self.apiKey = apiKey
        self.listIDs = listIDs
        self.maxListBatch = maxListBatch
        self.maxImportBytes = maxImportBytes
        self.requestsPerSecond = requestsPerSecond
    }
}
