import Foundation
import KontorRuntime
import KontorStore

/// Gathers an ``AdminStatus``: the ``StatusReporter``'s report (the same one
/// `kontor status` prints), recent errors and the personalisation cache's counters.
///
/// Shared by the admin API and the status page, so both show the same.
///
/// ```swift
/// let admin = AdminReporter(reporter: StatusReporter(deployment: deployment, store: store, clock: clock),
///                           cache: personalization.cache)
/// let status = try await admin.status()
/// ```
public struct AdminReporter: Sendable {
    /// How many recent errors the status shows.
    public static let recentErrorLimit = 20

    public let reporter: StatusReporter
    public let cache: PersonalizationCache?

    public init(reporter: StatusReporter, cache: PersonalizationCache? = nil) {
        self.reporter = reporter
        self.cache = cache
    }

    /// The store the reports read.
    public var store: any StatusReporter.Store { reporter.store }

    /// Everything at once.
    public func status() async throws -> AdminStatus {
        AdminStatus(
            report: try await reporter.report(),
            recentErrors: try await RecentError.read(from: store, limit: Self.recentErrorLimit),
            personalization: cache?.statistics)
    }
}
