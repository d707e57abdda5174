/// What the profile builder did with a run of events.
public struct BuildSummary: Sendable, Hashable {
    /// Events read from the log.
    public var events = 0
    /// The log position committed at the end (the last processed `seq`).
    public var position: Int64 = 0
    /// Profiles created.
    public var created = 0
    /// Events attached to an existing profile without a merge.
    public var attached = 0
    /// Merges recorded, and the profiles they absorbed.
    public var merges = 0
    public var absorbed = 0
    /// Identifiers that pointed to another profile but were refused by a rule.
    public var blockedMerges = 0
    /// Events with no usable identifier.
    public var unidentified = 0
    /// Computed-trait filters that failed on an event.
    public var failedTraitFilters = 0
    /// Consent choices for purposes the deployment does not declare.
    public var ignoredConsentPurposes = 0

    public init() {}

    /// Both summaries together; the position of the later one.
    public func adding(_ other: BuildSummary) -> BuildSummary {
        var sum = self
        sum.events += other.events
        sum.position = max(position, other.position)
        sum.created += other.created
        sum.attached += other.attached
        sum.merges += other.merges
        sum.absorbed += other.absorbed
        sum.blockedMerges += other.blockedMerges
        sum.unidentified += other.unidentified
        sum.failedTraitFilters += other.failedTraitFilters
        sum.ignoredConsentPurposes += other.ignoredConsentPurposes
        return sum
    }

    /// Counters for logs and `kontor profiles build`.
    public var counts: [String: Int] {
        [
            "events": events, "created": created, "attached": attached, "merges": merges, "absorbed": absorbed,
            "blocked_merges": blockedMerges, "unidentified": unidentified, "failed_trait_filters": failedTraitFilters,
            "ignored_consent_purposes": ignoredConsentPurposes,
        ]
    }
}
