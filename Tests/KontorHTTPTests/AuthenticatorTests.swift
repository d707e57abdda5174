import Foundation
import KontorCore
import KontorHTTP
import XCTest

final class AuthenticatorTests: XCTestCase {
    private let draft = RequestDraft(url: "https://api.test/items")

    private func decodeAuth(_ json: String) throws -> Auth {
        try JSONDecoder().decode(Auth.self, from: Data(json.utf8))
    }

    private func factory(_ transport: any HTTPTransport = ScriptedTransport(), clock: SteppingClock = SteppingClock()) -> AuthenticatorFactory {
        AuthenticatorFactory(transport: transport, clock: clock)
    }

    func testStaticKindsTable() async throws {
        let config: JSONValue = ["token": "t0k3n", "user": "ada", "key": "k-123"]
        let cases: [(auth: String, header: String?, value: String?, url: String)] = [
            (#"{"type":"none"}"#, "Authorization", nil, "https://api.test/items"),
            (#"{"type":"bearer","token":"{{ config.token }}"}"#, "Authorization", "Bearer t0k3n", "https://api.test/items"),
            (#"{"type":"basic","username":"{{ config.user }}","password":"pw"}"#, "Authorization", "Basic YWRhOnB3", "https://api.test/items"),
            (#"{"type":"api_key","in":{"header":"X-Api-Key"},"value":"{{ config.key }}"}"#, "X-Api-Key", "k-123", "https://api.test/items"),
            (#"{"type":"api_key","in":{"query":"api_key"},"value":"{{ config.key }}"}"#, "Authorization", nil, "https://api.test/items?api_key=k-123"),
        ]
        for (json, header, value, url) in cases {
            let auth = try factory().make(try decodeAuth(json), config: config, baseURL: "https://api.test/")
            let request = try await auth.authenticate(draft).draft.build()
            XCTAssertEqual(request.url, url, json)
            if let header { XCTAssertEqual(request.header(header), value, json) }
            let refreshed = try await auth.refresh(generation: 0)
            XCTAssertFalse(refreshed, "static credentials cannot be refreshed: \(json)")
        }
    }

    func testSelectByConfigAndUnknownOption() async throws {
        let select = try decodeAuth(#"""
        {"type":"select","by":"auth_mode","options":{
          "token":{"type":"bearer","token":"{{ config.token }}"},
          "key":{"type":"api_key","in":{"header":"X-Key"},"value":"{{ config.token }}"}}}
        """#)
        let auth = try factory().make(select, config: ["auth_mode": "key", "token": "abc1"], baseURL: "https://api.test/")
        let request = try await auth.authenticate(draft).draft.build()
        XCTAssertEqual(request.header("X-Key"), "abc1")
        XCTAssertThrowsError(try factory().make(select, config: ["auth_mode": "tokn"], baseURL: "https://api.test/")) { error in
            XCTAssertTrue("\(error)".contains("did you mean 'token'"), "\(error)")
        }
    }

    func testOAuthRefreshTokenIsCachedUntilExpiryMinusMargin() async throws {
        let transport = ScriptedTransport(fallback: { request in
            let body = String(decoding: request.body ?? [], as: UTF8.self)
            let token = body.contains("refresh_token=r1") ? "access-1" : "unexpected"
            return .success(HTTPResponseData(status: 200, body: Array(#"{"access_token":"\#(token)","expires_in":3600}"#.utf8)))
        })
        let clock = SteppingClock()
        let oauth = try decodeAuth(#"{"type":"oauth2_refresh","token_url":"https://auth.test/token","client_id":"cid","client_secret":"csecret","refresh_token":"r1"}"#)
        let auth = try factory(transport, clock: clock).make(oauth, config: .null, baseURL: "https://api.test/")
        let first = try await auth.authenticate(draft)
        XCTAssertEqual(first.draft.headers.first { $0.name == "Authorization" }?.value, "Bearer access-1")
        _ = try await auth.authenticate(draft)
        XCTAssertEqual(transport.requests.count, 1, "cached")
        clock.advance(by: 3600 - 59)
        _ = try await auth.authenticate(draft)
        XCTAssertEqual(transport.requests.count, 2, "renewed within the 60 s margin")
        let tokenRequest = transport.requests[0]
        XCTAssertEqual(tokenRequest.method, "POST")
        XCTAssertTrue(String(decoding: tokenRequest.body ?? [], as: UTF8.self).contains("grant_type=refresh_token"))
    }

    func testConcurrentRequestsShareOneFetchAndOneRefresh() async throws {
        let transport = ScriptedTransport(fallback: ScriptedTransport.json(200, #"{"access_token":"cc-token"}"#))
        let oauth = try decodeAuth(#"{"type":"oauth2_client_credentials","token_url":"https://auth.test/token","client_id":"c","client_secret":"s3cret"}"#)
        let auth = try factory(transport).make(oauth, config: .null, baseURL: "https://api.test/")
        let draft = self.draft
        let generations = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { try await auth.authenticate(draft).generation } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        XCTAssertEqual(transport.requests.count, 1)
        XCTAssertEqual(Set(generations), [1])
        // Twenty requests refused with generation 1: one refresh.
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<20 { group.addTask { try await auth.refresh(generation: 1) } }
            for try await refreshed in group { XCTAssertTrue(refreshed) }
        }
        XCTAssertEqual(transport.requests.count, 2)
    }

    func testTokenEndpointFailureIsRedacted() async throws {
        let transport = ScriptedTransport(fallback: ScriptedTransport.json(400, #"{"error":"invalid_client","client_secret":"s3cret-value"}"#))
        let oauth = try decodeAuth(#"{"type":"oauth2_client_credentials","token_url":"https://auth.test/token?x=1","client_id":"c","client_secret":"s3cret-value"}"#)
        let auth = try factory(transport).make(oauth, config: .null, baseURL: "https://api.test/")
        do {
            _ = try await auth.authenticate(draft)
            XCTFail("expected an error")
        } catch {
            let text = "\(error)"
            XCTAssertTrue(text.contains("HTTP 400"), text)
            XCTAssertTrue(text.contains("POST https://auth.test/token "), text)
            XCTAssertFalse(text.contains("s3cret-value"), text)
        }
    }

    func testSessionLogin() async throws {
        let transport = ScriptedTransport(fallback: ScriptedTransport.json(200, #"{"session":{"token":"sess-42"}}"#))
        let session = try decodeAuth(#"""
        {"type":"session","login":{"method":"POST","path":"login","body_json":{"user":"{{ config.user }}","password":"{{ config.password }}"}},
         "token_path":["session","token"],"expires":"1h","use":{"in":{"header":"Authorization"},"prefix":"Token "}}
        """#)
        let auth = try factory(transport).make(session, config: ["user": "ada", "password": "pw123456"], baseURL: "https://api.test/v1/")
        let signed = try await auth.authenticate(draft).draft
        XCTAssertEqual(signed.headers.first { $0.name == "Authorization" }?.value, "Token sess-42")
        let login = try XCTUnwrap(transport.requests.first)
        XCTAssertEqual(login.url, "https://api.test/v1/login")
        XCTAssertEqual(String(decoding: login.body ?? [], as: UTF8.self), #"{"password":"pw123456","user":"ada"}"#)
    }
}
