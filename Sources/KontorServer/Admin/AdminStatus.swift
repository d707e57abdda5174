import Foundation
import KontorRuntime

/// What the admin API's `/admin/api/status` and the status page show: the
/// ``StatusReport`` of `kontor status` (sources, destinations, segments,
/// profiles, store), plus recent errors and the personalisation cache.
///
/// Encoded as the report's JSON object with two more keys, `recentErrors`
/// and `personalization`, so a client of `kontor status --json` reads it unchanged.
public struct AdminStatus: Encodable, Sendable, Hashable {
    public var report: StatusReport
    /// Newest first.
    public var recentErrors: [RecentError]
    /// `nil` when the server has no personalisation API.
    public var personalization: PersonalizationCache.Statistics?

    public init(report: StatusReport, recentErrors: [RecentError] = [], personalization: PersonalizationCache.Statistics? = nil) {
        self.report = report
        self.recentErrors = recentErrors
        self.personalization = personalization
    }

    private enum CodingKeys: String, CodingKey {
        case recentErrors, personalization
    }

    public func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(recentErrors, forKey: .recentErrors)
        try container.encodeIfPresent(personalization, forKey: .personalization)
    }
}
