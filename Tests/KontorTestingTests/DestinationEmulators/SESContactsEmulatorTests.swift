import Foundation
import KontorCore
import KontorTesting
import XCTest

final class SESContactsEmulatorTests: XCTestCase {
    typealias Support = DestinationTestSupport

    static let signature = String(repeating: "ab", count: 32)

    func signed(_ ses: SESContactsEmulator, key: String? = nil, region: String = "eu-central-1") -> [String: String] {
        let credential = "\(key ?? ses.configuration.accessKeyID)/20250101/\(region)/ses/aws4_request"
        return [
            "Authorization": "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=content-type;host;x-amz-date, Signature=\(Self.signature)",
            "X-Amz-Date": "20250101T120000Z",
        ]
    }

    func contacts(_ ses: SESContactsEmulator) -> String { ses.baseURL.absoluteString + "/v2/email/contact-lists/newsletter/contacts" }

    func testCreateIsNotIdempotentUpdateNeedsTheContactDeleteRemoves() async throws {
        let ses = try await SESContactsEmulator.start(configuration: SESConfiguration(requestsPerSecond: 100))
        let body: JSONValue = ["EmailAddress": "a+tag@example.com", "TopicPreferences": [["TopicName": "weekly", "SubscriptionStatus": "OPT_IN"]]]
        let created = try await Support.send(contacts(ses), headers: signed(ses), json: body)
        XCTAssertEqual(created.status, 200)
        let duplicate = try await Support.send(contacts(ses), headers: signed(ses), json: body)
        XCTAssertEqual(duplicate.status, 400)
        XCTAssertEqual(duplicate.header("x-amzn-ErrorType"), "AlreadyExistsException")
        let contact = contacts(ses) + "/a%2Btag%40example.com"
        let update = try await Support.send(contact, method: "PUT", headers: signed(ses), json: ["AttributesData": #"{"tier":"gold"}"#])
        XCTAssertEqual(update.status, 200)
        XCTAssertEqual(ses.account.contacts(list: "newsletter")["a+tag@example.com"]?.attributesData, #"{"tier":"gold"}"#)
        XCTAssertEqual(ses.account.contacts(list: "newsletter")["a+tag@example.com"]?.topicPreferences, ["weekly": "OPT_IN"])
        let missing = try await Support.send(contacts(ses) + "/nobody%40example.com", method: "PUT", headers: signed(ses), json: [:])
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.header("x-amzn-ErrorType"), "NotFoundException")
        XCTAssertEqual(ses.emails, ["a+tag@example.com"])
        let delete = try await LoopbackClient.send(contact, method: "DELETE", headers: signed(ses))
        XCTAssertEqual(delete.status, 200)
        XCTAssertEqual(ses.emails, [])
        let deleteAgain = try await LoopbackClient.send(contact, method: "DELETE", headers: signed(ses))
        XCTAssertEqual(deleteAgain.status, 404)
        XCTAssertEqual(ses.violations, [])
        await ses.stop()
    }

    func testSigV4HeaderIsCheckedForPresenceAndShape() async throws {
        let ses = try await SESContactsEmulator.start(configuration: SESConfiguration(requestsPerSecond: 100))
        let list = ses.baseURL.absoluteString + "/v2/email/contact-lists/newsletter"
        let cases: [([String: String], String)] = [
            ([:], "MissingAuthenticationTokenException"),
            (["Authorization": "Bearer x", "X-Amz-Date": "20250101T120000Z"], "IncompleteSignatureException"),
            (["Authorization": signed(ses)["Authorization"] ?? ""], "IncompleteSignatureException"),
            (signed(ses, key: "AKIAOTHER"), "UnrecognizedClientException"),
            (signed(ses, region: "us-east-1"), "InvalidSignatureException"),
        ]
        for (headers, type) in cases {
            let reply = try await LoopbackClient.send(list, headers: headers)
            XCTAssertEqual(reply.status, 403, type)
            XCTAssertEqual(reply.header("x-amzn-ErrorType"), type)
            XCTAssertNotNil(reply.json["message"]?.stringValue)
        }
        let ok = try await LoopbackClient.send(list, headers: signed(ses))
        XCTAssertEqual(ok.status, 200)
        XCTAssertEqual(ok.json["ContactListName"], "newsletter")
        await ses.stop()
    }

    func testAboveTheRateTooManyRequestsExceptionAndRejectedRecords() async throws {
        let clock = ManualClock()
        let ses = try await SESContactsEmulator.start(clock: clock)
        ses.knobs.reject("bad@example.com", reason: "Invalid address")
        let first = try await Support.send(contacts(ses), headers: signed(ses), json: ["EmailAddress": "bad@example.com"])
        XCTAssertEqual(first.status, 400)
        XCTAssertEqual(first.header("x-amzn-ErrorType"), "BadRequestException")
        let second = try await Support.send(contacts(ses), headers: signed(ses), json: ["EmailAddress": "ok@example.com"])
        XCTAssertEqual(second.status, 429)
        XCTAssertEqual(second.header("x-amzn-ErrorType"), "TooManyRequestsException")
        XCTAssertNil(second.header("Retry-After"))
        XCTAssertEqual(ses.violations.map(\.kind), [.rate])
        clock.advance(by: 1)
        let third = try await Support.send(contacts(ses), headers: signed(ses), json: ["EmailAddress": "ok@example.com"])
        XCTAssertEqual(third.status, 200)
        XCTAssertEqual(ses.emails, ["ok@example.com"])
        await ses.stop()
    }
}
