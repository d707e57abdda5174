/// The outcome of planning one destination: the outbox jobs to insert and the
/// `destination_state` writes to commit with them, in one transaction.
public struct ActivationPlan: Sendable, Hashable {
    /// How many profiles fell into each case.
    public struct Counts: Sendable, Hashable {
        public var adds = 0
        public var updates = 0
        public var removes = 0
        /// Held with the same payload: nothing to send.
        public var unchanged = 0
        /// Differences the mode ignores (a change in `add` mode, a new member in `update` mode, …).
        public var ignored = 0
        /// Profiles whose payload could not be built (see ``ActivationPlan/errors``).
        public var invalid = 0

        public init() {}
    }

    public var destination: String
    /// Jobs sorted by profile id.
    public var jobs: [PlannedJob]
    /// State writes sorted by profile id; one per job.
    public var stateChanges: [DestinationStateChange]
    /// Profiles left untouched because their payload could not be built.
    public var errors: [RecordPlanningError]
    public var counts: Counts

    public init(
        destination: String, jobs: [PlannedJob] = [], stateChanges: [DestinationStateChange] = [],
        errors: [RecordPlanningError] = [], counts: Counts = Counts()
    ) {
        self.destination = destination
        self.jobs = jobs
        self.stateChanges = stateChanges
        self.errors = errors
        self.counts = counts
    }

    /// True when nothing needs to be sent or written.
    public var isEmpty: Bool { jobs.isEmpty && stateChanges.isEmpty }
}
