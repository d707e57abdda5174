import KontorCore
import XCTest

final class PIIFieldTests: XCTestCase {
    func testEmailIsTrimmedLoweredThenHashed() {
        let field = PIIField(kind: .email, hash: .sha256)
        XCTAssertEqual(field.apply(" Test@Example.COM "), "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b")
    }

    func testPhoneForGoogleAndMeta() {
        let google = PIIField(kind: .phone, hash: .sha256, defaultCountry: "DE")
        let meta = PIIField(kind: .phone, normalize: [.digits], hash: .sha256, defaultCountry: "DE")
        for input in ["+49 (0)151 1234-5678", "0151 12345678"] {
            XCTAssertEqual(google.apply(input), "536afd523e19dc83fccba822ef5e4ca646111314aaf0aa286667c5bea18dd70b", input)
            XCTAssertEqual(meta.apply(input), "8efb96404be52f6109b9db0f687274a81e9e3cc23fabd6f0da5d38baa3d2facd", input)
        }
        XCTAssertEqual(PIIField(kind: .phone, defaultCountry: "DE").apply("0151 12345678"), "+4915112345678")
    }

    func testHashedInputSkipsNormalisers() {
        let hashed = "8efb96404be52f6109b9db0f687274a81e9e3cc23fabd6f0da5d38baa3d2facd"
        let field = PIIField(kind: .phone, hash: .sha256, defaultCountry: "DE")
        XCTAssertEqual(field.apply(" \(hashed) "), hashed)
    }

    func testRejectedAndBlankValuesGiveNil() {
        XCTAssertNil(PIIField(kind: .phone, hash: .sha256).apply("0151 12345678"))
        XCTAssertNil(PIIField(kind: .email, hash: .sha256).apply("   "))
        XCTAssertNil(PIIField(kind: .gender).apply("unknown"))
    }

    func testNormalizeOverridesKindAndRunsInOrder() {
        XCTAssertEqual(PIIField(kind: .name, normalize: [.lowercase]).apply(" O'Brien "), "o'brien")
        XCTAssertEqual(PIIField(kind: .name).apply(" O'Brien "), "obrien")
        XCTAssertEqual(PIIField(normalize: [.name, .firstInitial]).apply("'Zoë"), "z")
        XCTAssertEqual(PIIField().apply("  kept as is "), "kept as is")
    }

    func testJSONValues() {
        let field = PIIField(kind: .phone, normalize: [.digits], defaultCountry: "DE")
        XCTAssertEqual(field.apply(JSONValue.double(4915112345678)), .string("4915112345678"))
        XCTAssertEqual(field.apply(JSONValue.int(4915112345678)), .string("4915112345678"))
        XCTAssertEqual(field.apply(JSONValue.null), .null)
        XCTAssertEqual(field.apply(["0151 12345678", "", "+4930123456"] as JSONValue), ["4915112345678", "4930123456"])
        XCTAssertNil(field.apply(["a": 1] as JSONValue))
    }

    func testKindDefaults() {
        XCTAssertEqual(PIIKind.phone.defaultNormalizers, [.phoneE164])
        XCTAssertEqual(PIIKind.email.defaultNormalizers, [.email])
        XCTAssertEqual(PIIKind(rawValue: "external_id")?.defaultNormalizers, [.trim])
    }
}
