import Foundation
import KontorCore
import KontorTesting
import XCTest

final class MetaAudienceEmulatorTests: XCTestCase {
    typealias Support = DestinationTestSupport

    let schema: JSONValue = ["EMAIL", "PHONE", "FN"]

    func users(_ meta: MetaAudienceEmulator, method: String = "POST", path: String = "users", schema: JSONValue? = nil, rows: [JSONValue], session: JSONValue? = nil, token: String? = nil) async throws -> LoopbackReply {
        var body: [String: JSONValue] = ["payload": ["schema": schema ?? self.schema, "data": .array(rows)]]
        if let session { body["session"] = session }
        let url = meta.apiBaseURL() + "23850000000000001/\(path)"
        return try await Support.send(url, method: method, headers: ["Authorization": "Bearer \(token ?? meta.configuration.accessToken)"], json: .object(body))
    }

    func row(_ email: String, phone: String = "", name: String = "") -> JSONValue {
        [.string(Digests.sha256Hex(email)), .string(phone.isEmpty ? "" : Digests.sha256Hex(phone)), .string(name.isEmpty ? "" : Digests.sha256Hex(name))]
    }

    func testAddKeepsHashesAndAnswersReceivedCounts() async throws {
        let meta = try await MetaAudienceEmulator.start()
        let reply = try await users(meta, rows: [row("a@example.com", phone: "4915112345678"), row("b@example.com"), row("a@example.com", name: "ann")])
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.json["audience_id"], "23850000000000001")
        XCTAssertEqual(reply.json["num_received"], 3)
        XCTAssertEqual(reply.json["num_invalid_entries"], 0)
        XCTAssertEqual(meta.audience.emailHashes, [Digests.sha256Hex("a@example.com"), Digests.sha256Hex("b@example.com")])
        XCTAssertEqual(meta.audience.count, 2)
        XCTAssertEqual(Digests.sha256Hex("test@example.com"), "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b")
        XCTAssertEqual(meta.violations, [])
        await meta.stop()
    }

    func testInvalidEntriesAreCountedWithSamplesByRowPosition() async throws {
        let meta = try await MetaAudienceEmulator.start()
        meta.knobs.reject(Digests.sha256Hex("refused@example.com"), reason: "Refused")
        let rows: [JSONValue] = [
            row("ok@example.com"),
            ["test@example.com", "", ""],                                       // not hashed
            [.string(Digests.sha256Hex("u@example.com").uppercased()), "", ""], // not normalised hex
            ["", "", ""],                                                       // empty
            [.string(Digests.sha256Hex("short@example.com"))],                  // wrong column count
            row("refused@example.com"),
        ]
        let reply = try await users(meta, rows: rows)
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.json["num_received"], 6)
        XCTAssertEqual(reply.json["num_invalid_entries"], 5)
        XCTAssertEqual(Set((reply.json["invalid_entry_samples"]?.objectValue ?? [:]).keys), ["1", "2", "3", "4", "5"])
        XCTAssertEqual(meta.audience.emailHashes, [Digests.sha256Hex("ok@example.com")])
        await meta.stop()
    }

    func testMoreThanTenThousandRowsIsGraphError100AndAViolation() async throws {
        let meta = try await MetaAudienceEmulator.start()
        let rows = (0...10_000).map { JSONValue.array([.string(Digests.sha256Hex("p\($0)@example.com"))]) }
        let reply = try await users(meta, schema: "EMAIL_SHA256", rows: rows)
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.json["error"]?["code"], 100)
        XCTAssertEqual(reply.json["error"]?["type"], "OAuthException")
        XCTAssertEqual(meta.violations.map(\.detail), ["batch of 10001 > 10000"])
        XCTAssertEqual(meta.audience.count, 0)
        let fits = try await users(meta, schema: "EMAIL_SHA256", rows: Array(rows.prefix(10_000)))
        XCTAssertEqual(fits.json["num_received"], 10_000)
        XCTAssertEqual(meta.audience.count, 10_000)
        await meta.stop()
    }

    func testDeleteRemovesByAnySharedIdentifier() async throws {
        let meta = try await MetaAudienceEmulator.start()
        _ = try await users(meta, rows: [row("a@example.com", phone: "4915112345678"), row("b@example.com"), row("c@example.com")])
        let byEmail = try await users(meta, method: "DELETE", rows: [row("b@example.com")])
        XCTAssertEqual(byEmail.status, 200)
        let byPhone = try await users(meta, method: "DELETE", schema: ["PHONE"], rows: [[.string(Digests.sha256Hex("4915112345678"))]])
        XCTAssertEqual(byPhone.json["num_received"], 1)
        XCTAssertEqual(meta.audience.emailHashes, [Digests.sha256Hex("c@example.com")])
        await meta.stop()
    }

    func testReplaceSessionSwapsTheAudienceOnTheLastBatch() async throws {
        let meta = try await MetaAudienceEmulator.start()
        _ = try await users(meta, rows: [row("old@example.com"), row("stay@example.com")])
        let first = try await users(meta, path: "usersreplace", rows: [row("stay@example.com")], session: ["session_id": 42, "batch_seq": 1, "last_batch_flag": false])
        XCTAssertEqual(first.status, 200)
        XCTAssertEqual(first.json["session_id"], "42")
        XCTAssertNotNil(first.json["account_id"]?.stringValue)
        XCTAssertEqual(meta.audience.count, 2, "not visible before the last batch")
        let blocked = try await users(meta, rows: [row("new@example.com")])
        XCTAssertEqual(blocked.status, 400)
        XCTAssertEqual(blocked.json["error"]?["error_subcode"], 1_713_230)
        let gap = try await users(meta, path: "usersreplace", rows: [row("x@example.com")], session: ["session_id": 42, "batch_seq": 5, "last_batch_flag": false])
        XCTAssertEqual(gap.status, 400)
        let other = try await users(meta, path: "usersreplace", rows: [row("x@example.com")], session: ["session_id": 7, "batch_seq": 1, "last_batch_flag": false])
        XCTAssertEqual(other.status, 400)
        let last = try await users(meta, path: "usersreplace", rows: [row("new@example.com")], session: ["session_id": 42, "batch_seq": 2, "last_batch_flag": true])
        XCTAssertEqual(last.json["num_received"], 2)
        XCTAssertEqual(meta.audience.emailHashes, [Digests.sha256Hex("stay@example.com"), Digests.sha256Hex("new@example.com")])
        XCTAssertFalse(meta.audience.isReplacing)
        XCTAssertEqual(meta.audience.completedReplaceSessions, ["42"])
        let missing = try await users(meta, path: "usersreplace", rows: [row("y@example.com")])
        XCTAssertEqual(missing.status, 400)
        await meta.stop()
    }

    func testBadTokenIsGraphCode190() async throws {
        let meta = try await MetaAudienceEmulator.start()
        let reply = try await users(meta, rows: [row("a@example.com")], token: "wrong")
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.json["error"]?["code"], 190)
        XCTAssertEqual(meta.audience.count, 0)
        await meta.stop()
    }

    func testThrottlingIsCode80003OnHTTP400WithUsageHeader() async throws {
        let clock = ManualClock()
        let meta = try await MetaAudienceEmulator.start(configuration: MetaAudienceConfiguration(callsPerHour: 2), clock: clock)
        let first = try await users(meta, rows: [row("a@example.com")])
        XCTAssertNotNil(first.header("X-Business-Use-Case-Usage"))
        _ = try await users(meta, rows: [row("b@example.com")])
        let third = try await users(meta, rows: [row("c@example.com")])
        XCTAssertEqual(third.status, 400)
        XCTAssertEqual(third.json["error"]?["code"], 80003)
        XCTAssertEqual(third.json["error"]?["is_transient"], true)
        XCTAssertTrue(third.header("X-Business-Use-Case-Usage")?.contains("\"call_count\":100") == true)
        XCTAssertEqual(meta.violations.map(\.kind), [.rate])
        XCTAssertEqual(meta.audience.count, 2)
        clock.advance(by: 3600)
        let later = try await users(meta, rows: [row("c@example.com")])
        XCTAssertEqual(later.status, 200)
        await meta.stop()
    }

    func testFormEncodedParametersAndSingleKeySchema() async throws {
        let meta = try await MetaAudienceEmulator.start()
        let hash = Digests.sha256Hex("form@example.com")
        let payload = #"{"schema":"EMAIL_SHA256","data":["\#(hash)"]}"#
        let body = "access_token=\(meta.configuration.accessToken)&payload=" + (payload.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        let reply = try await LoopbackClient.send(meta.apiBaseURL() + "23850000000000001/users", method: "POST",
                                                  headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Array(body.utf8))
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(meta.audience.emailHashes, [hash])
        await meta.stop()
    }
}
