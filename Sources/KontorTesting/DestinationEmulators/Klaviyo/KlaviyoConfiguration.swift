/// The knobs of ``KlaviyoEmulator``; defaults follow `api_facts.md` §9 (tier M rate limits).
public struct KlaviyoConfiguration: Sendable {
    /// The private key expected as `Authorization: Klaviyo-API-Key <key>`.
    public var apiKey: String
    /// The list ids that exist.
    public var listIDs: [String]
    /// Profiles per bulk import job: 10,000 [V].
    public var maxProfilesPerImport: Int
    /// Bulk import payload: 5 MB [V].
    public var maxImportBytes: Int
    /// One profile in a bulk import: 100 KB [V].
    public var maxProfileBytes: Int
    /// Profiles per list relationship add/remove: 1,000 [V].
    public var maxRelationshipsPerRequest: Int
    /// Requests per second per endpoint (burst window): 10 for tier M [D].
    public var burstPerSecond: Int
    /// Requests per minute per endpoint (steady window): 150 for tier M [D].
    public var steadyPerMinute: Int
    /// Polls of a bulk import job before it reports `complete` (its profiles apply at once either way).
    public var pollsUntilComplete: Int

    public init(
        apiKey: String = "pk_emulator_0123456789abcdef",
        listIDs: [String] = ["XyZ123"],
        maxProfilesPerImport: Int = 10_000,
        maxImportBytes: Int = 5_000_000,
        maxProfileBytes: Int = 100_000,
        maxRelationshipsPerRequest: Int = 1_000,
        burstPerSecond: Int = 10,
        steadyPerMinute: Int = 150,
        pollsUntilComplete: Int = 1
    ) {
        self.apiKey = apiKey
        self.listIDs = listIDs
        self.maxProfilesPerImport = maxProfilesPerImport
        self.maxImportBytes = maxImportBytes
        self.maxProfileBytes = maxProfileBytes
        self.maxRelationshipsPerRequest = maxRelationshipsPerRequest
        self.burstPerSecond = burstPerSecond
        self.steadyPerMinute = steadyPerMinute
        self.pollsUntilComplete = pollsUntilComplete
    }
}
