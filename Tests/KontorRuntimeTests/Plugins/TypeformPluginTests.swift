import Foundation
import KontorCore
import KontorTesting
import XCTest

@testable import KontorRuntime

/// `Plugins/typeform/plugin.yaml` against the Typeform emulator: `since` on every request, `sort`
/// on the first page only, `after=<last token>` paging, answers as track properties, chosen answers
/// as traits and consent.
final class TypeformPluginTests: XCTestCase {
    private var typeform: TypeformEmulator!
    private var pull: ShippedPluginPull!
    private let clock = RecordingClock.afterTheData()

    override func setUp() async throws {
        typeform = try await TypeformEmulator.start(dataSet: CustomerDataSet(seed: 41, count: 120), clock: clock.manual)
        pull = try await ShippedPluginPull(plugin: "typeform", source: "survey", baseURL: typeform.baseURL.absoluteString + "/", clock: clock)
    }

    override func tearDown() async throws {
        try await pull?.shutdown()
        await typeform?.stop()
    }

    private func config(token: String = "tfp_emulator") -> JSONValue {
        [
            "access_token": .string(token), "form_ids": ["kTf0rm01"], "page_size": 50,
            "trait_fields": ["favourite_sport": "favourite_sport", "interests": "preferences"],
            "consent_fields": ["newsletter": "email"],
        ]
    }

    func testFullPullOfSeveralPagesThenIncrementalPullsOnlyTheChanges() async throws {
        let first = try await pull.run(config())
        XCTAssertEqual(first.total.records, 120)
        XCTAssertEqual(first.total.pages, 3, "50 + 50 + 20")
        XCTAssertEqual(first.total.messages, 240, "an identify and a Form Submitted per response")
        let messages = try await pull.messages()
        XCTAssertEqual(MessageTally(messages), MessageTally(["identify": 120, "track:Form Submitted": 120, "consent": 120]))
        let subscribed = typeform.data.snapshot.people.filter { $0.emailConsent == .subscribed }.count
        XCTAssertEqual(messages.filter { $0.consentPreferences?["email"] == true }.count, subscribed, "newsletter yes grants e-mail consent")

        let person = try XCTUnwrap(typeform.data.snapshot.people.first)
        let identify = try XCTUnwrap(messages.first { $0.type == .identify && $0.traits["email"]?.stringValue == person.email })
        XCTAssertNotNil(identify.traits["favourite_sport"]?.stringValue, "a choice answer becomes a trait")
        XCTAssertNotNil(identify.traits["preferences"]?.arrayValue, "a choices answer becomes a list trait")
        XCTAssertEqual(identify.context["identifiers"]?["email"]?.stringValue, person.email)
        let track = try XCTUnwrap(messages.first { $0.type == .track && $0.anonymousId == identify.anonymousId })
        XCTAssertEqual(track.properties["answers"]?["email"]?.stringValue, person.email)
        XCTAssertEqual(track.properties["answers"]?["first_name"]?.stringValue, person.firstName)
        XCTAssertNotNil(track.properties["answers"]?["age"]?.intValue)
        XCTAssertEqual(track.properties["form_id"], "kTf0rm01")

        let requests = typeform.log.entries.map(\.target)
        XCTAssertTrue(requests[0].contains("sort=submitted_at") && requests[0].contains("since="), requests[0])
        XCTAssertTrue(requests[1].contains("after=") && !requests[1].contains("sort="), requests[1])
        XCTAssertTrue(typeform.log.violations.isEmpty, "\(typeform.log.violations)")

        let touched = typeform.data.touch(4, at: Date(timeIntervalSince1970: 1_760_000_000))
        let second = try await pull.run(config())
        XCTAssertEqual(second.total.messages, 2 * touched.count, "each re-submission is a new response: identify + track")
        XCTAssertEqual(second.total.records, touched.count, "since= the last submission second")
        XCTAssertEqual(second.cursors["responses"]?.values.first?["submitted_at"], "2025-10-09T08:53:20")
    }

    /// Typeform's 429 has no `Retry-After`: the plugin backs off exponentially, on the clock.
    func test429IsWaitedForOnTheClock() async throws {
        typeform.faults.add(FaultRule(.rateLimited, on: .requests([2]), endpoint: "responses"))
        let result = try await pull.run(config())
        XCTAssertEqual(result.total.records, 120)
        XCTAssertEqual(result.total.retries, 1)
        XCTAssertGreaterThanOrEqual(result.total.waits, 1)
        XCTAssertFalse(clock.waits.isEmpty)
        XCTAssertTrue(clock.waits.allSatisfy { $0 > 0 && $0 <= 1 }, "2 requests a second, backoff factor 1 s: \(clock.waits)")
        XCTAssertEqual(typeform.log.count(status: 429), 1)
    }

    func testServerErrorIsRetriedThenSucceeds() async throws {
        typeform.faults.add(FaultRule(.serverError(status: 500), on: .requests([1, 3]), endpoint: "responses"))
        let result = try await pull.run(config())
        XCTAssertEqual(result.total.records, 120)
        XCTAssertEqual(result.total.retries, 2)
    }

    func testUnauthorizedNamesTheSettingToCheck() async throws {
        let error = try await pull.failure(config(token: "tfp_wrong_secret"))
        XCTAssertEqual(error.request?.status, 401)
        XCTAssertEqual(error.failure, .configError)
        XCTAssertTrue(error.description.contains("Check access_token"), error.description)
        XCTAssertFalse(error.description.contains("tfp_wrong_secret"), error.description)
    }

    func testMalformedPageFailsWithoutAdvancingTheCursorThenResumes() async throws {
        typeform.faults.add(FaultRule(.truncatedBody, on: .requests([3]), endpoint: "responses", limit: 1))
        let error = try await pull.failure(config())
        XCTAssertEqual(error.kind, .malformedPage)
        let partition = try await pull.partitionKey("responses")
        let state = try await pull.state("responses", partition: try XCTUnwrap(partition))
        XCTAssertNil(state?["submitted_at"], "the cursor did not move")
        XCTAssertNotNil(state?["_resume"])

        let rerun = try await pull.run(config())
        XCTAssertEqual(rerun.total.messages, 40, "page 3 only: 20 responses, identify + track")
        XCTAssertEqual(rerun.total.duplicates, 0)
        let ids = Set(try await pull.messages().map(\.messageId))
        XCTAssertEqual(ids.count, 240)
    }
}
