import Foundation
import KontorCore
import XCTest

@testable import KontorTesting

final class HubSpotEmulatorTests: XCTestCase {
    private let auth = ["Authorization": "Bearer pat-emulator"]

    private func start(count: Int = 230, configuration: HubSpotConfiguration = .init(), clock: SteppingClock = SteppingClock()) async throws -> HubSpotEmulator {
        try await HubSpotEmulator.start(dataSet: CustomerDataSet(seed: 31, count: count), configuration: configuration, clock: clock)
    }

    func testAfterPagingYieldsEveryContactOnce() async throws {
        let crm = try await start()
        var after: String?
        var ids: [String] = []
        var pages = 0
        repeat {
            let url = crm.baseURL.absoluteString + "/crm/v3/objects/contacts?limit=100&properties=email,phone" + (after.map { "&after=\($0)" } ?? "")
            let reply = try await LoopbackClient.get(url, headers: auth)
            XCTAssertEqual(reply.status, 200)
            XCTAssertNotNil(reply.header("X-HubSpot-RateLimit-Remaining"))
            let results = reply.json["results"]?.arrayValue ?? []
            ids += results.compactMap { $0["id"]?.stringValue }
            XCTAssertNotNil(results.first?["properties"]?["email"]?.stringValue)
            XCTAssertNotNil(results.first?["properties"]?["lastmodifieddate"]?.stringValue)
            after = reply.json["paging"]?["next"]?["after"]?.stringValue
            pages += 1
        } while after != nil
        await crm.stop()
        XCTAssertEqual(pages, 3)
        XCTAssertEqual(ids.count, 230)
        XCTAssertEqual(Set(ids).count, 230)
    }

    func testLimitCapsAndAuthFailure() async throws {
        let crm = try await start(count: 5)
        let list = try await LoopbackClient.get(crm.baseURL.absoluteString + "/crm/v3/objects/contacts?limit=101", headers: auth)
        let search = try await LoopbackClient.post(crm.baseURL.absoluteString + "/crm/v3/objects/contacts/search", json: ["limit": 201], headers: auth)
        let unauthorized = try await LoopbackClient.get(crm.baseURL.absoluteString + "/crm/v3/objects/contacts", headers: ["Authorization": "Bearer wrong"])
        await crm.stop()
        XCTAssertEqual(list.status, 400)
        XCTAssertEqual(list.json["category"], "VALIDATION_ERROR")
        XCTAssertEqual(search.status, 400)
        XCTAssertEqual(crm.log.violations.map(\.kind), [.pageSize, .pageSize])
        XCTAssertEqual(unauthorized.status, 401)
        XCTAssertEqual(unauthorized.json["category"], "INVALID_AUTHENTICATION")
        XCTAssertEqual(unauthorized.json["status"], "error")
    }

    func testSearchByLastModifiedDateReturnsOnlyTouchedContactsSorted() async throws {
        let crm = try await start(count: 120, clock: SteppingClock())
        let set = crm.data.snapshot
        crm.data.touch(4, at: set.baseDate.addingTimeInterval(300))
        crm.data.touch(3, at: set.baseDate.addingTimeInterval(100))
        let expected = crm.data.snapshot.people.filter { $0.updatedAt >= set.baseDate }
            .sorted { ($0.updatedAt, $0.id) < ($1.updatedAt, $1.id) }.map { String(HubSpotRecords.idBase + $0.id) }
        let millis = String(EmulatorTimestamp.epochMilliseconds(set.baseDate))
        let body: JSONValue = [
            "filterGroups": [["filters": [["propertyName": "lastmodifieddate", "operator": "GTE", "value": .string(millis)]]]],
            "sorts": [["propertyName": "lastmodifieddate", "direction": "ASCENDING"]],
            "properties": ["email", "lastmodifieddate"], "limit": 5,
        ]
        let first = try await LoopbackClient.post(crm.baseURL.absoluteString + "/crm/v3/objects/contacts/search", json: body, headers: auth)
        var second = body.objectValue ?? [:]
        second["after"] = first.json["paging"]?["next"]?["after"] ?? .null
        let rest = try await LoopbackClient.post(crm.baseURL.absoluteString + "/crm/v3/objects/contacts/search", json: .object(second), headers: auth)
        await crm.stop()
        XCTAssertEqual(first.json["total"]?.intValue, expected.count)
        XCTAssertGreaterThanOrEqual(expected.count, 4)
        XCTAssertNil(first.header("X-HubSpot-RateLimit-Remaining"), "search sends no rate-limit headers")
        let results = (first.json["results"]?.arrayValue ?? []) + (rest.json["results"]?.arrayValue ?? [])
        let ids = results.compactMap { $0["id"]?.stringValue }
        XCTAssertEqual(ids, expected)
        let dates = results.compactMap { $0["properties"]?["lastmodifieddate"]?.stringValue }
        XCTAssertEqual(dates, dates.sorted())
        XCTAssertNil(rest.json["paging"])
    }

    func testSearchResultWindowAndFilterLimits() async throws {
        let crm = try await start(count: 60, configuration: HubSpotConfiguration(searchResultCap: 20, searchPerSecond: 100))
        let url = crm.baseURL.absoluteString + "/crm/v3/objects/contacts/search"
        let within = try await LoopbackClient.post(url, json: ["limit": 10, "after": "10"], headers: auth)
        let beyond = try await LoopbackClient.post(url, json: ["limit": 10, "after": "20"], headers: auth)
        let filter: JSONValue = ["propertyName": "email", "operator": "HAS_PROPERTY"]
        let tooMany = try await LoopbackClient.post(url, json: ["filterGroups": .array(Array(repeating: ["filters": [filter]], count: 6))], headers: auth)
        await crm.stop()
        XCTAssertEqual(within.status, 200)
        XCTAssertEqual(within.json["paging"]?["next"]?["after"], "20")
        XCTAssertEqual(beyond.status, 400)
        XCTAssertEqual(tooMany.status, 400)
        XCTAssertEqual(crm.log.violations.map(\.kind), [.resultWindow, .contract])
    }

    func testTenSecondlyLimitAnswers429WithPolicyName() async throws {
        let clock = SteppingClock()
        let crm = try await start(count: 3, configuration: HubSpotConfiguration(tenSecondlyLimit: 5, searchPerSecond: 2), clock: clock)
        let url = crm.baseURL.absoluteString + "/crm/v3/objects/contacts"
        var statuses: [Int] = []
        for _ in 1...5 { statuses.append(try await LoopbackClient.get(url, headers: auth).status) }
        let throttled = try await LoopbackClient.get(url, headers: auth)
        clock.advance(by: 10)
        let recovered = try await LoopbackClient.get(url, headers: auth)
        let search = crm.baseURL.absoluteString + "/crm/v3/objects/contacts/search"
        for _ in 1...2 { statuses.append(try await LoopbackClient.post(search, json: [:], headers: auth).status) }
        let searchThrottled = try await LoopbackClient.post(search, json: [:], headers: auth)
        await crm.stop()
        XCTAssertEqual(statuses, [200, 200, 200, 200, 200, 200, 200])
        XCTAssertEqual(throttled.status, 429)
        XCTAssertEqual(throttled.json["policyName"], "TEN_SECONDLY_ROLLING")
        XCTAssertEqual(throttled.json["errorType"], "RATE_LIMIT")
        XCTAssertNil(throttled.header("Retry-After"))
        XCTAssertEqual(recovered.status, 200)
        XCTAssertEqual(recovered.header("X-HubSpot-RateLimit-Remaining"), "4")
        XCTAssertEqual(searchThrottled.status, 429)
        XCTAssertEqual(searchThrottled.json["policyName"], "SECONDLY")
        XCTAssertEqual(crm.log.throttledResponses, 2)
    }
}
