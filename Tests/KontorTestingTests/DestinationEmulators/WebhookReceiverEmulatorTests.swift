import Foundation
import KontorCore
import KontorTesting
import XCTest

final class WebhookReceiverEmulatorTests: XCTestCase {
    typealias Support = DestinationTestSupport

    func push(_ receiver: WebhookReceiverEmulator, _ body: JSONValue, at timestamp: Int, tamper: Bool = false) async throws -> LoopbackReply {
        let bytes = Support.bytes(body)
        var headers = receiver.signedHeaders(body: bytes, timestamp: timestamp)
        if tamper { headers["X-Kontor-Signature"] = "sha256=" + String(repeating: "0", count: 64) }
        return try await LoopbackClient.send(receiver.url, method: "POST", headers: headers, body: bytes)
    }

    func testSignedPushesKeepTheAudienceAndErasures() async throws {
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        let receiver = try await WebhookReceiverEmulator.start(clock: clock)
        let now = 1_750_000_000
        let added = try await push(receiver, ["mode": "mirror", "records": [["id": "u1", "email": "a@example.com"], ["id": "u2"], ["id": "u3"]]], at: now)
        XCTAssertEqual(added.status, 200)
        XCTAssertEqual(added.json["received"], 3)
        _ = try await push(receiver, ["mode": "remove", "records": [["id": "u2"]]], at: now)
        _ = try await push(receiver, ["event": "erase", "id": "u3", "email": "c@example.com"], at: now)
        XCTAssertEqual(receiver.records.keys, ["u1"])
        XCTAssertEqual(receiver.records["u1"]?["email"], "a@example.com")
        XCTAssertEqual(receiver.inbox.erasedIDs, ["u3"])
        XCTAssertEqual(receiver.inbox.deliveries.count, 3)
        XCTAssertEqual(receiver.signatureFailures, 0)
        XCTAssertEqual(receiver.violations, [])
        await receiver.stop()
    }

    func testSignatureIsPrefixedHexHMACSHA256() async throws {
        // RFC-style known vector: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
        let receiver = try await WebhookReceiverEmulator.start(configuration: WebhookReceiverConfiguration(secret: "key", timestampHeader: nil))
        let headers = receiver.signedHeaders(body: Array("The quick brown fox jumps over the lazy dog".utf8), timestamp: 0)
        XCTAssertEqual(headers["X-Kontor-Signature"], "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")
        await receiver.stop()
    }

    func testWrongOrStaleSignaturesAreRefusedAndCounted() async throws {
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        let receiver = try await WebhookReceiverEmulator.start(clock: clock)
        let body: JSONValue = ["mode": "add", "records": [["id": "u1"]]]
        let tampered = try await push(receiver, body, at: 1_750_000_000, tamper: true)
        XCTAssertEqual(tampered.status, 401)
        let stale = try await push(receiver, body, at: 1_750_000_000 - 301)
        XCTAssertEqual(stale.status, 401)
        let unsigned = try await LoopbackClient.send(receiver.url, method: "POST", headers: ["Content-Type": "application/json"], body: Support.bytes(body))
        XCTAssertEqual(unsigned.status, 401)
        XCTAssertEqual(receiver.signatureFailures, 3)
        XCTAssertTrue(receiver.records.keys.isEmpty)
        await receiver.stop()
    }

    func testRefusedRecordsComeBackInErrorsAndLimitsAreEnforced() async throws {
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        let receiver = try await WebhookReceiverEmulator.start(configuration: WebhookReceiverConfiguration(maxRecordsPerRequest: 2, requestsPerSecond: 2), clock: clock)
        receiver.knobs.reject("u2", reason: "unknown customer")
        let partial = try await push(receiver, ["mode": "add", "records": [["id": "u1"], ["id": "u2"]]], at: 1_750_000_000)
        XCTAssertEqual(partial.status, 200)
        XCTAssertEqual(partial.json["errors"], [["id": "u2", "message": "unknown customer"]])
        XCTAssertEqual(receiver.records.keys, ["u1"])
        let tooMany = try await push(receiver, ["mode": "add", "records": [["id": "a"], ["id": "b"], ["id": "c"]]], at: 1_750_000_000)
        XCTAssertEqual(tooMany.status, 413)
        XCTAssertEqual(receiver.violations.map(\.detail), ["batch of 3 > 2"])
        let throttled = try await push(receiver, ["mode": "add", "records": []], at: 1_750_000_000)
        XCTAssertEqual(throttled.status, 429)
        XCTAssertEqual(throttled.header("Retry-After"), "1")
        await receiver.stop()
    }
}
