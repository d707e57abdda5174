import Foundation
import KontorCore
import KontorTesting
import XCTest

@testable import KontorRuntime

/// `Plugins/hubspot/plugin.yaml` against the HubSpot emulator: CRM search sorted by
/// `lastmodifieddate`, `after` paging in the JSON body, `limit` in the body, bearer auth,
/// 429 bodies with `policyName`.
final class HubSpotPluginTests: XCTestCase {
    private var hub: HubSpotEmulator!
    private var pull: ShippedPluginPull!
    private let clock = RecordingClock.afterTheData()

    private func start(count: Int = 120, configuration: HubSpotConfiguration = HubSpotConfiguration()) async throws {
        hub = try await HubSpotEmulator.start(dataSet: CustomerDataSet(seed: 21, count: count), configuration: configuration, clock: clock.manual)
        pull = try await ShippedPluginPull(plugin: "hubspot", source: "crm", baseURL: hub.baseURL.absoluteString + "/", clock: clock)
    }

    override func tearDown() async throws {
        try await pull?.shutdown()
        await hub?.stop()
    }

    private func config(token: String = "pat-emulator", pageSize: Int = 50) -> JSONValue {
        ["access_token": .string(token), "page_size": .int(pageSize)]
    }

    func testFullPullOfSeveralPagesThenIncrementalPullsOnlyTheChanges() async throws {
        try await start()
        let first = try await pull.run(config())
        XCTAssertEqual(first.total.records, 120)
        XCTAssertEqual(first.total.pages, 3, "50 + 50 + 20, the short page ends the search")
        XCTAssertEqual(first.total.messages, 120)
        let optedOut = hub.data.snapshot.people.filter { $0.emailConsent == .unsubscribed }.count
        XCTAssertGreaterThan(optedOut, 0)
        let messages = try await pull.messages()
        XCTAssertEqual(MessageTally(messages), MessageTally(["identify": 120, "consent": optedOut]))
        let sample = try XCTUnwrap(messages.first { $0.consentPreferences != nil })
        XCTAssertEqual(sample.consentPreferences?["email"], false, "hs_email_optout withdraws e-mail consent")
        XCTAssertTrue(sample.userId?.hasPrefix("hubspot-") == true)
        XCTAssertNotNil(sample.context["identifiers"]?["hubspot_id"])
        XCTAssertNotNil(sample.traits["email"])
        let searches = hub.log.entries.filter { $0.endpoint == "search" }
        XCTAssertEqual(searches.count, 3)
        XCTAssertTrue(hub.log.violations.isEmpty, "\(hub.log.violations)")

        let touched = hub.data.touch(6, at: Date(timeIntervalSince1970: 1_760_000_000))
        let second = try await pull.run(config())
        XCTAssertEqual(second.total.messages, touched.count, "only the touched contacts are new")
        XCTAssertEqual(second.total.records - second.total.duplicates, touched.count, "the one-minute lookback re-reads are dropped")
        XCTAssertEqual(second.cursors["contacts"]?[""]?["properties.lastmodifieddate"], .int(1_760_000_000_000), "epoch milliseconds")
    }

    func test429WithRetryAfterIsWaitedForOnTheClock() async throws {
        try await start(configuration: HubSpotConfiguration(retryAfterSeconds: 10))
        hub.faults.add(FaultRule(.rateLimited, on: .requests([2]), endpoint: "search"))
        let result = try await pull.run(config())
        XCTAssertEqual(result.total.records, 120)
        XCTAssertEqual(result.total.retries, 1)
        XCTAssertTrue(clock.waits.contains(10), "Retry-After: 10 waited on the manual clock: \(clock.waits)")
        XCTAssertEqual(hub.log.entries.filter { $0.status == 429 }.count, 1)
    }

    func testServerErrorIsRetriedThenSucceeds() async throws {
        try await start()
        hub.faults.add(FaultRule(.serverError(status: 502), on: .requests([1, 2]), endpoint: "search"))
        let result = try await pull.run(config())
        XCTAssertEqual(result.total.records, 120)
        XCTAssertEqual(result.total.retries, 2)
    }

    func testUnauthorizedNamesTheSettingToCheck() async throws {
        try await start()
        let error = try await pull.failure(config(token: "pat-wrong-secret-value"))
        XCTAssertEqual(error.request?.status, 401)
        XCTAssertEqual(error.failure, .configError)
        XCTAssertTrue(error.description.contains("Check access_token"), error.description)
        XCTAssertTrue(error.description.contains("INVALID_AUTHENTICATION"), error.description)
        XCTAssertFalse(error.description.contains("pat-wrong-secret-value"), error.description)
    }

    func testMalformedPageFailsWithoutAdvancingTheCursorThenResumes() async throws {
        try await start()
        hub.faults.add(FaultRule(.truncatedBody, on: .requests([2]), endpoint: "search", limit: 1))
        let error = try await pull.failure(config())
        XCTAssertEqual(error.kind, .malformedPage)
        let state = try await pull.state("contacts")
        XCTAssertNil(state?["properties.lastmodifieddate"], "the cursor did not move")
        XCTAssertNotNil(state?["_resume"], "page 1 is committed with a checkpoint")

        let rerun = try await pull.run(config())
        XCTAssertEqual(rerun.total.messages, 70, "pages 2 and 3 only")
        XCTAssertEqual(rerun.total.duplicates, 0)
        let ids = Set(try await pull.messages().map(\.messageId))
        XCTAssertEqual(ids.count, 120)
    }

    /// HubSpot serves at most 10,000 results of one search: the run stops before `after` reaches the cap
    /// (the emulator would answer 400), and the next run continues from the cursor.
    func testSearchResultCapEndsTheRunAndTheNextRunContinues() async throws {
        try await start(count: 10_150)
        let first = try await pull.run(config(pageSize: 200))
        XCTAssertEqual(first.total.records, 10_000)
        XCTAssertTrue(hub.log.violations.isEmpty, "\(hub.log.violations)")
        let second = try await pull.run(config(pageSize: 200))
        XCTAssertEqual(second.total.messages, 150, "the rest, from the last lastmodifieddate stored")
        let ids = Set(try await pull.messages().map(\.messageId))
        XCTAssertEqual(ids.count, 10_150)
    }
}
