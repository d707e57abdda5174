import KontorTesting
import XCTest

final class DestinationPrimitivesTests: XCTestCase {
    func testDigestsMatchKnownValues() {
        let table: [(String, String, String)] = [
            ("md5", "", "d41d8cd98f00b204e9800998ecf8427e"),
            ("md5", "test@example.com", "55502f40dc8b7c769880b10874abc9d0"),
            ("sha256", "test@example.com", "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b"),
            ("sha256", "4915112345678", "8efb96404be52f6109b9db0f687274a81e9e3cc23fabd6f0da5d38baa3d2facd"),
        ]
        for (kind, input, expected) in table {
            XCTAssertEqual(kind == "md5" ? Digests.md5Hex(input) : Digests.sha256Hex(input), expected, input)
        }
        XCTAssertEqual(Digests.subscriberHash("Test@Example.com"), "55502f40dc8b7c769880b10874abc9d0")
    }

    func testSHA256HexRecognition() {
        let table: [(String, Bool)] = [
            (Digests.sha256Hex("x"), true),
            (Digests.sha256Hex("x").uppercased(), true),
            (String(Digests.sha256Hex("x").dropLast()), false),
            (String(repeating: "g", count: 64), false),
            ("test@example.com", false),
        ]
        for (text, expected) in table { XCTAssertEqual(Digests.isSHA256Hex(text), expected, text) }
    }

    func testIdentityAudienceMatchesMergesAndRemoves() {
        var audience = IdentityAudience(matchKeys: ["EMAIL", "PHONE"])
        audience.add(["EMAIL": "e1", "FN": "f"])
        audience.add(["EMAIL": "e1", "PHONE": "p1"])
        audience.add(["PHONE": "p2"])
        audience.add(["FN": "only-name"])
        XCTAssertEqual(audience.count, 3)
        XCTAssertEqual(audience.values(of: "PHONE"), ["p1", "p2"])
        XCTAssertEqual(audience.remove(["PHONE": "p1"]), 1)
        XCTAssertEqual(audience.values(of: "EMAIL"), [])
        XCTAssertEqual(audience.remove(["EMAIL": "unknown"]), 0)
        XCTAssertEqual(audience.remove(["FN": "only-name"]), 1)
        XCTAssertEqual(audience.count, 1)
    }

    func testKnobsAndMemberStore() throws {
        let knobs = DestinationKnobs()
        knobs.reject("Bad@Example.com", reason: "nope")
        XCTAssertEqual(knobs.rejection(for: "bad@example.com"), "nope")
        XCTAssertEqual(knobs.rejection(forAny: ["ok", "BAD@example.com"])?.reason, "nope")
        knobs.accept("bad@example.com")
        XCTAssertNil(knobs.rejection(for: "bad@example.com"))
        knobs.beginOutage(status: 502)
        XCTAssertEqual(knobs.outageStatus, 502)
        knobs.endOutage()
        XCTAssertNil(knobs.outageStatus)

        let store = MemberStore<Int>()
        store.put("a", 1)
        store.put("b", 2)
        XCTAssertTrue(store.remove("a"))
        XCTAssertFalse(store.remove("a"))
        let total = try store.mutate { members in members.values.reduce(0, +) }
        XCTAssertEqual(total, 2)
        XCTAssertEqual(store.keys, ["b"])
    }
}
