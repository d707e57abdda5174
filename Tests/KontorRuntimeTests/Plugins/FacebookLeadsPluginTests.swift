import Foundation
import KontorCore
import KontorTesting
import XCTest

@testable import KontorRuntime

/// `Plugins/facebook_leads/plugin.yaml` against the Meta lead-ads emulator: `/{form_id}/leads` newest
/// first, `paging.cursors.after` until `paging.next` is gone, `filtering` on `time_created`, Graph error
/// bodies, and throttling as a Graph error code in an HTTP 400 (not a 429).
final class FacebookLeadsPluginTests: XCTestCase {
    private var meta: MetaLeadAdsEmulator!
    private var pull: ShippedPluginPull!
    private let clock = RecordingClock.afterTheData()
    private let formID = MetaLeadAdsConfiguration().formID

    override func setUp() async throws {
        meta = try await MetaLeadAdsEmulator.start(dataSet: CustomerDataSet(seed: 61, count: 120), clock: clock.manual)
        pull = try await ShippedPluginPull(plugin: "facebook_leads", source: "leads", baseURL: meta.baseURL.absoluteString + "/v26.0/", clock: clock)
    }

    override func tearDown() async throws {
        try await pull?.shutdown()
        await meta?.stop()
    }

    private func config(token: String = "EAAemulator") -> JSONValue {
        [
            "access_token": .string(token), "form_ids": [.string(formID)], "page_size": 50,
            "trait_fields": ["which_product_are_you_interested_in?": "preferences"],
            "consent_checkboxes": ["newsletter_optin": "email"],
        ]
    }

    func testFullPullOfSeveralPagesThenIncrementalPullsOnlyTheChanges() async throws {
        let first = try await pull.run(config())
        XCTAssertEqual(first.total.records, 120)
        XCTAssertEqual(first.total.pages, 3, "50 + 50 + 20, the last without paging.next")
        XCTAssertEqual(first.total.messages, 240, "an identify and a Lead Submitted per lead")
        let subscribed = meta.data.snapshot.people.filter { $0.emailConsent == .subscribed }
        let messages = try await pull.messages()
        XCTAssertEqual(MessageTally(messages), MessageTally([
            "identify": 120, "track:Lead Submitted": 120, "consent": subscribed.count,
        ]), "a ticked newsletter box grants e-mail consent; an unticked one changes nothing")

        let person = try XCTUnwrap(subscribed.first)
        let identify = try XCTUnwrap(messages.first { $0.type == .identify && $0.traits["email"]?.stringValue == person.email })
        XCTAssertEqual(identify.consentPreferences?["email"], true)
        XCTAssertEqual(identify.traits["name"]?.stringValue, person.fullName)
        XCTAssertNotNil(identify.traits["preferences"]?.stringValue, "a custom question's answer becomes a trait")
        XCTAssertNotNil(identify.context["identifiers"]?["meta_lead_id"])
        let track = try XCTUnwrap(messages.first { $0.type == .track && $0.anonymousId == identify.anonymousId })
        XCTAssertEqual(track.properties["form_id"]?.stringValue, formID)
        XCTAssertEqual(track.properties["answers"]?["email"]?.stringValue, person.email)
        XCTAssertNotNil(track.properties["campaign_id"]?.stringValue)

        let targets = meta.log.entries.map(\.target)
        XCTAssertTrue(targets[0].contains("filtering=") && targets[0].contains("limit=50"), targets[0])
        XCTAssertTrue(targets[1].contains("after="), targets[1])
        XCTAssertTrue(meta.log.violations.isEmpty, "\(meta.log.violations)")

        let touched = meta.data.touch(5, at: Date(timeIntervalSince1970: 1_760_000_000))
        let second = try await pull.run(config())
        XCTAssertEqual(second.total.messages, 2 * touched.count, "each new lead (a new submission, a new id): identify + track")
        XCTAssertEqual(second.total.records, touched.count + 1, "time_created > the cursor − 1 s: the newest lead again, and the new ones")
        XCTAssertEqual(second.total.duplicates, 2)
        XCTAssertEqual(second.cursors["leads"]?.values.first?["created_time"], 1_760_000_000)
    }

    /// Graph throttles with HTTP 400 and error code 4, without a wait: the plugin classifies it as
    /// rate-limited and backs off (factor 30 s), on the clock.
    func testGraphThrottlingIsWaitedForOnTheClock() async throws {
        meta.faults.add(FaultRule(.rateLimited, on: .requests([2]), endpoint: "leads"))
        let result = try await pull.run(config())
        XCTAssertEqual(result.total.records, 120)
        XCTAssertEqual(result.total.retries, 1)
        XCTAssertEqual(clock.waits.count, 1, "\(clock.waits)")
        XCTAssertTrue(clock.waits.allSatisfy { $0 > 0 && $0 <= 30 }, "\(clock.waits)")
        XCTAssertEqual(meta.log.entries.filter(\.throttled).count, 1)
    }

    func testServerErrorIsRetriedThenSucceeds() async throws {
        meta.faults.add(FaultRule(.serverError(status: 500), on: .requests([1, 2]), endpoint: "leads"))
        let result = try await pull.run(config())
        XCTAssertEqual(result.total.records, 120)
        XCTAssertEqual(result.total.retries, 2)
    }

    func testInvalidTokenNamesTheSettingToCheck() async throws {
        let error = try await pull.failure(config(token: "EAAwrong-secret-token"))
        XCTAssertEqual(error.request?.status, 400, "Graph answers a bad token with 400 and code 190")
        XCTAssertEqual(error.failure, .configError)
        XCTAssertTrue(error.description.contains("Check access_token"), error.description)
        XCTAssertFalse(error.description.contains("EAAwrong-secret-token"), error.description)
    }

    func testMalformedPageFailsWithoutAdvancingTheCursorThenResumes() async throws {
        meta.faults.add(FaultRule(.truncatedBody, on: .requests([2]), endpoint: "leads", limit: 1))
        let error = try await pull.failure(config())
        XCTAssertEqual(error.kind, .malformedPage)
        let partition = try await pull.partitionKey("leads")
        let state = try await pull.state("leads", partition: try XCTUnwrap(partition))
        XCTAssertNil(state?["created_time"], "the cursor did not move")
        XCTAssertNotNil(state?["_resume"])

        let rerun = try await pull.run(config())
        XCTAssertEqual(rerun.total.messages, 140, "pages 2 and 3 only: 70 leads, identify + track")
        XCTAssertEqual(rerun.total.duplicates, 0)
        let ids = Set(try await pull.messages().map(\.messageId))
        XCTAssertEqual(ids.count, 240)
    }
}
