import Foundation
import KontorCore
import KontorTesting
import XCTest

@testable import KontorRuntime

/// `Plugins/salesforce/plugin.yaml` against the Salesforce emulator: SOQL through `/query?q=`,
/// `nextRecordsUrl` until `done`, `Sforce-Query-Options: batchSize`, `SystemModstamp` incremental,
/// error bodies as JSON arrays. The plugin's own `http.base_url` template is used (from `instance_url`).
final class SalesforcePluginTests: XCTestCase {
    private var org: SalesforceEmulator!
    private var pull: ShippedPluginPull!
    private let clock = RecordingClock.afterTheData()

    private func start(count: Int = 450, configuration: SalesforceConfiguration = SalesforceConfiguration()) async throws {
        org = try await SalesforceEmulator.start(dataSet: CustomerDataSet(seed: 31, count: count), configuration: configuration, clock: clock.manual)
        pull = try await ShippedPluginPull(plugin: "salesforce", source: "crm", baseURL: nil, clock: clock)
    }

    override func tearDown() async throws {
        try await pull?.shutdown()
        await org?.stop()
    }

    private func config(token: String = "00Demulator!session") -> JSONValue {
        [
            "instance_url": .string(org.baseURL.absoluteString), "auth_type": "access_token", "access_token": .string(token),
            "batch_size": 200,
        ]
    }

    private func run() async throws -> PullResult {
        try await pull.run(config(), streams: ["contacts"])
    }

    func testFullPullOfSeveralPagesThenIncrementalPullsOnlyTheChanges() async throws {
        try await start()
        let first = try await run()
        XCTAssertEqual(first.total.records, 450)
        XCTAssertEqual(first.total.pages, 3, "batchSize=200: 200 + 200 + 50, then done: true")
        XCTAssertEqual(first.total.messages, 450)
        let optedOut = org.data.snapshot.people.filter { $0.emailConsent == .unsubscribed }.count
        let messages = try await pull.messages()
        XCTAssertEqual(MessageTally(messages), MessageTally(["identify": 450, "consent": optedOut]))
        let sample = try XCTUnwrap(messages.first { $0.consentPreferences != nil })
        XCTAssertEqual(sample.consentPreferences?["email"], false, "HasOptedOutOfEmail withdraws e-mail consent")
        XCTAssertEqual(sample.traits["salesforce_type"], "Contact")
        XCTAssertNil(sample.traits["attributes"])
        XCTAssertTrue(sample.userId?.hasPrefix("salesforce-003") == true)
        let queries = org.log.entries
        XCTAssertEqual(queries.map(\.endpoint), ["query", "query_more", "query_more"])
        XCTAssertTrue(queries[0].target.contains("SystemModstamp%20%3E%3D%202000-01-01T00%3A00%3A00Z"), queries[0].target)
        XCTAssertTrue(org.log.violations.isEmpty, "\(org.log.violations)")

        let firstCursor = try XCTUnwrap(first.cursors["contacts"]?[""]?["SystemModstamp"]?.stringValue)
        let touched = org.data.touch(5, at: Date(timeIntervalSince1970: 1_760_000_000))
        let second = try await run()
        XCTAssertEqual(second.total.messages, touched.count, "only the touched contacts are new")
        XCTAssertEqual(second.total.records, touched.count + 1, "SystemModstamp >= the cursor: the newest contact again, and the touched ones")
        XCTAssertEqual(second.total.duplicates, 1)
        XCTAssertEqual(second.cursors["contacts"]?[""]?["SystemModstamp"], "2025-10-09T08:53:20Z")
        let query = org.log.entries.last(where: { $0.endpoint == "query" })?.target ?? ""
        XCTAssertTrue(query.contains("SystemModstamp%20%3E%3D%20" + firstCursor.replacingOccurrences(of: ":", with: "%3A")), query)
    }

    func testLeadsAreIdentifiedAndConvertedLeadsAliasedToTheirContacts() async throws {
        try await start()
        let result = try await pull.run(config(), streams: ["contacts", "leads"])
        XCTAssertEqual(result.streams["contacts"]?.records, 450)
        XCTAssertEqual(result.streams["leads"]?.records, 450)
        let people = org.data.snapshot.people
        let converted = people.filter { $0.tags.contains("vip") }
        let optedOut = people.filter { $0.emailConsent == .unsubscribed }.count
        XCTAssertGreaterThan(converted.count, 0)
        let messages = try await pull.messages()
        XCTAssertEqual(MessageTally(messages), MessageTally(["identify": 900, "alias": converted.count, "consent": 2 * optedOut]))
        let person = try XCTUnwrap(converted.first)
        let alias = try XCTUnwrap(messages.first { $0.type == .alias && $0.userId == "salesforce-003\(String(format: "%012d", person.id))AAQ" })
        XCTAssertEqual(alias.previousId, "salesforce-00Q\(String(format: "%012d", person.id))AAQ")
        let lead = try XCTUnwrap(messages.first { $0.type == .identify && $0.userId == alias.previousId })
        XCTAssertEqual(lead.traits["salesforce_type"], "Lead")
        XCTAssertEqual(lead.traits["lead_status"], "Closed - Converted")
        XCTAssertNotNil(lead.traits["company"])
    }

    /// Salesforce does not throttle with 429: the plugin keeps to its own budget (5 requests a second),
    /// waited for on the clock, and the org's daily allowance ends the run as a transient failure.
    func testRequestBudgetIsWaitedForOnTheClockAndTheDailyLimitFailsTheRun() async throws {
        try await start(count: 1_300)
        let result = try await run()
        XCTAssertEqual(result.total.pages, 7)
        XCTAssertEqual(clock.waits.count, 1, "the sixth request within a second waits: \(clock.waits)")
        XCTAssertEqual(clock.waits.first ?? 0, 1, accuracy: 0.001)

        await org.stop()
        try await pull.shutdown()
        try await start(count: 450, configuration: SalesforceConfiguration(dailyRequestLimit: 2))
        let error = try await pull.failure(config(), streams: ["contacts"])
        XCTAssertEqual(error.request?.status, 403)
        XCTAssertEqual(error.failure, .transientError)
        XCTAssertTrue(error.description.contains("daily API request limit"), error.description)
        let stored = try await pull.state("contacts")
        XCTAssertNil(stored?["SystemModstamp"], "the cursor did not move")
    }

    func testServerErrorIsRetriedThenSucceeds() async throws {
        try await start()
        org.faults.add(FaultRule(.serverError(status: 503), on: .requests([1]), endpoint: "query"))
        org.faults.add(FaultRule(.serverError(status: 500), on: .requests([1]), endpoint: "query_more"))
        let result = try await run()
        XCTAssertEqual(result.total.records, 450)
        XCTAssertEqual(result.total.retries, 2)
    }

    func testUnauthorizedNamesTheSettingsToCheck() async throws {
        try await start()
        let error = try await pull.failure(config(token: "00Dwrong!secret-session"), streams: ["contacts"])
        XCTAssertEqual(error.request?.status, 401)
        XCTAssertEqual(error.failure, .configError)
        XCTAssertTrue(error.description.contains("INVALID_SESSION_ID"), error.description)
        XCTAssertTrue(error.description.contains("access_token"), error.description)
        XCTAssertTrue(error.description.contains("instance_url"), error.description)
        XCTAssertFalse(error.description.contains("00Dwrong!secret-session"), error.description)
    }

    /// With `auth_type: oauth2_refresh` (the default) a refused refresh token fails before any query.
    func testRefusedRefreshTokenFailsTheRunWithoutQuerying() async throws {
        try await start()
        let settings = org.configuration
        let config: JSONValue = [
            "instance_url": .string(org.baseURL.absoluteString), "login_url": .string(org.baseURL.absoluteString),
            "client_id": .string(settings.clientID), "client_secret": .string(settings.clientSecret),
            "refresh_token": "5Aep861revoked-secret",
        ]
        let error = try await pull.failure(config, streams: ["contacts"])
        XCTAssertEqual(error.failure, .configError)
        XCTAssertTrue(error.description.contains("invalid_grant"), error.description)
        XCTAssertFalse(error.description.contains("5Aep861revoked-secret"), error.description)
        XCTAssertFalse(error.description.contains(settings.clientSecret), error.description)
        XCTAssertEqual(org.log.count(endpoint: "query"), 0)
    }

    func testMalformedPageFailsWithoutAdvancingTheCursorThenResumes() async throws {
        try await start()
        org.faults.add(FaultRule(.truncatedBody, on: .requests([1]), endpoint: "query_more", limit: 1))
        let error = try await pull.failure(config(), streams: ["contacts"])
        XCTAssertEqual(error.kind, .malformedPage)
        let state = try await pull.state("contacts")
        XCTAssertNil(state?["SystemModstamp"], "the cursor did not move")
        XCTAssertEqual(state?["_resume"]?["page"]?["url"]?.stringValue?.contains("/query/01g"), true, "the checkpoint is the nextRecordsUrl")

        let rerun = try await run()
        XCTAssertEqual(rerun.total.messages, 250, "pages 2 and 3 only")
        XCTAssertEqual(rerun.total.duplicates, 0)
        let ids = Set(try await pull.messages().map(\.messageId))
        XCTAssertEqual(ids.count, 450)
    }
}
