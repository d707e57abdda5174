import Foundation
import KontorCore
import KontorTesting
import XCTest

final class BrevoEmulatorTests: XCTestCase {
    typealias Support = DestinationTestSupport

    func key(_ brevo: BrevoEmulator) -> [String: String] { ["api-key": brevo.configuration.apiKey] }

    func importContacts(_ brevo: BrevoEmulator, _ emails: [String]) async throws -> LoopbackReply {
        let rows = JSONValue.array(emails.map { ["email": .string($0), "attributes": ["firstname": "Ann"]] })
        return try await Support.send(brevo.apiBaseURL + "contacts/import", headers: key(brevo), json: ["jsonBody": rows, "listIds": [2], "updateExistingContacts": true])
    }

    func testImportCreatesContactsOnTheListAndSkipsBadRows() async throws {
        let brevo = try await BrevoEmulator.start()
        brevo.knobs.reject("refused@example.com")
        let reply = try await importContacts(brevo, ["a@example.com", "B@example.com", "nope", "refused@example.com"])
        XCTAssertEqual(reply.status, 202)
        XCTAssertEqual(reply.json["processId"], 1)
        XCTAssertEqual(brevo.account.memberEmails(list: 2), ["a@example.com", "b@example.com"])
        XCTAssertEqual(brevo.account.contacts["a@example.com"]?.attributes["FIRSTNAME"], "Ann")
        XCTAssertEqual(brevo.account.skippedImports, ["nope", "refused@example.com"])
        let noList = try await Support.send(brevo.apiBaseURL + "contacts/import", headers: key(brevo), json: ["jsonBody": [["email": "x@example.com"]]])
        XCTAssertEqual(noList.status, 400)
        XCTAssertEqual(noList.json["code"], "missing_parameter")
        await brevo.stop()
    }

    func testListAddAndRemoveAnswerSuccessAndFailure() async throws {
        let brevo = try await BrevoEmulator.start()
        _ = try await importContacts(brevo, ["a@example.com", "b@example.com", "refused@example.com"])
        brevo.knobs.reject("refused@example.com")
        let remove = try await Support.send(brevo.apiBaseURL + "contacts/lists/2/contacts/remove", headers: key(brevo),
                                            json: ["emails": ["a@example.com", "unknown@example.com"]])
        XCTAssertEqual(remove.status, 201)
        XCTAssertEqual(remove.json["contacts"]?["success"], ["a@example.com"])
        XCTAssertEqual(remove.json["contacts"]?["failure"], ["unknown@example.com"])
        XCTAssertEqual(brevo.account.memberEmails(list: 2), ["b@example.com", "refused@example.com"])
        let add = try await Support.send(brevo.apiBaseURL + "contacts/lists/2/contacts/add", headers: key(brevo),
                                         json: ["emails": ["a@example.com", "b@example.com", "refused@example.com"]])
        XCTAssertEqual(add.json["contacts"]?["success"], ["a@example.com", "b@example.com"])
        XCTAssertEqual(add.json["contacts"]?["failure"], ["refused@example.com"])
        XCTAssertEqual(add.json["contacts"]?["total"], 3)
        XCTAssertEqual(brevo.violations, [])
        await brevo.stop()
    }

    func testMoreThan150ListValuesAreRefusedAndCounted() async throws {
        let brevo = try await BrevoEmulator.start()
        let emails = JSONValue.array(Support.emails(151).map { .string($0) })
        let reply = try await Support.send(brevo.apiBaseURL + "contacts/lists/2/contacts/add", headers: key(brevo), json: ["emails": emails])
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.json["code"], "invalid_parameter")
        XCTAssertEqual(brevo.violations.map(\.detail), ["batch of 151 > 150"])
        await brevo.stop()
    }

    func testAuthRateLimitHeadersAndDelete() async throws {
        let clock = ManualClock()
        let brevo = try await BrevoEmulator.start(configuration: BrevoConfiguration(requestsPerSecond: 2), clock: clock)
        let denied = try await LoopbackClient.send(brevo.apiBaseURL + "contacts/lists/2", headers: ["api-key": "xkeysib-wrong"])
        XCTAssertEqual(denied.status, 401)
        XCTAssertEqual(denied.json["code"], "unauthorized")
        let first = try await LoopbackClient.send(brevo.apiBaseURL + "contacts/lists/2", headers: key(brevo))
        XCTAssertEqual(first.header("x-sib-ratelimit-limit"), "2")
        XCTAssertEqual(first.header("x-sib-ratelimit-remaining"), "1")
        _ = try await LoopbackClient.send(brevo.apiBaseURL + "contacts/lists/2", headers: key(brevo))
        let third = try await LoopbackClient.send(brevo.apiBaseURL + "contacts/lists/2", headers: key(brevo))
        XCTAssertEqual(third.status, 429)
        XCTAssertEqual(third.header("x-sib-ratelimit-reset"), "1")
        XCTAssertEqual(brevo.violations.map(\.kind), [.rate])
        clock.advance(by: 1)
        _ = try await importContacts(brevo, ["gone@example.com"])
        let delete = try await LoopbackClient.send(brevo.apiBaseURL + "contacts/gone%40example.com", method: "DELETE", headers: key(brevo))
        XCTAssertEqual(delete.status, 204)
        XCTAssertEqual(brevo.account.deletedContacts, ["gone@example.com"])
        let again = try await LoopbackClient.send(brevo.apiBaseURL + "contacts/gone%40example.com", method: "DELETE", headers: key(brevo))
        XCTAssertEqual(again.status, 404)
        XCTAssertEqual(again.json["code"], "document_not_found")
        await brevo.stop()
    }
}
