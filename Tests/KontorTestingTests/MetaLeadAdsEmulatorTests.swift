import Foundation
import KontorCore
import XCTest

@testable import KontorTesting

final class MetaLeadAdsEmulatorTests: XCTestCase {
    private func start(count: Int = 60, configuration: MetaLeadAdsConfiguration = .init(), clock: SteppingClock = SteppingClock()) async throws -> MetaLeadAdsEmulator {
        try await MetaLeadAdsEmulator.start(dataSet: CustomerDataSet(seed: 71, count: count), configuration: configuration, clock: clock)
    }

    private func leads(_ meta: MetaLeadAdsEmulator, _ query: String = "", token: String = "EAAemulator") -> String {
        meta.baseURL.absoluteString + "/v26.0/1234567890123/leads?access_token=\(token)" + (query.isEmpty ? "" : "&" + query)
    }

    func testPagingNextYieldsEveryLeadOnceNewestFirst() async throws {
        let meta = try await start()
        var url: String? = leads(meta, "limit=25")
        var ids: [String] = []
        var times: [String] = []
        while let next = url {
            let reply = try await LoopbackClient.get(next)
            XCTAssertEqual(reply.status, 200)
            let data = reply.json["data"]?.arrayValue ?? []
            ids += data.compactMap { $0["id"]?.stringValue }
            times += data.compactMap { $0["created_time"]?.stringValue }
            XCTAssertNotNil(reply.json["paging"]?["cursors"]?["after"]?.stringValue)
            XCTAssertEqual(data.first?["field_data"]?[0]?["name"], "email")
            url = reply.json["paging"]?["next"]?.stringValue
        }
        await meta.stop()
        XCTAssertEqual(ids.count, 60)
        XCTAssertEqual(Set(ids).count, 60)
        XCTAssertEqual(times, times.sorted(by: >))
    }

    func testOversizedLimitIsClampedAndRecorded() async throws {
        let meta = try await start(count: 150)
        let reply = try await LoopbackClient.get(leads(meta, "limit=500"))
        await meta.stop()
        XCTAssertEqual(reply.json["data"]?.arrayValue?.count, 100)
        XCTAssertEqual(meta.log.violations.map(\.kind), [.pageSize])
    }

    func testBadTokenGetsGraphError190() async throws {
        let meta = try await start(count: 2)
        let reply = try await LoopbackClient.get(leads(meta, token: "bad"))
        let bearer = try await LoopbackClient.get(meta.baseURL.absoluteString + "/v26.0/1234567890123/leads", headers: ["Authorization": "Bearer EAAemulator"])
        await meta.stop()
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.json["error"]?["code"], 190)
        XCTAssertEqual(reply.json["error"]?["type"], "OAuthException")
        XCTAssertNotNil(reply.json["error"]?["fbtrace_id"]?.stringValue)
        XCTAssertEqual(bearer.status, 200)
    }

    func testFilteringByTimeCreatedReturnsOnlyNewLeads() async throws {
        let meta = try await start(count: 80)
        let touched = meta.data.touch(6)
        let epoch = Int(meta.data.snapshot.baseDate.timeIntervalSince1970)
        let filtering = #"[{"field":"time_created","operator":"GREATER_THAN","value":\#(epoch)}]"#
        let reply = try await LoopbackClient.get(leads(meta, "fields=id,created_time,field_data,form_id&filtering=" + QueryParameters.escape(filtering)))
        let invalid = try await LoopbackClient.get(leads(meta, "filtering=" + QueryParameters.escape(#"[{"field":"colour","operator":"EQUAL","value":1}]"#)))
        await meta.stop()
        let ids = reply.json["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        let resubmitted = meta.data.snapshot.people.filter { touched.contains($0.id) }.map { String(MetaLead(person: $0).id) }
        XCTAssertEqual(Set(ids), Set(resubmitted), "a re-submission is a new lead")
        XCTAssertTrue(Set(ids).isDisjoint(with: touched.map { String(MetaLead.idBase + $0) }), "with a new id")
        XCTAssertEqual(reply.json["data"]?[0]?["form_id"], "1234567890123")
        XCTAssertEqual(invalid.status, 400)
        XCTAssertEqual(invalid.json["error"]?["code"], 100)
    }

    func testThrottlingIsAGraphErrorCodeNotA429() async throws {
        let meta = try await start(count: 2, configuration: MetaLeadAdsConfiguration(callsPerHour: 2, throttleCode: 17))
        let first = try await LoopbackClient.get(leads(meta))
        _ = try await LoopbackClient.get(leads(meta))
        let throttled = try await LoopbackClient.get(leads(meta))
        await meta.stop()
        XCTAssertEqual(first.header("X-App-Usage"), #"{"call_count":50,"total_cputime":12,"total_time":12}"#)
        XCTAssertEqual(throttled.status, 400)
        XCTAssertEqual(throttled.json["error"]?["code"], 17)
        XCTAssertEqual(throttled.json["error"]?["message"], "(#17) User request limit reached")
        XCTAssertEqual(meta.log.throttledResponses, 1)
    }
}
