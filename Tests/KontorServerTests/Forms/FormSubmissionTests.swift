import Foundation
import Hummingbird
import HummingbirdTesting
import KontorCore
import KontorServer
import KontorTesting
import XCTest

/// `POST /forms/{source}` with the shipped `form` plugin: JSON and form-encoded
/// posts become identify (traits, consent) and track "Form Submitted" (answers).
final class FormSubmissionTests: XCTestCase {

    func testJSONPostBecomesIdentifyWithConsentAndTrackWithAnswers() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let (app, forms) = try InboundFixture.application(store: store, clock: clock)
        let body = """
            {"email": "Ada@Example.com", "first_name": "Ada", "newsletter": "on", "sms_ok": "false",
             "form_id": "spring-popup", "page_url": "https://shop.example/sale",
             "answers": {"favourite_colour": "green", "wishlist": ["sku-1", "sku-2"]}, "submission_id": "s-1"}
            """
        try await app.test(.router) { client in
            let response = try await client.submit(body)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.json, ["success": true])
            XCTAssertEqual(response.headers[.accessControlAllowOrigin], InboundFixture.shopOrigin)
        }
        let stored = try await store.all().map(\.message)
        XCTAssertEqual(stored.map(\.type), [.identify, .track])
        let identify = stored[0]
        XCTAssertEqual(identify.traits["email"], "Ada@Example.com")
        XCTAssertEqual(identify.traits["first_name"], "Ada")
        XCTAssertEqual(identify.context["consent"], ["categoryPreferences": ["email": true, "sms": false]])
        XCTAssertEqual(identify.context["identifiers"]?["email"], "Ada@Example.com")
        XCTAssertEqual(identify.anonymousId, "form-" + PIIHasher.hash("ada@example.com"))
        let track = stored[1]
        XCTAssertEqual(track.event, "Form Submitted")
        XCTAssertEqual(track.anonymousId, identify.anonymousId)
        XCTAssertEqual(track.properties["form_id"], "spring-popup")
        XCTAssertEqual(track.properties["answers"], ["favourite_colour": "green", "wishlist": ["sku-1", "sku-2"]])
        XCTAssertEqual(track.timestamp, Fixture.receivedAt)
        XCTAssertEqual(track.receivedAt, Fixture.receivedAt)
        XCTAssertEqual(forms.counts(for: "popup").stored, 1)
    }

    func testFormEncodedPostIsReadLikeJSONAndRedirectsAPlainHTMLPost() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        let body = "email=bo%40example.com&first_name=Bo+Li&newsletter=on&answers%5Bsize%5D=M&answers[wishlist][]=a&answers[wishlist][]=b"
        try await app.test(.router) { client in
            let html = try await client.submit(body, contentType: "application/x-www-form-urlencoded", accept: "text/html")
            XCTAssertEqual(html.status, .seeOther)
            XCTAssertEqual(html.headers[.location], "https://shop.example/thanks")
            let script = try await client.submit(
                body.replacingOccurrences(of: "bo%40", with: "cy%40"), contentType: "application/x-www-form-urlencoded",
                accept: "application/json")
            XCTAssertEqual(script.status, .ok)
        }
        let stored = try await store.all().map(\.message)
        XCTAssertEqual(stored.count, 4)
        XCTAssertEqual(stored[0].traits["email"], "bo@example.com")
        XCTAssertEqual(stored[0].traits["first_name"], "Bo Li")
        XCTAssertEqual(stored[0].context["consent"], ["categoryPreferences": ["email": true]])
        XCTAssertEqual(stored[1].properties["answers"], ["size": "M", "wishlist": ["a", "b"]])
    }

    func testMissingEmailIs400NamingTheFieldAndNothingIsStored() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let (app, forms) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            for body in [#"{"first_name": "Ada"}"#, #"{"email": "  "}"#] {
                let response = try await client.submit(body)
                XCTAssertEqual(response.status, .badRequest, body)
                XCTAssertEqual(response.json["code"], "missing_field", body)
                XCTAssertEqual(response.json["field"], "email", body)
                XCTAssertEqual(response.headers[.accessControlAllowOrigin], InboundFixture.shopOrigin, "errors are readable by the page")
            }
            let malformed = try await client.submit("{oops")
            XCTAssertEqual(malformed.status, .badRequest)
            XCTAssertEqual(malformed.json["code"], "invalid_json")
            let notObject = try await client.submit("[1, 2]")
            XCTAssertEqual(notObject.json["code"], "invalid_body")
            let wrongType = try await client.submit("email=a", contentType: "text/csv")
            XCTAssertEqual(wrongType.status, .unsupportedMediaType)
            // Still serving.
            let observed1 = try await client.submit(#"{"email": "ok@example.com"}"#).status
            XCTAssertEqual(observed1, .ok)
        }
        let observed2 = try await store.all().count
        XCTAssertEqual(observed2, 2)
        XCTAssertEqual(forms.counts(for: "popup").rejected, 5)
    }

    func testFilledHoneypotLooksAcceptedButStoresNothingAndIsCounted() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let (app, forms) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            let bot = try await client.submit(#"{"email": "bot@spam.example", "website": "http://spam.example"}"#)
            XCTAssertEqual(bot.status, .ok)
            XCTAssertEqual(bot.json, ["success": true])
            let person = try await client.submit(#"{"email": "human@example.com", "website": ""}"#)
            XCTAssertEqual(person.status, .ok)
        }
        let stored = try await store.all().map(\.message)
        XCTAssertEqual(stored.map { $0.traits["email"] ?? $0.context["identifiers"]?["email"] }.compactMap { $0 }.count, 2)
        XCTAssertFalse(stored.contains { $0.traits["email"] == "bot@spam.example" })
        XCTAssertEqual(forms.counts(for: "popup").honeypot, 1)
        XCTAssertEqual(forms.counts(for: "popup").stored, 1)
    }

    func testResubmittedSubmissionIdIsStoredOnce() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            for _ in 0..<2 {
                let observed3 = try await client.submit(#"{"email": "re@example.com", "submission_id": "sub-9"}"#).status
                XCTAssertEqual(observed3, .ok)
            }
        }
        let observed4 = try await store.all().count
        XCTAssertEqual(observed4, 2, "one identify and one track")
    }

    func testWebhookSourceIsNotAForm() async throws {
        let clock = ManualClock(now: Fixture.receivedAt)
        let store = try await Fixture.store()
        let (app, _) = try InboundFixture.application(store: store, clock: clock)
        try await app.test(.router) { client in
            let response = try await client.submit(#"{"email": "a@b.example"}"#, to: "shop")
            XCTAssertEqual(response.status, .notFound)
            XCTAssertEqual(response.json["code"], "wrong_endpoint")
            let observed5 = try await client.submit("{}", to: "missing").json["code"]
            XCTAssertEqual(observed5, "unknown_source")
        }
    }
}
