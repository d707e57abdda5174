import Foundation
import KontorCore
import XCTest

@testable import KontorTesting

final class SalesforceEmulatorTests: XCTestCase {
    private let auth = ["Authorization": "Bearer 00Demulator!session", "Sforce-Query-Options": "batchSize=200"]

    private func start(count: Int = 450, configuration: SalesforceConfiguration = .init()) async throws -> SalesforceEmulator {
        try await SalesforceEmulator.start(dataSet: CustomerDataSet(seed: 41, count: count), configuration: configuration, clock: SteppingClock())
    }

    private func queryURL(_ org: SalesforceEmulator, _ soql: String) -> String {
        org.instanceURL.absoluteString + "/services/data/v59.0/query?q=" + QueryParameters.escape(soql)
    }

    func testNextRecordsUrlPagingYieldsEveryContactOnce() async throws {
        let org = try await start()
        var url: String? = queryURL(org, "SELECT Id, Email, SystemModstamp FROM Contact")
        var ids: [String] = []
        var sizes: [Int] = []
        while let next = url {
            let reply = try await LoopbackClient.get(next, headers: auth)
            XCTAssertEqual(reply.status, 200)
            XCTAssertEqual(reply.json["totalSize"]?.intValue, 450)
            let records = reply.json["records"]?.arrayValue ?? []
            sizes.append(records.count)
            ids += records.compactMap { $0["Id"]?.stringValue }
            XCTAssertEqual(records.first?["attributes"]?["type"], "Contact")
            url = reply.json["nextRecordsUrl"]?.stringValue.map { org.instanceURL.absoluteString + $0 }
            XCTAssertEqual(reply.json["done"]?.boolValue, url == nil)
        }
        await org.stop()
        XCTAssertEqual(sizes, [200, 200, 50])
        XCTAssertEqual(Set(ids).count, 450)
        XCTAssertTrue(ids.allSatisfy { $0.count == 18 && $0.hasPrefix("003") })
    }

    func testBatchSizeIsClampedToTheDocumentedRange() async throws {
        let org = try await start(count: 300)
        let small = try await LoopbackClient.get(queryURL(org, "SELECT Id FROM Contact"), headers: ["Authorization": "Bearer 00Demulator!session", "Sforce-Query-Options": "batchSize=10"])
        let none = try await LoopbackClient.get(queryURL(org, "SELECT Id FROM Contact"), headers: ["Authorization": "Bearer 00Demulator!session"])
        await org.stop()
        XCTAssertEqual(small.json["records"]?.arrayValue?.count, 200)
        XCTAssertEqual(none.json["records"]?.arrayValue?.count, 300)
        XCTAssertEqual(none.json["done"], true)
    }

    func testSystemModstampFilterReturnsOnlyTouchedContacts() async throws {
        let org = try await start(count: 100)
        let touched = org.data.touch(9)
        let since = EmulatorTimestamp.format(org.data.snapshot.baseDate, .zulu)
        let reply = try await LoopbackClient.get(
            queryURL(org, "SELECT Id, Email FROM Contact WHERE SystemModstamp > \(since) ORDER BY Id ASC"), headers: auth)
        await org.stop()
        let expected = org.data.snapshot.people.filter { touched.contains($0.id) }.map(SalesforceRecords.id)
        XCTAssertEqual(reply.json["records"]?.arrayValue?.compactMap { $0["Id"]?.stringValue }, expected)
        XCTAssertEqual(reply.json["totalSize"]?.intValue, 9)
        XCTAssertTrue(reply.header("Sforce-Limit-Info")?.hasPrefix("api-usage=") == true)
    }

    func testErrorsAreJSONArrays() async throws {
        let org = try await start(count: 3)
        let unauthorized = try await LoopbackClient.get(queryURL(org, "SELECT Id FROM Contact"), headers: ["Authorization": "Bearer nope"])
        let badField = try await LoopbackClient.get(queryURL(org, "SELECT Id, Colour FROM Contact"), headers: auth)
        let malformed = try await LoopbackClient.get(queryURL(org, "SELEC Id FROM Contact"), headers: auth)
        let badLocator = try await LoopbackClient.get(org.instanceURL.absoluteString + "/services/data/v59.0/query/01gNOPE-200", headers: auth)
        await org.stop()
        XCTAssertEqual(unauthorized.status, 401)
        XCTAssertEqual(unauthorized.json[0]?["errorCode"], "INVALID_SESSION_ID")
        XCTAssertEqual(unauthorized.json[0]?["message"], "Session expired or invalid")
        XCTAssertEqual(badField.status, 400)
        XCTAssertEqual(badField.json[0]?["errorCode"], "INVALID_FIELD")
        XCTAssertEqual(malformed.json[0]?["errorCode"], "MALFORMED_QUERY")
        XCTAssertEqual(badLocator.json[0]?["errorCode"], "INVALID_QUERY_LOCATOR")
    }

    func testDailyAllowanceAndThrottleFault() async throws {
        let org = try await start(count: 3, configuration: SalesforceConfiguration(dailyRequestLimit: 2))
        let url = queryURL(org, "SELECT Id FROM Contact")
        var statuses: [Int] = []
        for _ in 1...3 { statuses.append(try await LoopbackClient.get(url, headers: auth).status) }
        let last = try await LoopbackClient.get(url, headers: auth)
        await org.stop()
        XCTAssertEqual(statuses, [200, 200, 403])
        XCTAssertEqual(last.json[0]?["errorCode"], "REQUEST_LIMIT_EXCEEDED")
        XCTAssertEqual(org.log.throttledResponses, 2)
    }

    func testSOQLParsing() throws {
        let query = try SOQLQuery("select Id,Email , SystemModstamp from Contact where SystemModstamp>=2024-01-01T00:00:00Z and Email != 'a@b.c' order by SystemModstamp desc limit 10")
        XCTAssertEqual(query.fields, ["Id", "Email", "SystemModstamp"])
        XCTAssertEqual(query.object, "Contact")
        XCTAssertEqual(query.conditions, [
            .init(field: "SystemModstamp", operation: ">=", literal: "2024-01-01T00:00:00Z"),
            .init(field: "Email", operation: "!=", literal: "'a@b.c'"),
        ])
        XCTAssertEqual(query.orderBy, "SystemModstamp")
        XCTAssertTrue(query.descending)
        XCTAssertEqual(query.limit, 10)
        for bad in ["", "SELECT FROM Contact", "SELECT Id FROM Contact WHERE", "SELECT Id FROM Contact LIMIT x", "SELECT Id FROM Contact GROUP BY Id"] {
            XCTAssertThrowsError(try SOQLQuery(bad), bad)
        }
    }
}
