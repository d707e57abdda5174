import Foundation

/// One source in a ``StatusReport``: its plugin, schedule, last run and next run.
public struct SourceStatus: Codable, Sendable, Hashable {
    /// The `sources:` key in `connectors.yaml`.
    public var name: String
    public var plugin: String
    public var enabled: Bool
    /// The schedule as configured, e.g. `every 15m`, `cron 0 6 * * 1-5 (Europe/Berlin)`,
    /// `manual`; `nil` when none is set (inbound sources, or `kontor sync` only).
    public var schedule: String?
    /// The most recent pull (running or finished), or `nil` when it never ran.
    public var lastRun: RunSummary?
    /// When the scheduler runs it next, or `nil` when not scheduled (yet).
    public var nextRunAt: Date?

    public init(
        name: String, plugin: String, enabled: Bool = true, schedule: String? = nil, lastRun: RunSummary? = nil,
        nextRunAt: Date? = nil
    ) {
        self.name = name
        self.plugin = plugin
        self.enabled = enabled
        self.schedule = schedule
        self.lastRun = lastRun
        self.nextRunAt = nextRunAt
    }
}
