import KontorCore
import XCTest

final class PayloadHashTests: XCTestCase {
    func testHashIgnoresKeyOrderButNotValues() {
        let cases: [(JSONValue, JSONValue, Bool)] = [
            (["a": 1, "b": ["c": "x", "d": nil]], ["b": ["d": nil, "c": "x"], "a": 1], true),
            (["a": 1], ["a": 2], false),
            (["a": 1], ["a": "1"], false),
            (["a": [1, 2]], ["a": [2, 1]], false),
            (["a": nil], [:], false),
        ]
        for (index, (left, right, equal)) in cases.enumerated() {
            XCTAssertEqual(PayloadHash.of(left) == PayloadHash.of(right), equal, "case \(index)")
        }
    }

    func testHashIsSHA256OfSortedJSON() {
        // sha256('{"a":1,"b":"x"}')
        XCTAssertEqual(PayloadHash.of(["b": "x", "a": 1]), "ecf9e98ec0641e23113ff3ce8bdc78d0ddd249886517fd4a7f68cc83d4e65667")
    }

    func testIdempotencyKeyDependsOnEveryField() {
        let base = IdempotencyKey.make(destination: "news", profileID: "p1", operation: .add, payloadHash: "h")
        XCTAssertEqual(base, IdempotencyKey.make(destination: "news", profileID: "p1", operation: .add, payloadHash: "h"))
        XCTAssertTrue(base.hasPrefix("add:"))
        let variants = [
            IdempotencyKey.make(destination: "news2", profileID: "p1", operation: .add, payloadHash: "h"),
            IdempotencyKey.make(destination: "news", profileID: "p2", operation: .add, payloadHash: "h"),
            IdempotencyKey.make(destination: "news", profileID: "p1", operation: .update, payloadHash: "h"),
            IdempotencyKey.make(destination: "news", profileID: "p1", operation: .add, payloadHash: "h2"),
            // Field boundaries cannot be shifted: "ne" + "wsp1" is not "news" + "p1".
            IdempotencyKey.make(destination: "ne", profileID: "wsp1", operation: .add, payloadHash: "h"),
        ]
        for variant in variants { XCTAssertNotEqual(variant, base) }
        XCTAssertEqual(Set(variants).count, variants.count)
    }
}
