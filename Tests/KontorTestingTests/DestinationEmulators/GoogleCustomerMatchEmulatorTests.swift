import Foundation
import KontorCore
import KontorTesting
import XCTest

final class GoogleCustomerMatchEmulatorTests: XCTestCase {
    typealias Support = DestinationTestSupport

    func headers(_ google: GoogleCustomerMatchEmulator) -> [String: String] {
        ["Authorization": "Bearer \(google.configuration.accessToken)", "developer-token": google.configuration.developerToken, "login-customer-id": "1112223334"]
    }

    func createJob(_ google: GoogleCustomerMatchEmulator) async throws -> String {
        let body: JSONValue = ["job": ["type": "CUSTOMER_MATCH_USER_LIST", "customerMatchUserListMetadata": ["userList": "customers/1234567890/userLists/9876543210"]]]
        let reply = try await Support.send(google.apiBaseURL() + "customers/1234567890/offlineUserDataJobs:create", headers: headers(google), json: body)
        XCTAssertEqual(reply.status, 200)
        return reply.json["resourceName"]?.stringValue ?? ""
    }

    func add(_ google: GoogleCustomerMatchEmulator, job: String, _ operations: [JSONValue], partial: Bool = true) async throws -> LoopbackReply {
        try await Support.send(google.apiBaseURL() + job + ":addOperations", headers: headers(google),
                               json: ["enablePartialFailure": .bool(partial), "operations": .array(operations)])
    }

    func create(email: String) -> JSONValue {
        ["create": ["userIdentifiers": [["hashedEmail": .string(Digests.sha256Hex(email))], ["hashedPhoneNumber": .string(Digests.sha256Hex("+4915112345678"))]]]]
    }

    func run(_ google: GoogleCustomerMatchEmulator, job: String) async throws -> LoopbackReply {
        try await Support.send(google.apiBaseURL() + job + ":run", headers: headers(google), json: [:])
    }

    func testCreateAddRunFillsTheUserList() async throws {
        let google = try await GoogleCustomerMatchEmulator.start()
        let job = try await createJob(google)
        XCTAssertTrue(job.hasPrefix("customers/1234567890/offlineUserDataJobs/"))
        let added = try await add(google, job: job, [create(email: "a@example.com"), ["create": ["userIdentifiers": [["hashedEmail": .string(Digests.sha256Hex("b@example.com"))]]]]])
        XCTAssertEqual(added.status, 200)
        XCTAssertNil(added.json["partialFailureError"])
        XCTAssertEqual(google.emailHashes, [], "nothing applies before run")
        let ran = try await run(google, job: job)
        XCTAssertTrue(ran.json["name"]?.stringValue?.hasPrefix("customers/1234567890/operations/") == true)
        XCTAssertEqual(google.emailHashes, [Digests.sha256Hex("a@example.com"), Digests.sha256Hex("b@example.com")])
        XCTAssertEqual(google.account.phoneHashes(userList: "9876543210"), [Digests.sha256Hex("+4915112345678")])
        XCTAssertEqual(Digests.sha256Hex("+4915112345678"), "536afd523e19dc83fccba822ef5e4ca646111314aaf0aa286667c5bea18dd70b")
        let status = try await Support.send(google.apiBaseURL() + "customers/1234567890/googleAds:search", headers: headers(google),
                                            json: ["query": .string("SELECT offline_user_data_job.status FROM offline_user_data_job WHERE offline_user_data_job.resource_name = '\(job)'")])
        XCTAssertEqual(status.json["results"]?[0]?["offlineUserDataJob"]?["status"], "SUCCESS")
        let late = try await add(google, job: job, [create(email: "c@example.com")])
        XCTAssertEqual(late.status, 400)

        let second = try await createJob(google)
        _ = try await add(google, job: second, [["remove": ["userIdentifiers": [["hashedEmail": .string(Digests.sha256Hex("a@example.com"))]]]]])
        _ = try await run(google, job: second)
        XCTAssertEqual(google.emailHashes, [Digests.sha256Hex("b@example.com")])
        XCTAssertEqual(google.violations, [])
        await google.stop()
    }

    func testPartialFailureLocatesEachBadOperationByIndex() async throws {
        let google = try await GoogleCustomerMatchEmulator.start()
        google.knobs.reject(Digests.sha256Hex("refused@example.com"), reason: "Refused by the test")
        let job = try await createJob(google)
        let operations: [JSONValue] = [
            create(email: "good@example.com"),
            ["create": ["userIdentifiers": [["hashedEmail": "not-a-hash"]]]],
            ["create": ["userIdentifiers": [["hashedEmail": .string(Digests.sha256Hex("x@example.com")), "hashedPhoneNumber": .string(Digests.sha256Hex("+1"))]]]],
            create(email: "refused@example.com"),
        ]
        let reply = try await add(google, job: job, operations)
        XCTAssertEqual(reply.status, 200)
        let errors = reply.json["partialFailureError"]?["details"]?[0]?["errors"]?.arrayValue ?? []
        XCTAssertEqual(errors.compactMap { $0["location"]?["fieldPathElements"]?[0]?["index"]?.intValue }, [1, 2, 3])
        XCTAssertEqual(errors.first?["errorCode"]?["offlineUserDataJobError"], "INVALID_SHA256_FORMAT")
        XCTAssertEqual(reply.json["partialFailureError"]?["code"], 3)
        _ = try await run(google, job: job)
        XCTAssertEqual(google.emailHashes, [Digests.sha256Hex("good@example.com")])

        let strict = try await createJob(google)
        let whole = try await add(google, job: strict, operations, partial: false)
        XCTAssertEqual(whole.status, 400)
        XCTAssertEqual(whole.json["error"]?["status"], "INVALID_ARGUMENT")
        XCTAssertEqual(google.account.jobs[String(strict.split(separator: "/").last ?? "")]?.operations.count, 0)
        await google.stop()
    }

    func testOperationAndIdentifierLimitsAreEnforced() async throws {
        XCTAssertEqual(GoogleAdsConfiguration().maxOperationsPerRequest, 100_000)
        let google = try await GoogleCustomerMatchEmulator.start(configuration: GoogleAdsConfiguration(maxOperationsPerRequest: 3))
        let job = try await createJob(google)
        let tooMany = try await add(google, job: job, (1...4).map { create(email: "p\($0)@example.com") })
        XCTAssertEqual(tooMany.status, 400)
        XCTAssertEqual(google.violations.map(\.detail), ["batch of 4 > 3"])
        let identifiers = JSONValue.array((1...21).map { ["hashedEmail": .string(Digests.sha256Hex("e\($0)@example.com"))] })
        let wide = try await add(google, job: job, [["create": ["userIdentifiers": identifiers]]])
        XCTAssertEqual(wide.json["partialFailureError"]?["details"]?[0]?["errors"]?[0]?["errorCode"]?["offlineUserDataJobError"], "TOO_MANY_USER_IDENTIFIERS")
        XCTAssertEqual(google.violations.count, 2)
        await google.stop()
    }

    func testAuthHeadersAndQuotaExhaustion() async throws {
        let clock = ManualClock()
        let google = try await GoogleCustomerMatchEmulator.start(configuration: GoogleAdsConfiguration(requestsPerMinute: 1, retryDelaySeconds: 17), clock: clock)
        let url = google.apiBaseURL() + "customers/1234567890/offlineUserDataJobs:create"
        var noDeveloper = headers(google)
        noDeveloper["developer-token"] = nil
        let missing = try await Support.send(url, headers: noDeveloper, json: [:])
        XCTAssertEqual(missing.status, 401)
        XCTAssertEqual(missing.json["error"]?["details"]?[0]?["errors"]?[0]?["errorCode"]?["authenticationError"], "DEVELOPER_TOKEN_PARAMETER_MISSING")
        var dashed = headers(google)
        dashed["login-customer-id"] = "111-222-3334"
        let badLogin = try await Support.send(url, headers: dashed, json: [:])
        XCTAssertEqual(badLogin.status, 400)
        let wrongToken = try await Support.send(url, headers: ["Authorization": "Bearer nope", "developer-token": "x"], json: [:])
        XCTAssertEqual(wrongToken.status, 401)
        XCTAssertEqual(wrongToken.json["error"]?["status"], "UNAUTHENTICATED")

        _ = try await createJob(google)
        let exhausted = try await Support.send(url, headers: headers(google), json: [:])
        XCTAssertEqual(exhausted.status, 429)
        XCTAssertEqual(exhausted.json["error"]?["status"], "RESOURCE_EXHAUSTED")
        let error = exhausted.json["error"]?["details"]?[0]?["errors"]?[0]
        XCTAssertEqual(error?["errorCode"]?["quotaError"], "RESOURCE_EXHAUSTED")
        XCTAssertEqual(error?["details"]?["quotaErrorDetails"]?["retryDelay"], "17s")
        XCTAssertNil(exhausted.header("Retry-After"))
        XCTAssertEqual(google.violations.map(\.kind), [.rate])
        await google.stop()
    }

    func testTokenEndpointExchangesTheRefreshTokenForTheAccessToken() async throws {
        let google = try await GoogleCustomerMatchEmulator.start()
        let config = google.pluginConfig
        let tokenURL = config["token_url"]?.stringValue ?? ""
        func form(_ refresh: String) -> [UInt8] {
            let pairs = [("grant_type", "refresh_token"), ("client_id", config["client_id"]?.stringValue ?? ""),
                         ("client_secret", config["client_secret"]?.stringValue ?? ""), ("refresh_token", refresh)]
            return Array(pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&").utf8)
        }
        let headers = ["Content-Type": "application/x-www-form-urlencoded"]
        let token = try await LoopbackClient.send(tokenURL, method: "POST", headers: headers, body: form(config["refresh_token"]?.stringValue ?? ""))
        XCTAssertEqual(token.status, 200)
        XCTAssertEqual(token.json["access_token"], .string(google.configuration.accessToken))
        XCTAssertEqual(token.json["token_type"], "Bearer")
        let revoked = try await LoopbackClient.send(tokenURL, method: "POST", headers: headers, body: form("other"))
        XCTAssertEqual(revoked.status, 400)
        XCTAssertEqual(revoked.json["error"], "invalid_grant")
        XCTAssertEqual(config["base_url"]?.stringValue, google.baseURL.absoluteString + "/")
        await google.stop()
    }
}
