import Foundation
import KontorCore
import KontorTesting
import XCTest

final class KlaviyoEmulatorTests: XCTestCase {
    typealias Support = DestinationTestSupport

    func headers(_ klaviyo: KlaviyoEmulator, revision: String? = "2026-10-15") -> [String: String] {
        var headers = ["Authorization": "Klaviyo-API-Key \(klaviyo.configuration.apiKey)", "Content-Type": "application/vnd.api+json"]
        if let revision { headers["revision"] = revision }
        return headers
    }

    func importJob(_ klaviyo: KlaviyoEmulator, _ profiles: [JSONValue], list: String = "XyZ123") async throws -> LoopbackReply {
        let body: JSONValue = [
            "data": [
                "type": "profile-bulk-import-job",
                "attributes": ["profiles": ["data": .array(profiles.map { ["type": "profile", "attributes": $0] })]],
                "relationships": ["lists": ["data": [["type": "list", "id": .string(list)]]]],
            ],
        ]
        return try await Support.send(klaviyo.apiBaseURL + "profile-bulk-import-jobs", headers: headers(klaviyo), json: body)
    }

    func testBulkImportUpsertsProfilesAddsThemToTheListAndReportsErrors() async throws {
        let klaviyo = try await KlaviyoEmulator.start()
        klaviyo.knobs.reject("refused@example.com", reason: "Profile is suppressed")
        let profiles: [JSONValue] = [
            ["email": "a@example.com", "first_name": "Ann", "properties": ["tier": "gold"]],
            ["phone_number": "+4915112345678"],
            ["email": "broken"],
            ["first_name": "NoIdentity"],
            ["email": "refused@example.com"],
        ]
        let reply = try await importJob(klaviyo, profiles)
        XCTAssertEqual(reply.status, 202)
        XCTAssertEqual(reply.json["data"]?["attributes"]?["status"], "queued")
        XCTAssertEqual(reply.json["data"]?["attributes"]?["total_count"], 5)
        XCTAssertEqual(klaviyo.account.memberEmails(list: "XyZ123"), ["a@example.com"])
        XCTAssertEqual(klaviyo.account.memberIDs(list: "XyZ123").count, 2)
        XCTAssertEqual(klaviyo.account.profile(email: "A@example.com")?.properties["tier"], "gold")

        let id = reply.json["data"]?["id"]?.stringValue ?? ""
        let job = try await LoopbackClient.send(klaviyo.apiBaseURL + "profile-bulk-import-jobs/\(id)", headers: headers(klaviyo))
        XCTAssertEqual(job.json["data"]?["attributes"]?["status"], "complete")
        XCTAssertEqual(job.json["data"]?["attributes"]?["completed_count"], 2)
        XCTAssertEqual(job.json["data"]?["attributes"]?["failed_count"], 3)
        let errors = try await LoopbackClient.send(klaviyo.apiBaseURL + "profile-bulk-import-jobs/\(id)/import-errors", headers: headers(klaviyo))
        let pointers = (errors.json["data"]?.arrayValue ?? []).compactMap { $0["attributes"]?["source"]?["pointer"]?.stringValue }
        XCTAssertEqual(pointers, ["/data/attributes/profiles/data/2/attributes/email", "/data/attributes/profiles/data/3/attributes/email",
                                  "/data/attributes/profiles/data/4/attributes/email"])

        _ = try await importJob(klaviyo, [["email": "a@example.com", "last_name": "Berg"]])
        XCTAssertEqual(klaviyo.account.profiles.count, 2, "upsert by email")
        XCTAssertEqual(klaviyo.account.profile(email: "a@example.com")?.attributes["last_name"], "Berg")
        XCTAssertEqual(klaviyo.violations, [])
        await klaviyo.stop()
    }

    func testImportAboveTenThousandProfilesIsRefusedAndCounted() async throws {
        let klaviyo = try await KlaviyoEmulator.start()
        let reply = try await importJob(klaviyo, Support.emails(10_001).map { ["email": .string($0)] })
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.json["errors"]?[0]?["code"], "invalid")
        XCTAssertEqual(klaviyo.violations.map(\.detail), ["batch of 10001 > 10000"])
        XCTAssertTrue(klaviyo.account.profiles.isEmpty)
        await klaviyo.stop()
    }

    func testRevisionHeaderIsRequired() async throws {
        let klaviyo = try await KlaviyoEmulator.start()
        let missing = try await LoopbackClient.send(klaviyo.apiBaseURL + "lists/XyZ123", headers: headers(klaviyo, revision: nil))
        XCTAssertEqual(missing.status, 400)
        XCTAssertEqual(missing.json["errors"]?[0]?["source"]?["parameter"], "revision")
        let malformed = try await LoopbackClient.send(klaviyo.apiBaseURL + "lists/XyZ123", headers: headers(klaviyo, revision: "latest"))
        XCTAssertEqual(malformed.status, 400)
        XCTAssertEqual(klaviyo.violations.map(\.kind), [.contract, .contract])
        let ok = try await LoopbackClient.send(klaviyo.apiBaseURL + "lists/XyZ123", headers: headers(klaviyo))
        XCTAssertEqual(ok.status, 200)
        XCTAssertNotNil(ok.header("RateLimit-Remaining"))
        await klaviyo.stop()
    }

    func testListRelationshipsAddRemoveAndTheThousandLimit() async throws {
        let klaviyo = try await KlaviyoEmulator.start()
        _ = try await importJob(klaviyo, [["email": "a@example.com"], ["email": "b@example.com"]], list: "XyZ123")
        let ids = Array(klaviyo.account.profiles.keys)
        let url = klaviyo.apiBaseURL + "lists/XyZ123/relationships/profiles"
        let remove = try await Support.send(url, method: "DELETE", headers: headers(klaviyo), json: ["data": [["type": "profile", "id": .string(ids[0])]]])
        XCTAssertEqual(remove.status, 204)
        XCTAssertEqual(klaviyo.account.memberIDs(list: "XyZ123"), [ids[1]])
        let add = try await Support.send(url, headers: headers(klaviyo), json: ["data": [["type": "profile", "id": .string(ids[0])]]])
        XCTAssertEqual(add.status, 204)
        XCTAssertEqual(klaviyo.account.memberIDs(list: "XyZ123"), Set(ids))
        let tooMany = JSONValue.array((0...1000).map { ["type": "profile", "id": .string("p\($0)")] })
        let refused = try await Support.send(url, headers: headers(klaviyo), json: ["data": tooMany])
        XCTAssertEqual(refused.status, 400)
        XCTAssertEqual(klaviyo.violations.map(\.detail), ["batch of 1001 > 1000"])
        await klaviyo.stop()
    }

    func testThrottlingIs429WithIntegerRetryAfter() async throws {
        let clock = ManualClock()
        let klaviyo = try await KlaviyoEmulator.start(configuration: KlaviyoConfiguration(burstPerSecond: 2), clock: clock)
        let url = klaviyo.apiBaseURL + "lists/XyZ123"
        let first = try await LoopbackClient.send(url, headers: headers(klaviyo))
        XCTAssertEqual(first.header("RateLimit-Limit"), "2")
        XCTAssertEqual(first.header("RateLimit-Remaining"), "1")
        _ = try await LoopbackClient.send(url, headers: headers(klaviyo))
        let third = try await LoopbackClient.send(url, headers: headers(klaviyo))
        XCTAssertEqual(third.status, 429)
        XCTAssertEqual(third.header("Retry-After"), "1")
        XCTAssertEqual(third.json["errors"]?[0]?["code"], "throttled")
        XCTAssertEqual(klaviyo.violations.map(\.kind), [.rate])
        clock.advance(by: 1)
        let later = try await LoopbackClient.send(url, headers: headers(klaviyo))
        XCTAssertEqual(later.status, 200)
        await klaviyo.stop()
    }

    func testAuthAndDeletionJob() async throws {
        let klaviyo = try await KlaviyoEmulator.start()
        var wrong = headers(klaviyo)
        wrong["Authorization"] = "Klaviyo-API-Key pk_wrong"
        let denied = try await LoopbackClient.send(klaviyo.apiBaseURL + "lists/XyZ123", headers: wrong)
        XCTAssertEqual(denied.status, 401)
        XCTAssertEqual(denied.json["errors"]?[0]?["code"], "not_authenticated")
        _ = try await importJob(klaviyo, [["email": "gone@example.com"]])
        let body: JSONValue = ["data": ["type": "data-privacy-deletion-job", "attributes": ["profile": ["data": ["type": "profile", "attributes": ["email": "gone@example.com"]]]]]]
        let deletion = try await Support.send(klaviyo.apiBaseURL + "data-privacy-deletion-jobs", headers: headers(klaviyo), json: body)
        XCTAssertEqual(deletion.status, 202)
        XCTAssertNil(klaviyo.account.profile(email: "gone@example.com"))
        XCTAssertEqual(klaviyo.account.memberEmails(list: "XyZ123"), [])
        XCTAssertEqual(klaviyo.account.erasedProfileIDs.count, 1)
        await klaviyo.stop()
    }
}
