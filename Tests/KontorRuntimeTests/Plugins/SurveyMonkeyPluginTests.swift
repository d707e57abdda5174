import Foundation
import KontorCore
import XCTest

@testable import KontorRuntime
@testable import KontorTesting

/// `Plugins/surveymonkey/plugin.yaml` against the SurveyMonkey emulator: the bulk responses endpoint,
/// `links.next` paging, `start_modified_at` incremental, partial responses filtered out, answers as
/// properties, chosen answers as traits and consent, and the `X-Ratelimit-App-Global-*` limits.
final class SurveyMonkeyPluginTests: XCTestCase {
    private var surveys: SurveyMonkeyEmulator!
    private var pull: ShippedPluginPull!
    private let clock = RecordingClock.afterTheData()
    private let surveyID = SurveyMonkeyConfiguration().surveyID

    private func start(configuration: SurveyMonkeyConfiguration = SurveyMonkeyConfiguration()) async throws {
        surveys = try await SurveyMonkeyEmulator.start(dataSet: CustomerDataSet(seed: 51, count: 120), configuration: configuration, clock: clock.manual)
        pull = try await ShippedPluginPull(plugin: "surveymonkey", source: "surveys", baseURL: surveys.baseURL.absoluteString + "/v3/", clock: clock)
    }

    override func tearDown() async throws {
        try await pull?.shutdown()
        await surveys?.stop()
    }

    private func config(token: String = "sm_emulator") -> JSONValue {
        [
            "access_token": .string(token), "survey_ids": [.string(surveyID)], "page_size": 50, "user_id_variable": "customer_id",
            "choice_labels": ["441000000": "Running", "441000001": "Coffee", "441100001": "Yes", "441100002": "No"],
            "trait_questions": ["661000001": "preferences"],
            "consent_questions": ["661000004": "email"],
        ]
    }

    /// Ids of the generated people whose response is completed (the rest are partial).
    private func completed() -> [Person] {
        let set = surveys.data.snapshot
        return set.people.filter {
            SurveyMonkeyRecords.response($0, surveyID: surveyID, seed: set.seed, origin: "")["response_status"] == "completed"
        }
    }

    func testFullPullOfSeveralPagesThenIncrementalPullsOnlyTheChanges() async throws {
        try await start()
        let completed = completed()
        XCTAssertLessThan(completed.count, 120, "the data set holds partial responses")
        let first = try await pull.run(config())
        XCTAssertEqual(first.total.pages, 3, "per_page=50: 50 + 50 + 20, then no links.next")
        XCTAssertEqual(first.total.records, completed.count, "partial responses are left out")
        XCTAssertEqual(first.total.messages, 2 * completed.count)
        let messages = try await pull.messages()
        XCTAssertEqual(MessageTally(messages), MessageTally([
            "identify": completed.count, "track:Survey Completed": completed.count, "consent": completed.count,
        ]))
        let subscribed = completed.filter { $0.emailConsent == .subscribed }.count
        XCTAssertEqual(messages.filter { $0.consentPreferences?["email"] == true }.count, subscribed, "Yes grants e-mail consent")
        XCTAssertEqual(messages.filter { $0.consentPreferences?["email"] == false }.count, completed.count - subscribed)

        let person = try XCTUnwrap(completed.first)
        let identify = try XCTUnwrap(messages.first { $0.type == .identify && $0.userId == String(person.id) })
        XCTAssertEqual(identify.traits["email"]?.stringValue, person.email)
        XCTAssertNotNil(identify.traits["preferences"], "the category question becomes a trait")
        let track = try XCTUnwrap(messages.first { $0.type == .track && $0.userId == String(person.id) })
        XCTAssertNotNil(track.properties["answers"]?["661000003"]?.stringValue, "a free-text answer")
        XCTAssertEqual(track.properties["survey_id"]?.stringValue, surveyID)

        let targets = surveys.log.entries.map(\.target)
        XCTAssertTrue(targets[0].contains("start_modified_at=2010-01-01T00%3A00%3A00") || targets[0].contains("start_modified_at=2010-01-01T00:00:00"), targets[0])
        XCTAssertTrue(targets[1].contains("page=2"), targets[1])
        XCTAssertTrue(surveys.log.violations.isEmpty, "\(surveys.log.violations)")

        let touched = Set(surveys.data.touch(8, at: Date(timeIntervalSince1970: 1_760_000_000)))
        let touchedCompleted = completed.filter { touched.contains($0.id) }.count
        let second = try await pull.run(config())
        XCTAssertTrue((touchedCompleted...touchedCompleted + 1).contains(second.total.records),
                      "start_modified_at = the cursor (inclusive): the edited responses, and the newest one again if completed")
        XCTAssertEqual(second.total.messages, touchedCompleted, "a new identify each; Survey Completed once per response")
        XCTAssertEqual(second.cursors["responses"]?.values.first?["date_modified"], "2025-10-09T08:53:20")
    }

    /// Over the minute's quota the API answers 429 with `X-Ratelimit-App-Global-Minute-Reset`: waited for on the clock.
    func test429WithTheMinuteResetHeaderIsWaitedForOnTheClock() async throws {
        try await start(configuration: SurveyMonkeyConfiguration(perMinuteLimit: 2))
        let result = try await pull.run(config())
        XCTAssertEqual(result.total.pages, 3)
        XCTAssertEqual(result.total.retries, 1)
        XCTAssertEqual(clock.waits, [60], "the third request in the same minute waits until the minute resets")
        XCTAssertEqual(surveys.log.count(status: 429), 1)
    }

    func testUsedUpDailyQuotaFailsTheRunAsTransient() async throws {
        try await start(configuration: SurveyMonkeyConfiguration(perDayLimit: 1))
        let error = try await pull.failure(config())
        XCTAssertEqual(error.request?.status, 429)
        XCTAssertEqual(error.failure, .transientError)
        XCTAssertTrue(error.description.contains("daily request quota"), error.description)
        XCTAssertTrue(clock.waits.isEmpty, "no point waiting a day: \(clock.waits)")
    }

    func testServerErrorIsRetriedThenSucceeds() async throws {
        try await start()
        surveys.faults.add(FaultRule(.serverError(status: 503), on: .requests([2, 3]), endpoint: "responses_bulk"))
        let result = try await pull.run(config())
        XCTAssertEqual(result.total.records, completed().count)
        XCTAssertEqual(result.total.retries, 2)
    }

    func testUnauthorizedNamesTheSettingToCheck() async throws {
        try await start()
        let error = try await pull.failure(config(token: "sm_wrong_secret"))
        XCTAssertEqual(error.request?.status, 401)
        XCTAssertEqual(error.failure, .configError)
        XCTAssertTrue(error.description.contains("Check access_token"), error.description)
        XCTAssertTrue(error.description.contains("1011"), error.description)
        XCTAssertFalse(error.description.contains("sm_wrong_secret"), error.description)
    }

    func testMalformedPageFailsWithoutAdvancingTheCursorThenResumes() async throws {
        try await start()
        surveys.faults.add(FaultRule(.truncatedBody, on: .requests([2]), endpoint: "responses_bulk", limit: 1))
        let error = try await pull.failure(config())
        XCTAssertEqual(error.kind, .malformedPage)
        let partition = try await pull.partitionKey("responses")
        let state = try await pull.state("responses", partition: try XCTUnwrap(partition))
        XCTAssertNil(state?["date_modified"], "the cursor did not move")
        XCTAssertEqual(state?["_resume"]?["page"]?["url"]?.stringValue?.contains("page=2"), true)

        let rerun = try await pull.run(config())
        XCTAssertEqual(rerun.total.duplicates, 0)
        let ids = Set(try await pull.messages().map(\.messageId))
        XCTAssertEqual(ids.count, 2 * completed().count, "every response once")
    }
}
