import Foundation
import KontorCore
import KontorStore
import XCTest

final class MessageCodingTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_714_557_600)

    func testMessagesEncodeWithSortedKeysAndMillisecondDates() throws {
        let message = Message(
            type: .track, messageId: "m-1", timestamp: start, userId: "u/1", event: "Order Completed",
            properties: ["z": 1, "a": ["y": true, "b": nil], "url": "https://shop.example/p"],
            sentAt: Date(timeIntervalSince1970: 1_714_557_600.25))
        let text = try MessageCoding().encode(message)
        XCTAssertEqual(
            text,
            #"{"event":"Order Completed","messageId":"m-1","properties":{"a":{"b":null,"y":true},"url":"https://shop.example/p","z":1},"#
                + #""sentAt":"2024-05-01T10:00:00.250Z","timestamp":"2024-05-01T10:00:00.000Z","type":"track","userId":"u/1"}"#)
        XCTAssertEqual(try MessageCoding().decodeMessage(text), message)
    }

    func testTheSameValueAlwaysHasTheSameBytes() throws {
        var object: [String: JSONValue] = [:]
        for key in ["delta", "alpha", "charlie", "bravo", "echo"] { object[key] = .string(key) }
        let first = try MessageCoding().encode(JSONValue.object(object))
        let rebuilt = JSONValue.object(Dictionary(uniqueKeysWithValues: object.reversed()))
        XCTAssertEqual(try MessageCoding().encode(rebuilt), first)
        XCTAssertEqual(first, #"{"alpha":"alpha","bravo":"bravo","charlie":"charlie","delta":"delta","echo":"echo"}"#)
    }

    func testJSONValuesRoundTrip() throws {
        let values: [JSONValue] = [
            .null, true, 0, -7, 6_248_377_106_491, .int(Int.max), 2.5, -0.125, 1e-7, "", "ü 🏃 \"q\" \\ \n",
            [], [:], [1, "two", [3.5]], ["k": ["nested": [nil, false]]],
        ]
        let coding = MessageCoding()
        for value in values {
            XCTAssertEqual(try coding.decodeJSON(try coding.encode(value)), value, "\(value)")
        }
    }

    func testNonFiniteNumbersAreRefusedWithTheirPlace() {
        let message = Message(type: .track, messageId: "m-9", timestamp: start, userId: "u", event: "E",
                              properties: ["cart": ["total": .double(.nan)]])
        XCTAssertThrowsError(try MessageCoding().encode(message)) { error in
            let storeError = error as? StoreError
            XCTAssertEqual(storeError?.kind, .encoding)
            XCTAssertTrue(storeError?.message.hasPrefix("message 'm-9' cannot be stored as JSON: at properties.cart.total") == true,
                          "\(error)")
        }
        XCTAssertThrowsError(try MessageCoding().encode(["ok": 1, "bad": .double(.infinity)], what: "the cursor of shop.orders")) {
            XCTAssertTrue("\($0)".hasPrefix("the cursor of shop.orders cannot be stored as JSON"), "\($0)")
        }
    }

    func testUnreadableTextIsADecodingError() {
        let table: [(String, String)] = [
            ("{", "a stored message cannot be read back"),
            (#"{"type":"track","messageId":"m","timestamp":"yesterday"}"#, "at timestamp: 'yesterday' is not an ISO-8601 timestamp"),
            (#"{"type":"shout","messageId":"m","timestamp":"2024-05-01T10:00:00.000Z"}"#, "at type"),
            (#"{"type":"track","timestamp":"2024-05-01T10:00:00.000Z"}"#, "messageId"),
        ]
        for (text, fragment) in table {
            XCTAssertThrowsError(try MessageCoding().decodeMessage(text), text) { error in
                XCTAssertEqual((error as? StoreError)?.kind, .decoding, text)
                XCTAssertTrue("\(error)".contains(fragment), "\(text): \(error)")
            }
        }
    }
}
