import Foundation
import Hummingbird
import HummingbirdTesting
import KontorCore
import KontorServer
import XCTest

/// `GET /v1/personalize`: answers, keys, lookup parameters and CORS.
final class PersonalizationAPITests: XCTestCase {
    private typealias F = PersonalizationFixture

    private static let adaAnswer: JSONValue = [
        "segments": ["big_spenders", "buyers", "coffee_lovers"],
        "traits": ["first_name": "Ada", "order_count": 1, "preferences.coffee": "Lavazza"],
    ]

    func testKnownPersonGetsSegmentsAndOnlyExposedTraits() async throws {
        let store = try await F.store(model: try F.model())
        let app = try F.application(service: try F.service(store: store), store: store)
        try await app.test(.router) { client in
            for query in ["user_id=u-1", "anonymous_id=anon-ada", "email=ada@example.com"] {
                let response = try await client.personalize(query)
                XCTAssertEqual(response.status, .ok, query)
                XCTAssertEqual(response.json, Self.adaAnswer, query)
                XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
                XCTAssertEqual(response.headers[.cacheControl], "no-store")
            }
        }
    }

    func testEmailIsNormalisedLikeTheProfileBuilderDoes() async throws {
        let store = try await F.store(model: try F.model())
        let app = try F.application(service: try F.service(store: store), store: store)
        try await app.test(.router) { client in
            for email in ["ADA@example.COM", "%20Ada@Example.com%20", "ada%40example.com"] {
                let response = try await client.personalize("email=\(email)")
                XCTAssertEqual(response.json, Self.adaAnswer, email)
            }
        }
    }

    func testUnknownPersonGetsEmptyAnswer() async throws {
        let store = try await F.store(model: try F.model())
        let app = try F.application(service: try F.service(store: store), store: store)
        try await app.test(.router) { client in
            for query in ["user_id=u-404", "anonymous_id=nobody", "email=grace@example.com"] {
                let response = try await client.personalize(query)
                XCTAssertEqual(response.status, .ok, query)
                XCTAssertEqual(response.json, ["segments": [], "traits": [:]], query)
            }
        }
    }

    func testReadKeyIsRequired() async throws {
        let store = try await F.store(model: try F.model())
        let app = try F.application(service: try F.service(store: store), store: store)
        let cases: [(HTTPFields, String)] = [
            ([:], "missing_read_key"),
            (F.bearer("rk_wrong"), "invalid_read_key"),
            (F.bearer(Fixture.writeKey), "invalid_read_key"),
            ([.authorization: Fixture.basicAuth("rk_wrong")], "invalid_read_key"),
            ([.authorization: "Digest abc"], "invalid_authorization"),
        ]
        try await app.test(.router) { client in
            for (headers, code) in cases {
                let response = try await client.personalize("user_id=u-1", headers: headers)
                XCTAssertEqual(response.status, .unauthorized, code)
                XCTAssertEqual(response.json["code"], .string(code))
                XCTAssertNotNil(response.json["message"]?.stringValue)
                XCTAssertNil(response.json["segments"], "nothing about the person leaks")
            }
            let basic = try await client.personalize("user_id=u-1", headers: [.authorization: Fixture.basicAuth(F.readKey)])
            XCTAssertEqual(basic.json, Self.adaAnswer, "the key works as the HTTP Basic user name too")
        }
    }

    func testLookupParameterProblemsAre400NamingTheParameter() async throws {
        let store = try await F.store(model: try F.model())
        let app = try F.application(service: try F.service(store: store), store: store)
        let cases: [(query: String, code: String, field: String)] = [
            ("", "missing_parameter", "user_id"),
            ("userId=u-1", "missing_parameter", "user_id"),
            ("user_id=u-1&email=ada@example.com", "ambiguous_parameter", "email"),
            ("anonymous_id=a&user_id=u-1", "ambiguous_parameter", "anonymous_id"),
            ("email=a@example.com&email=b@example.com", "ambiguous_parameter", "email"),
            ("user_id=", "invalid_parameter", "user_id"),
            ("email=%20%20", "invalid_parameter", "email"),
            ("email=not-an-address", "invalid_parameter", "email"),
        ]
        try await app.test(.router) { client in
            for (query, code, field) in cases {
                let response = try await client.personalize(query)
                XCTAssertEqual(response.status, .badRequest, query)
                XCTAssertEqual(response.json["code"], .string(code), query)
                XCTAssertEqual(response.json["field"], .string(field), query)
            }
        }
    }

    func testCORSForConfiguredOriginsOnly() async throws {
        let store = try await F.store(model: try F.model())
        let app = try F.application(service: try F.service(store: store), store: store)
        try await app.test(.router) { client in
            let preflight = try await client.executeRequest(
                uri: "/v1/personalize?user_id=u-1", method: .options,
                headers: [.origin: F.origin, .accessControlRequestMethod: "GET"], body: nil)
            XCTAssertEqual(preflight.status, .noContent)
            XCTAssertEqual(preflight.headers[.accessControlAllowOrigin], F.origin)
            XCTAssertEqual(preflight.headers[.accessControlAllowHeaders], "Accept, Authorization")
            XCTAssertEqual(preflight.headers[.accessControlAllowMethods], "GET, OPTIONS")

            var headers = F.bearer()
            headers[.origin] = F.origin
            let allowed = try await client.personalize("user_id=u-1", headers: headers)
            XCTAssertEqual(allowed.json, Self.adaAnswer)
            XCTAssertEqual(allowed.headers[.accessControlAllowOrigin], F.origin)
            XCTAssertEqual(allowed.headers[.vary], "Origin")

            headers[.authorization] = "Bearer rk_wrong"
            let refused = try await client.personalize("user_id=u-1", headers: headers)
            XCTAssertEqual(refused.status, .unauthorized)
            XCTAssertEqual(refused.headers[.accessControlAllowOrigin], F.origin, "the page can read the error")

            let foreignPreflight = try await client.executeRequest(
                uri: "/v1/personalize", method: .options,
                headers: [.origin: "https://evil.example", .accessControlRequestMethod: "GET"], body: nil)
            XCTAssertEqual(foreignPreflight.status, .forbidden)
            XCTAssertEqual(foreignPreflight.json["code"], "origin_not_allowed")
            XCTAssertNil(foreignPreflight.headers[.accessControlAllowOrigin])

            var foreign = F.bearer()
            foreign[.origin] = "https://evil.example"
            let foreignGet = try await client.personalize("user_id=u-1", headers: foreign)
            XCTAssertEqual(foreignGet.status, .forbidden)
            XCTAssertNil(foreignGet.json["segments"])
        }
    }

    func testRevealedSegmentsAndConsentAreConfigurable() async throws {
        let model = try F.model()
        let store = try await F.store(model: model)
        let onlyBuyers = F.settings(personalize: PersonalizeSettings(segments: ["buyers", "not_there"]))
        let withConsent = F.settings(personalize: PersonalizeSettings(consent: "personalisation"))
        let buyersApp = try F.application(
            service: try F.service(store: store, settings: onlyBuyers), store: store, settings: onlyBuyers)
        try await buyersApp.test(.router) { client in
            let response = try await client.personalize("user_id=u-1")
            XCTAssertEqual(response.json["segments"], ["buyers"])
        }
        let consentService = try F.service(store: store, settings: withConsent)
        let before = try await consentService.answer(for: Identity(.userID, "u-1"))
        XCTAssertEqual(before, .nobody, "no consent given: nothing is revealed")
        let grant = Message(
            type: .identify, messageId: "m-consent", timestamp: F.now, userId: "u-1",
            traits: ["consent": ["personalisation": true]])
        try await F.ingest([grant], into: store, model: model)
        consentService.cache.invalidateAll()
        let after = try await consentService.answer(for: Identity(.userID, "u-1"))
        XCTAssertEqual(after.traits["first_name"], "Ada")
    }
}
