import Foundation
import KontorCore

/// Messages the conformance checks store.
enum ConformanceMessages {
    /// 2024-05-01T10:00:00Z, the instant every check counts from.
    static let start = Date(timeIntervalSince1970: 1_714_557_600)

    /// `milliseconds` after ``start``, built the way a store reads instants back
    /// (stores keep milliseconds; `start + 0.123` may differ from that in the last bit).
    static func at(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(1_714_557_600_000 + milliseconds) / 1000)
    }

    /// A `track` of `Order Completed` with id `id`, `seconds` after ``start``.
    static func track(_ id: String, user: String = "u-1", seconds: Double = 0, total: JSONValue = 42) -> Message {
        Message(
            type: .track, messageId: id, timestamp: start.addingTimeInterval(seconds), userId: user,
            event: "Order Completed", properties: ["total": total])
    }

    /// `count` tracks with ids `prefix-0`, `prefix-1`, …
    static func tracks(_ prefix: String, count: Int) -> [Message] {
        (0..<count).map { track("\(prefix)-\($0)", seconds: Double($0)) }
    }

    /// A message with every field set, odd values included (unicode, a large
    /// integer, nested objects, nulls, milliseconds).
    static func rich(_ id: String) -> Message {
        Message(
            type: .identify, messageId: id, timestamp: at(milliseconds: 123), userId: "user-ß-1",
            anonymousId: "anon/1", event: nil, name: "Laufschuhe", category: "Sport & Freizeit",
            groupId: "g-1", previousId: "old-1",
            traits: [
                "email": "ada@example.com", "name": "Grüße 🏃 \"quoted\" \\ back", "shopify_id": 6_248_377_106_491,
                "score": 2.5, "vip": true, "tags": ["running", "organic"], "address": ["city": "Köln", "zip": nil],
            ],
            properties: ["total": 129.95, "items": [["sku": "R-1", "qty": 2]], "empty": [:], "none": []],
            context: ["ip": "203.0.113.9", "consent": ["email": "granted"]],
            integrations: ["All": false],
            sentAt: at(milliseconds: 1500), receivedAt: at(milliseconds: 2007),
            originalTimestamp: at(milliseconds: -3250))
    }
}
