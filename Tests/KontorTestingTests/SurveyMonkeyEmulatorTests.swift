import Foundation
import KontorCore
import XCTest

@testable import KontorTesting

final class SurveyMonkeyEmulatorTests: XCTestCase {
    private let auth = ["Authorization": "Bearer sm_emulator"]

    private func start(count: Int = 230, configuration: SurveyMonkeyConfiguration = .init(), clock: SteppingClock = SteppingClock()) async throws -> SurveyMonkeyEmulator {
        try await SurveyMonkeyEmulator.start(dataSet: CustomerDataSet(seed: 61, count: count), configuration: configuration, clock: clock)
    }

    private func bulk(_ survey: SurveyMonkeyEmulator, _ query: String = "") -> String {
        survey.baseURL.absoluteString + "/v3/surveys/400123456/responses/bulk?" + query
    }

    func testLinksNextPagingYieldsEveryResponseOnce() async throws {
        let survey = try await start()
        var url: String? = bulk(survey, "per_page=100&sort_order=ASC")
        var ids: [String] = []
        var pages = 0
        while let next = url {
            let reply = try await LoopbackClient.get(next, headers: auth)
            XCTAssertEqual(reply.status, 200)
            XCTAssertEqual(reply.json["total"]?.intValue, 230)
            ids += reply.json["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            XCTAssertNotNil(reply.header("X-Ratelimit-App-Global-Minute-Remaining"))
            url = reply.json["links"]?["next"]?.stringValue
            pages += 1
        }
        await survey.stop()
        XCTAssertEqual(pages, 3)
        XCTAssertEqual(ids.count, 230)
        XCTAssertEqual(Set(ids).count, 230)
    }

    func testPerPageCapAndAuthFailure() async throws {
        let survey = try await start(count: 3)
        let tooBig = try await LoopbackClient.get(bulk(survey, "per_page=101"), headers: auth)
        let unauthorized = try await LoopbackClient.get(bulk(survey), headers: ["Authorization": "Bearer x"])
        await survey.stop()
        XCTAssertEqual(tooBig.status, 400)
        XCTAssertEqual(tooBig.json["error"]?["http_status_code"], 400)
        XCTAssertEqual(unauthorized.status, 401)
        XCTAssertEqual(unauthorized.json["error"]?["id"], "1011")
        XCTAssertEqual(survey.log.violations.map(\.kind), [.pageSize])
    }

    func testStartModifiedAtReturnsOnlyTouchedResponses() async throws {
        let survey = try await start(count: 90)
        let touched = survey.data.touch(8)
        let since = EmulatorTimestamp.format(survey.data.snapshot.baseDate, .local)
        let reply = try await LoopbackClient.get(bulk(survey, "start_modified_at=\(since)&sort_by=date_modified&sort_order=ASC"), headers: auth)
        await survey.stop()
        let customers = reply.json["data"]?.arrayValue?.compactMap { $0["custom_variables"]?["customer_id"]?.stringValue } ?? []
        XCTAssertEqual(Set(customers), Set(touched.map(String.init)))
        XCTAssertEqual(reply.json["total"]?.intValue, 8)
        XCTAssertNil(reply.json["links"]?["next"])
    }

    func testPerMinuteLimitAnswers429WithHeaders() async throws {
        let clock = SteppingClock()
        let survey = try await start(count: 2, configuration: SurveyMonkeyConfiguration(perMinuteLimit: 3), clock: clock)
        var statuses: [Int] = []
        for _ in 1...3 { statuses.append(try await LoopbackClient.get(bulk(survey), headers: auth).status) }
        let throttled = try await LoopbackClient.get(bulk(survey), headers: auth)
        clock.advance(by: 60)
        statuses.append(try await LoopbackClient.get(bulk(survey), headers: auth).status)
        await survey.stop()
        XCTAssertEqual(statuses, [200, 200, 200, 200])
        XCTAssertEqual(throttled.status, 429)
        XCTAssertEqual(throttled.json["error"]?["id"], "1040")
        XCTAssertEqual(throttled.header("X-Ratelimit-App-Global-Minute-Remaining"), "0")
        XCTAssertEqual(throttled.header("X-Ratelimit-App-Global-Minute-Reset"), "60")
    }
}
