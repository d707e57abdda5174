import Foundation
import KontorCore
import KontorServer
import XCTest

/// The body decoder, without HTTP.
final class IngestPayloadTests: XCTestCase {
    private func decode(_ json: String, _ endpoint: IngestEndpoint = .batch) throws(APIError) -> IngestPayload {
        try IngestPayload(json: Array(json.utf8), endpoint: endpoint, receivedAt: Fixture.receivedAt, limits: .segment)
    }

    func testThePathDecidesTheTypeOfASingleMessage() throws {
        let payload = try decode(#"{"type": "identify", "userId": "u", "event": "E"}"#, .single(.track))
        XCTAssertEqual(payload.messages.map(\.type), [.track])
    }

    func testFieldErrorsNameTheField() {
        let examples: [(String, IngestEndpoint, String)] = [
            (#"{"userId": true, "event": "E"}"#, .single(.track), "userId"),
            (#"{"userId": "u", "event": 5}"#, .single(.track), "event"),
            (#"{"userId": "u", "context": "x"}"#, .single(.page), "context"),
            (#"{"userId": "u"}"#, .single(.group), "groupId"),
            (#"{"userId": "u"}"#, .single(.alias), "previousId"),
            (#"{"anonymousId": "", "event": "E"}"#, .single(.track), "userId"),
            (#"{"batch": [{"type": "track", "userId": "u", "event": "E", "sentAt": 12}]}"#, .batch, "batch[0].sentAt"),
            (#"{"batch": [], "sentAt": "soon"}"#, .batch, "sentAt"),
            (#"{"batch": [], "integrations": [1]}"#, .batch, "integrations"),
            (#"{"batch": [7]}"#, .batch, "batch[0]"),
        ]
        for (json, endpoint, field) in examples {
            XCTAssertThrowsError(try decode(json, endpoint), json) { error in
                XCTAssertEqual((error as? APIError)?.field, field, json)
                XCTAssertEqual((error as? APIError)?.status.code, 400, json)
            }
        }
    }

    func testTimestampFormatsTheLibrariesSend() throws {
        let examples: [(String, String)] = [
            ("2024-05-01T10:00:00.123Z", "2024-05-01T10:00:00.123Z"),  // analytics.js
            ("2024-05-01T10:00:00.123+00:00", "2024-05-01T10:00:00.123Z"),  // analytics-python
            ("2024-05-01T12:00:00.123456+02:00", "2024-05-01T10:00:00.123Z"),  // rudder-sdk-python
            ("2024-05-01T10:00:00Z", "2024-05-01T10:00:00.000Z"),
        ]
        for (sent, expected) in examples {
            let payload = try decode(#"{"userId": "u", "event": "E", "timestamp": "\#(sent)"}"#, .single(.track))
            XCTAssertEqual(payload.messages.first?.timestamp, Fixture.date(expected), sent)
        }
    }

    func testIdentifyTraitsMayComeFromContext() throws {
        let fromContext = try decode(#"{"userId": "u", "context": {"traits": {"email": "a@b.c"}}}"#, .single(.identify))
        XCTAssertEqual(fromContext.messages.first?.traits, ["email": "a@b.c"])
        let own = try decode(#"{"userId": "u", "traits": {"plan": "pro"}, "context": {"traits": {"x": 1}}}"#, .single(.identify))
        XCTAssertEqual(own.messages.first?.traits, ["plan": "pro"])
        let track = try decode(#"{"userId": "u", "event": "E", "context": {"traits": {"x": 1}}}"#, .single(.track))
        XCTAssertEqual(track.messages.first?.traits, [:])
    }

    func testTheBodyWriteKeyIsReturned() throws {
        XCTAssertEqual(try decode(#"{"batch": [], "writeKey": "k"}"#).writeKey, "k")
        XCTAssertNil(try decode(#"{"batch": []}"#).writeKey)
    }
}
