import Foundation

/// The persisted state of one schedule: when it runs next, and who holds its lease.
public struct ScheduleState: Sendable, Hashable {
    /// The schedule's name, e.g. `source:shop` or `destination:newsletter`.
    public var name: String
    public var nextRunAt: Date?
    public var leaseOwner: String?
    public var leaseUntil: Date?

    public init(name: String, nextRunAt: Date? = nil, leaseOwner: String? = nil, leaseUntil: Date? = nil) {
        self.name = name
        self.nextRunAt = nextRunAt
        self.leaseOwner = leaseOwner
        self.leaseUntil = leaseUntil
    }
}
