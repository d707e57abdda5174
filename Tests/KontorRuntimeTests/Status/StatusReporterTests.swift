import Foundation
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorStore
import KontorTesting
import XCTest

/// ``StatusReporter`` against an in-memory SQLite store with a manual clock: last and
/// next runs, queue counts and delivery totals, segment sizes, profiles, the store; and
/// the JSON form that the CLI and the admin API share.
final class StatusReporterTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_790_000_000)

    private func deployment() -> Deployment {
        Deployment(
            store: "sqlite::memory:",
            sources: [
                "shop": SourceConfig(plugin: "shopify", schedule: .every("15m", jitter: nil)),
                "survey": SourceConfig(plugin: "typeform", schedule: .cron("0 6 * * 1-5", timezone: "Europe/Berlin", jitter: nil)),
                "popup": SourceConfig(plugin: "form", enabled: false),
            ],
            segments: ["fans": SegmentDefinition(whereRule: "true"), "empty": SegmentDefinition(whereRule: "false")],
            destinations: [
                "newsletter": DestinationConfig(
                    plugin: "mailchimp", action: "members", mode: .mirror, segments: ["fans"], consent: "email"),
            ])
    }

    private func store() async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        return store
    }

    func testReportGathersRunsSchedulesQueueSegmentsAndStore() async throws {
        let store = try await store()
        let clock = ManualClock(now: start)
        // Runs: shop succeeded, then a delivery run under the same name must not hide it; survey failed.
        let shop = try await store.startRun(kind: .sync, name: "shop", at: start)
        try await store.finishRun(shop, status: .succeeded, counts: ["records": 120, "messages": 118, "pages": 3], error: nil,
                                  at: start.addingTimeInterval(5))
        _ = try await store.startRun(kind: .delivery, name: "shop", at: start.addingTimeInterval(6))
        let survey = try await store.startRun(kind: .sync, name: "survey", at: start)
        try await store.finishRun(survey, status: .failed, counts: [:], error: "HTTP 401 from GET /forms", at: start.addingTimeInterval(1))
        try await store.setNextRun(name: "source:shop", at: start.addingTimeInterval(900))
        // Queue: three jobs, one delivered, one dead, one pending.
        let jobs = ["p1", "p2", "p3"].map { id -> PlannedJob in
            let payload: JSONValue = ["email_address": .string("\(id)@example.com")]
            return PlannedJob(destination: "newsletter", profileID: id, operation: .add, payload: payload, payloadHash: PayloadHash.of(payload))
        }
        _ = try await store.commitPlan(destination: "newsletter", now: start) { _ in
            ActivationPlan(destination: "newsletter", jobs: jobs, stateChanges: [])
        }
        let claimed = try await store.claim(destination: "newsletter", owner: "w", limit: 2, leaseFor: 60, now: start)
        _ = try await store.settle(
            [.done(claimed[0].id), OutboxSettlement(jobID: claimed[1].id, decision: .deadLetter(reason: "rejected"))],
            owner: "w", now: start.addingTimeInterval(7))
        // Profiles and a segment member.
        let start = self.start
        try await store.profileTransaction { transaction in
            for id in ["a", "b"] { try transaction.saveProfile(StoredProfile(id: id, createdAt: start, updatedAt: start)) }
            try transaction.applyMembershipChanges([
                MembershipChange(segment: "fans", profile: "a", direction: .entered, reason: .ruleMatched, at: start),
            ])
        }
        clock.advance(by: 60)

        let report = try await StatusReporter(deployment: deployment(), store: store, clock: clock).report()

        XCTAssertEqual(report.generatedAt, start.addingTimeInterval(60))
        XCTAssertEqual(report.sources.map(\.name), ["popup", "shop", "survey"])
        let byName = Dictionary(uniqueKeysWithValues: report.sources.map { ($0.name, $0) })
        XCTAssertEqual(byName["shop"]?.lastRun, RunSummary(
            startedAt: start, finishedAt: start.addingTimeInterval(5), result: "succeeded", records: 120, messages: 118,
            counts: ["records": 120, "messages": 118, "pages": 3]))
        XCTAssertEqual(byName["shop"]?.nextRunAt, start.addingTimeInterval(900))
        XCTAssertEqual(byName["shop"]?.schedule, "every 15m")
        XCTAssertEqual(byName["survey"]?.lastRun?.result, "failed")
        XCTAssertEqual(byName["survey"]?.lastRun?.error, "HTTP 401 from GET /forms")
        XCTAssertEqual(byName["survey"]?.schedule, "cron 0 6 * * 1-5 (Europe/Berlin)")
        XCTAssertNil(byName["survey"]?.nextRunAt)
        XCTAssertEqual(byName["popup"]?.enabled, false)
        XCTAssertNil(byName["popup"]?.lastRun)
        XCTAssertNil(byName["popup"]?.schedule)

        XCTAssertEqual(report.destinations, [DestinationStatus(
            name: "newsletter", plugin: "mailchimp", mode: "mirror", segments: ["fans"], pending: 1, dead: 1, delivered: 1,
            lastDeliveryAt: start.addingTimeInterval(7), oldestPendingAt: start)])
        XCTAssertEqual(report.segments, [SegmentStatus(name: "empty", size: 0), SegmentStatus(name: "fans", size: 1)])
        XCTAssertEqual(report.profiles, 2)
        XCTAssertEqual(report.store.engine, "sqlite")
        XCTAssertEqual(report.store.url, "sqlite::memory:")
        XCTAssertEqual(report.store.schemaVersion, SQLiteStore.knownMigrations.count)
        XCTAssertEqual(report.store.pendingMigrations, [])
        XCTAssertGreaterThan(report.store.sizeBytes ?? 0, 0)
    }

    func testJSONRoundTripsWithISODates() throws {
        let report = StatusReport(
            generatedAt: start,
            sources: [SourceStatus(name: "shop", plugin: "shopify", schedule: "every 15m",
                                   lastRun: RunSummary(startedAt: start, result: "running"), nextRunAt: start)],
            destinations: [DestinationStatus(name: "ads", plugin: "meta_custom_audiences", mode: "mirror")],
            segments: [SegmentStatus(name: "fans", size: 3)], profiles: 7,
            store: StoreStatus(url: "postgres://kontor:***@db/kontor", engine: "postgres", location: "db/kontor"))
        let data = try StatusReport.encoder().encode(report)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"generatedAt\" : \"2026-09-21T"), text)
        XCTAssertFalse(text.contains("lastDeliveryAt"), "absent values are left out")
        XCTAssertEqual(try StatusReport.decoder().decode(StatusReport.self, from: data), report)
    }

    func testPasswordsOfTheStoreURLAreHidden() async throws {
        var deployment = deployment()
        deployment.store = "postgres://kontor:s3cret@db.example:5432/kontor"
        let report = try await StatusReporter(deployment: deployment, store: try await store(), clock: ManualClock(now: start))
            .report()
        XCTAssertEqual(report.store.url, "postgres://kontor:***@db.example/kontor")
        XCTAssertFalse(String(decoding: try StatusReport.encoder().encode(report), as: UTF8.self).contains("s3cret"))
    }
}
