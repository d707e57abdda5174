import Foundation
import KontorCore
import KontorTesting

/// A destination emulator `kontor bench deliver` delivers to, with the documented limits the
/// throughput ceiling follows from: records per request × requests in flight ÷ the time a
/// request takes (the emulator's `latency`), and the platform's request budget where it has one.
struct BenchDeliverTarget: Sendable {
    var name: String
    var plugin: String
    var action: String
    var mapping: JSONValue
    var config: [String: JSONValue]
    var baseURL: String?
    /// Records per request (the documented maximum, as the plugin's `batch.size`).
    var batchSize: Int
    /// Requests in flight at once (the documented cap, as the plugin's `http.concurrency`).
    var concurrency: Int
    /// What the documented limits allow, in records per second.
    var ceilingPerSecond: Double
    /// What the ceiling is made of, for the report.
    var ceilingText: String
    var emulator: any DestinationEmulator
    /// Members the emulator's audience holds now.
    var audienceCount: @Sendable () -> Int

    /// Mailchimp: 500 members per batch request, 10 simultaneous connections (`api_facts.md` §8).
    static func mailchimp(latency: Double) async throws -> BenchDeliverTarget {
        let emulator = try await MailchimpEmulator.start()
        emulator.knobs.latency = latency
        let audience = emulator.audience
        let ceiling = 500.0 * 10 / latency
        return BenchDeliverTarget(
            name: "mailchimp", plugin: "mailchimp", action: "members",
            mapping: ["email_address": "$.traits.email", "merge_fields": ["FNAME": "$.traits.first_name", "LNAME": "$.traits.last_name"]],
            config: emulator.pluginConfig.objectValue ?? [:], baseURL: emulator.apiBaseURL, batchSize: 500, concurrency: 10,
            ceilingPerSecond: ceiling,
            ceilingText: "500 members/request × 10 connections ÷ \(latency) s per request = \(Int(ceiling)) members/s",
            emulator: emulator, audienceCount: { audience.members.count })
    }

    /// Meta: 10,000 rows per request (`api_facts.md` §12); the plugin sends 4 at once and
    /// budgets 300 requests an hour (the business-use-case quota is account-specific [U]).
    static func meta(latency: Double) async throws -> BenchDeliverTarget {
        let emulator = try await MetaAudienceEmulator.start()
        emulator.knobs.latency = latency
        let audience = emulator.audience
        let ceiling = 10_000.0 * 4 / latency
        return BenchDeliverTarget(
            name: "meta", plugin: "meta_custom_audiences", action: "audience_members",
            mapping: ["email": "$.traits.email", "phone": "$.traits.phone", "first_name": "$.traits.first_name", "last_name": "$.traits.last_name"],
            config: emulator.pluginConfig.objectValue ?? [:], batchSize: 10_000, concurrency: 4, ceilingPerSecond: ceiling,
            ceilingText: "10,000 rows/request × 4 in flight ÷ \(latency) s per request = \(Int(ceiling)) rows/s (bursts; sustained, the 300 requests/h budget allows 833 rows/s)",
            emulator: emulator, audienceCount: { audience.count })
    }
}
