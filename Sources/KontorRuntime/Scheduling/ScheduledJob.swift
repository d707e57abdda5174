import KontorCore

/// One recurring piece of work the scheduler runs: a source sync or a
/// destination activation, named `source:<name>` / `destination:<name>`.
public struct ScheduledJob: Sendable {
    public var name: String
    public var schedule: Schedule
    /// The work itself; throwing marks the run failed (it is retried at the next slot).
    public var run: @Sendable () async throws -> Void

    public init(name: String, schedule: Schedule, run: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.schedule = schedule
        self.run = run
    }
}
