import Foundation
import KontorCore
import KontorTesting
import XCTest

final class MailchimpEmulatorTests: XCTestCase {
    typealias Support = DestinationTestSupport

    func start(_ configuration: MailchimpConfiguration = MailchimpConfiguration(), clock: (any KontorClock)? = nil) async throws -> MailchimpEmulator {
        try await MailchimpEmulator.start(configuration: configuration, clock: clock)
    }

    func auth(_ emulator: MailchimpEmulator) -> [String: String] {
        ["Authorization": Support.basic("anystring", emulator.configuration.apiKey)]
    }

    func batch(_ emulator: MailchimpEmulator, _ emails: [String], updateExisting: Bool = true, status: String = "subscribed") async throws -> LoopbackReply {
        let members: [JSONValue] = emails.map { ["email_address": .string($0), "status": .string(status), "merge_fields": ["FNAME": "Ann"]] }
        return try await Support.send(emulator.apiBaseURL + "lists/a1b2c3d4e5", headers: auth(emulator), json: ["members": .array(members), "update_existing": .bool(updateExisting)])
    }

    func testBatchCreatesThenUpdatesMembersAndKeepsTheAudience() async throws {
        let mailchimp = try await start()
        let emails = Support.emails(3)
        let first = try await batch(mailchimp, emails)
        XCTAssertEqual(first.status, 200)
        XCTAssertEqual(first.json["total_created"], 3)
        XCTAssertEqual(first.json["error_count"], 0)
        let second = try await batch(mailchimp, ["PERSON1@example.com"])
        XCTAssertEqual(second.json["total_updated"], 1)
        XCTAssertEqual(second.json["total_created"], 0)
        XCTAssertEqual(mailchimp.audience.emails, Set(emails))
        XCTAssertEqual(mailchimp.audience.member(email: "person2@example.com")?.mergeFields["FNAME"], "Ann")
        XCTAssertEqual(mailchimp.violations, [])
        await mailchimp.stop()
    }

    func testBatchAboveFiveHundredMembersIsRefusedAndCountedAsViolation() async throws {
        let mailchimp = try await start()
        let reply = try await batch(mailchimp, Support.emails(501))
        XCTAssertEqual(reply.status, 400)
        XCTAssertEqual(reply.header("Content-Type"), "application/problem+json; charset=utf-8")
        XCTAssertEqual(reply.json["title"], "Invalid Resource")
        XCTAssertEqual(reply.json["errors"]?[0]?["field"], "members")
        XCTAssertEqual(mailchimp.violations.map(\.kind), [.contract])
        XCTAssertEqual(mailchimp.violations.first?.detail, "batch of 501 > 500")
        XCTAssertTrue(mailchimp.audience.emails.isEmpty)
        let exact = try await batch(mailchimp, Support.emails(500))
        XCTAssertEqual(exact.json["total_created"], 500)
        XCTAssertEqual(mailchimp.violations.count, 1)
        await mailchimp.stop()
    }

    func testPartialFailuresComeBackInErrorsWithEmailAndCode() async throws {
        let mailchimp = try await start()
        mailchimp.knobs.reject("refused@example.com", reason: "refused@example.com has been banned")
        let reply = try await batch(mailchimp, ["good@example.com", "not-an-email", "refused@example.com"])
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.json["error_count"], 2)
        XCTAssertEqual(reply.json["total_created"], 1)
        let errors = reply.json["errors"]?.arrayValue ?? []
        XCTAssertEqual(errors.compactMap { $0["email_address"]?.stringValue }, ["not-an-email", "refused@example.com"])
        XCTAssertEqual(errors.first?["error_code"], "ERROR_GENERIC")
        XCTAssertEqual(errors.last?["error"], "refused@example.com has been banned")
        XCTAssertEqual(mailchimp.audience.emails, ["good@example.com"])
        mailchimp.knobs.accept("refused@example.com")
        let replay = try await batch(mailchimp, ["refused@example.com"])
        XCTAssertEqual(replay.json["error_count"], 0)
        await mailchimp.stop()
    }

    func testExistingMemberWithoutUpdateExistingIsContactExists() async throws {
        let mailchimp = try await start()
        _ = try await batch(mailchimp, ["a@example.com"])
        let reply = try await batch(mailchimp, ["a@example.com"], updateExisting: false)
        XCTAssertEqual(reply.json["errors"]?[0]?["error_code"], "ERROR_CONTACT_EXISTS")
        let create = try await Support.send(mailchimp.apiBaseURL + "lists/a1b2c3d4e5/members", headers: auth(mailchimp),
                                            json: ["email_address": "a@example.com", "status": "subscribed"])
        XCTAssertEqual(create.status, 400)
        XCTAssertEqual(create.json["title"], "Member Exists")
        await mailchimp.stop()
    }

    func testPutByHashArchiveAndPermanentDelete() async throws {
        let mailchimp = try await start()
        let hash = Digests.subscriberHash("Ann@Example.com")
        XCTAssertEqual(hash, Digests.md5Hex("ann@example.com"))
        let member = mailchimp.apiBaseURL + "lists/a1b2c3d4e5/members/\(hash)"
        let put = try await Support.send(member, method: "PUT", headers: auth(mailchimp), json: ["email_address": "Ann@Example.com", "status_if_new": "subscribed"])
        XCTAssertEqual(put.status, 200)
        XCTAssertEqual(put.json["id"], .string(hash))
        let again = try await Support.send(member, method: "PUT", headers: auth(mailchimp), json: ["email_address": "ann@example.com", "status_if_new": "subscribed"])
        XCTAssertEqual(again.status, 200)
        XCTAssertEqual(mailchimp.audience.emails, ["ann@example.com"])
        let mismatch = try await Support.send(mailchimp.apiBaseURL + "lists/a1b2c3d4e5/members/\(Digests.md5Hex("x"))", method: "PUT", headers: auth(mailchimp),
                                              json: ["email_address": "ann@example.com", "status": "subscribed"])
        XCTAssertEqual(mismatch.status, 400)

        let archive = try await LoopbackClient.send(member, method: "DELETE", headers: auth(mailchimp))
        XCTAssertEqual(archive.status, 204)
        XCTAssertEqual(mailchimp.audience.emails, [])
        XCTAssertEqual(mailchimp.audience.archivedEmails, ["ann@example.com"])
        let archiveAgain = try await LoopbackClient.send(member, method: "DELETE", headers: auth(mailchimp))
        XCTAssertEqual(archiveAgain.status, 404)

        let erase = try await LoopbackClient.send(member + "/actions/delete-permanent", method: "POST", headers: auth(mailchimp))
        XCTAssertEqual(erase.status, 204)
        XCTAssertNil(mailchimp.audience.member(email: "ann@example.com"))
        let reimport = try await batch(mailchimp, ["ann@example.com"])
        XCTAssertEqual(reimport.json["error_count"], 1)
        XCTAssertTrue(reimport.json["errors"]?[0]?["error"]?.stringValue?.contains("permanently deleted") == true)
        await mailchimp.stop()
    }

    func testTagsAreAddedAndRemovedOnExistingMembersOnly() async throws {
        let mailchimp = try await start()
        _ = try await batch(mailchimp, ["t@example.com"])
        let tags = mailchimp.apiBaseURL + "lists/a1b2c3d4e5/members/\(Digests.subscriberHash("t@example.com"))/tags"
        let add = try await Support.send(tags, headers: auth(mailchimp), json: ["tags": [["name": "vip", "status": "active"], ["name": "b", "status": "active"]]])
        XCTAssertEqual(add.status, 204)
        _ = try await Support.send(tags, headers: auth(mailchimp), json: ["tags": [["name": "b", "status": "inactive"]]])
        XCTAssertEqual(mailchimp.audience.member(email: "t@example.com")?.tags, ["vip"])
        let unknown = try await Support.send(mailchimp.apiBaseURL + "lists/a1b2c3d4e5/members/\(Digests.subscriberHash("nobody@example.com"))/tags",
                                             headers: auth(mailchimp), json: ["tags": [["name": "vip", "status": "active"]]])
        XCTAssertEqual(unknown.status, 404)
        await mailchimp.stop()
    }

    func testBasicAuthTakesAnyUserAndTheKey() async throws {
        let mailchimp = try await start()
        let list = mailchimp.apiBaseURL + "lists/a1b2c3d4e5"
        let ok = try await LoopbackClient.send(list, headers: ["Authorization": Support.basic("whoever", mailchimp.configuration.apiKey)])
        XCTAssertEqual(ok.status, 200)
        let wrong = try await LoopbackClient.send(list, headers: ["Authorization": Support.basic("anystring", "nope-us14")])
        XCTAssertEqual(wrong.status, 401)
        XCTAssertEqual(wrong.json["title"], "API Key Invalid")
        XCTAssertEqual(wrong.json["status"], 401)
        let missing = try await LoopbackClient.send(list)
        XCTAssertEqual(missing.status, 401)
        let unknownList = try await LoopbackClient.send(mailchimp.apiBaseURL + "lists/zzz", headers: auth(mailchimp))
        XCTAssertEqual(unknownList.status, 404)
        await mailchimp.stop()
    }

    func testMoreThanTenRequestsInFlightGet429AndCountAsViolations() async throws {
        let clock = ManualClock()
        let mailchimp = try await start(clock: clock)
        mailchimp.knobs.latency = 5
        let url = mailchimp.apiBaseURL + "lists/a1b2c3d4e5"
        let headers = auth(mailchimp)
        var statuses: [Int] = []
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<12 { group.addTask { try await Support.sendInParallel(url, headers: headers) } }
            await clock.waitForSleepers(10)
            for _ in 0..<2 { if let status = try await group.next() { statuses.append(status) } }
            clock.advance(by: 5)
            for try await status in group { statuses.append(status) }
        }
        XCTAssertEqual(statuses.prefix(2).sorted(), [429, 429])
        XCTAssertEqual(statuses.filter { $0 == 200 }.count, 10)
        XCTAssertEqual(mailchimp.peakConcurrency, 10)
        XCTAssertEqual(mailchimp.violations.map(\.kind), [.rate, .rate])
        XCTAssertEqual(mailchimp.log.throttledResponses, 2)
        await mailchimp.stop()
    }

    func testFaultKnobsShareOf5xxRetryAfterAndOutage() async throws {
        let mailchimp = try await start(MailchimpConfiguration(retryAfterSeconds: 3))
        let list = mailchimp.apiBaseURL + "lists/a1b2c3d4e5"
        mailchimp.faults.add(FaultRule(.rateLimited, on: .requests([1])))
        let throttled = try await LoopbackClient.send(list, headers: auth(mailchimp))
        XCTAssertEqual(throttled.status, 429)
        XCTAssertEqual(throttled.header("Retry-After"), "3")
        XCTAssertEqual(throttled.json["title"], "Too Many Requests")
        mailchimp.faults.removeAll()
        mailchimp.faults.add(FaultRule(.serverError(status: 503), on: .share(0.2)))
        var failures = 0
        for _ in 0..<50 {
            let reply = try await LoopbackClient.send(list, headers: auth(mailchimp))
            if reply.status == 503 { failures += 1 }
        }
        XCTAssertGreaterThan(failures, 0)
        XCTAssertLessThan(failures, 25)
        mailchimp.faults.removeAll()

        mailchimp.knobs.beginOutage()
        let down = try await batch(mailchimp, ["x@example.com"])
        XCTAssertEqual(down.status, 503)
        XCTAssertTrue(mailchimp.audience.emails.isEmpty)
        mailchimp.knobs.endOutage()
        let up = try await batch(mailchimp, ["x@example.com"])
        XCTAssertEqual(up.status, 200)
        XCTAssertEqual(mailchimp.audience.emails, ["x@example.com"])
        XCTAssertEqual(mailchimp.violations, [])
        await mailchimp.stop()
    }
}
