import Foundation
import KontorCore
import XCTest

@testable import KontorRuntime

/// Extraction, transforms and emit on single records (pure, no I/O).
final class RecordPipelineTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_750_000_000)

    private func selector(_ json: String) throws -> RecordSelector {
        try JSONDecoder().decode(RecordSelector.self, from: Data(json.utf8))
    }

    func testRecordPathsTable() throws {
        let response: JSONValue = [
            "data": ["items": [["id": 1], ["id": 2]]],
            "groups": [["members": [["id": 3]]], ["members": [["id": 4], ["id": 5]]]],
            "single": ["id": 6],
            "nothing": nil,
        ]
        let cases: [(String, [Int])] = [
            (#"{"path":["data","items"]}"#, [1, 2]),
            (#"{"path":"$.data.items"}"#, [1, 2]),
            (#"{"path":["groups","*","members"]}"#, [3, 4, 5]),
            (#"{"path":["single"]}"#, [6]),
            (#"{"path":["nothing"]}"#, []),
            (#"{"path":["missing"]}"#, []),
        ]
        for (json, ids) in cases {
            let records = try RecordExtractor(try selector(json)).records(in: response)
            XCTAssertEqual(records.compactMap { $0["id"]?.intValue }, ids, json)
        }
    }

    func testFilterExpression() throws {
        let extractor = try RecordExtractor(try selector(#"{"filter":"{{ record.state != 'disabled' }}"}"#))
        XCTAssertTrue(try extractor.keeps(["state": "enabled"], variables: [:], now: now))
        XCTAssertFalse(try extractor.keeps(["state": "disabled"], variables: [:], now: now))
    }

    func testTransformsTable() throws {
        let record: JSONValue = [
            "id": 7, "firstName": "Ada", "note": nil, "admin_graphql_api_id": "gid://x",
            "default_address": ["city": "Wien", "zip": "1010"], "total_price": "12.50",
        ]
        let cases: [(transform: String, check: (JSONValue) -> Bool)] = [
            (#"[{"set":{"total":"{{ record.total_price | float }}","meta.source":"shop"}}]"#,
             { $0["total"] == .double(12.5) && $0["meta"]?["source"] == "shop" }),
            (#"[{"set":{"vip":"yes"},"if":"{{ record.id > 100 }}"}]"#, { $0["vip"] == nil }),
            (#"[{"remove":["admin_graphql_api_id","default_address.zip"]}]"#,
             { $0["admin_graphql_api_id"] == nil && $0["default_address"]?["zip"] == nil && $0["default_address"]?["city"] == "Wien" }),
            (#"[{"remove":["**"]}]"#, { $0.objectValue?.keys.contains("note") == false }),
            (#"[{"keys":"snake_case"}]"#, { $0["first_name"] == "Ada" && $0["firstName"] == nil }),
            (#"[{"keys":"lower"}]"#, { $0["firstname"] == "Ada" }),
            (#"[{"keys":"flatten"}]"#, { $0["default_address.city"] == "Wien" && $0["default_address"] == nil }),
            (#"[{"flatten":"default_address","delete_origin":true}]"#, { $0["city"] == "Wien" && $0["default_address"] == nil }),
            (#"[{"flatten":"default_address"}]"#, { $0["zip"] == "1010" && $0["default_address"] != nil }),
            (#"[{"rename":{"firstName":"first_name"},"into":"_traits","only":true}]"#,
             { $0["_traits"] == ["first_name": "Ada"] && $0["firstName"] == nil && $0["id"] == 7 }),
        ]
        for (json, check) in cases {
            let transforms = try JSONDecoder().decode([Transform].self, from: Data(json.utf8))
            let result = try RecordTransformer(transforms).apply(to: record, variables: ["config": [:]], now: now)
            XCTAssertTrue(check(result), "\(json) gave \(result)")
        }
    }

    func testSnakeCaseTable() {
        let cases = [("firstName", "first_name"), ("First Name", "first_name"), ("X-Api-Id", "x_api_id"), ("already_snake", "already_snake"), ("id2Value", "id2_value")]
        for (key, expected) in cases { XCTAssertEqual(KeyRewriting.snakeCase(key), expected, key) }
    }

    private func emitter(_ rules: String, primaryKey: [String] = ["id"], incremental: String? = nil) throws -> MessageEmitter {
        let emit = try JSONDecoder().decode([EmitRule].self, from: Data(rules.utf8))
        let cursor = try incremental.map { try IncrementalCursor(JSONDecoder().decode(Incremental.self, from: Data($0.utf8))) }
        return try MessageEmitter(source: "shop", stream: "customers", rules: emit, primaryKey: primaryKey.map { FieldPath([$0]) }, cursor: cursor)
    }

    func testEmitIdentifyWithIdentifiersTraitsConsentAndTimestamp() throws {
        let emitter = try emitter(
            #"[{"type":"identify","user_id":"{{ record.id | string }}","identifiers":{"email":"{{ record.email }}","phone":"{{ record.phone }}"},"traits":{"email":"$.email","name":"{{ record.first ~ ' ' ~ record.last }}"},"consent":{"email":"{{ record.consent == 'subscribed' }}","sms":"{{ none }}"}}]"#,
            incremental: #"{"type":"datetime","field":"updated_at","start":"2020-01-01T00:00:00Z"}"#
        )
        let record: JSONValue = ["id": 42, "email": "ada@example.com", "phone": nil, "first": "Ada", "last": "L", "consent": "subscribed", "updated_at": "2025-02-03T04:05:06Z"]
        let messages = try emitter.messages(for: record, partition: [:], config: [:], now: now)
        XCTAssertEqual(messages.count, 1)
        let message = messages[0]
        XCTAssertEqual(message.type, .identify)
        XCTAssertEqual(message.userId, "42")
        XCTAssertEqual(message.traits, ["email": "ada@example.com", "name": "Ada L"])
        XCTAssertEqual(message.context["identifiers"], ["email": "ada@example.com"], "null identifiers are left out")
        XCTAssertEqual(message.context["consent"], ["categoryPreferences": ["email": true]], "none = unknown, left out")
        XCTAssertEqual(message.timestamp, DateFormat.rfc3339.date(from: "2025-02-03T04:05:06Z"), "the record's cursor")
    }

    func testMessageIDsAreDeterministicPerRecordVersionAndRule() throws {
        let emitter = try emitter(
            #"[{"type":"identify","user_id":"{{ record.id }}"},{"type":"track","event":"Signed Up","when":"{{ record.new }}","user_id":"{{ record.id }}"}]"#,
            incremental: #"{"type":"datetime","field":"updated_at","start":"2020-01-01T00:00:00Z"}"#
        )
        let v1: JSONValue = ["id": 1, "updated_at": "2025-01-01T00:00:00Z", "new": true]
        let again = try emitter.messages(for: v1, partition: [:], config: [:], now: now)
        let first = try emitter.messages(for: v1, partition: [:], config: [:], now: now.addingTimeInterval(99))
        XCTAssertEqual(first.map(\.messageId), again.map(\.messageId), "same record, same ids")
        XCTAssertEqual(Set(first.map(\.messageId)).count, 2, "one id per rule")
        XCTAssertTrue(first.allSatisfy { $0.messageId.hasPrefix("pull-") && $0.messageId.count == 5 + 64 })
        let v2: JSONValue = ["id": 1, "updated_at": "2025-01-02T00:00:00Z", "new": false]
        let updated = try emitter.messages(for: v2, partition: [:], config: [:], now: now)
        XCTAssertEqual(updated.count, 1, "when: false skips the track")
        XCTAssertNotEqual(updated[0].messageId, first[0].messageId, "a new version is a new message")
    }

    func testExplicitMessageIDTemplate() throws {
        let emitter = try emitter(#"[{"type":"track","event":"Order Completed","message_id":"order-{{ record.id }}","user_id":"u"}]"#)
        XCTAssertEqual(try emitter.messages(for: ["id": 9], partition: [:], config: [:], now: now).first?.messageId, "order-9")
    }
}
