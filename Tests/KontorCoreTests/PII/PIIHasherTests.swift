import KontorCore
import XCTest

/// Digests computed independently with `printf '%s' … | sha256sum` (and md5sum, sha1sum, sha512sum, openssl base64).
final class PIIHasherTests: XCTestCase {
    let emailSHA256 = "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b"

    func testKnownDigests() {
        XCTAssertEqual(PIIHasher.hash("test@example.com"), emailSHA256)
        XCTAssertEqual(PIIHasher.hash("test@example.com", algorithm: .md5), "55502f40dc8b7c769880b10874abc9d0")
        XCTAssertEqual(PIIHasher.hash("test@example.com", algorithm: .sha1), "567159d622ffbb50b11b0efd307be358624a26ee")
        XCTAssertEqual(
            PIIHasher.hash("test@example.com", algorithm: .sha512),
            "3af3174fa10ef8bd28ce7620c25fe18d1d5f93b9b3c4db3413402a0ec66369eab560c8cc0cefed323a2213ddec7c8a2c9ab912761215ada3e3c8c447cb318e07")
        XCTAssertEqual(PIIHasher.hash("test@example.com", digest: .base64), "lz3+Rj7IV4X1+Vr1ujkG7tstkxwk5pgkqJ6mXbpOgTs=")
        XCTAssertEqual(PIIHasher.hash("test@example.com", algorithm: .md5, digest: .base64), "VVAvQNyLfHaYgLEIdKvJ0A==")
        XCTAssertEqual(PIIHasher.hash("+4915112345678"), "536afd523e19dc83fccba822ef5e4ca646111314aaf0aa286667c5bea18dd70b")
        XCTAssertEqual(PIIHasher.hash("4915112345678"), "8efb96404be52f6109b9db0f687274a81e9e3cc23fabd6f0da5d38baa3d2facd")
    }

    func testBlankGivesEmptyString() {
        XCTAssertEqual(PIIHasher.hash(""), "")
        XCTAssertEqual(PIIHasher.hash("  \n"), "")
    }

    func testAlreadyHashedValuesPassThrough() {
        XCTAssertEqual(PIIHasher.hash(emailSHA256), emailSHA256)
        XCTAssertEqual(PIIHasher.hash(emailSHA256.uppercased()), emailSHA256.uppercased())
        XCTAssertEqual(PIIHasher.hash("55502f40dc8b7c769880b10874abc9d0", algorithm: .md5), "55502f40dc8b7c769880b10874abc9d0")
        let base64 = "lz3+Rj7IV4X1+Vr1ujkG7tstkxwk5pgkqJ6mXbpOgTs="
        XCTAssertEqual(PIIHasher.hash(base64, digest: .base64), base64)
    }

    func testLookalikesAreHashed() {
        // An md5-length hex is not a sha256; base64 only passes through when the digest is base64.
        XCTAssertNotEqual(PIIHasher.hash("55502f40dc8b7c769880b10874abc9d0"), "55502f40dc8b7c769880b10874abc9d0")
        let base64 = "lz3+Rj7IV4X1+Vr1ujkG7tstkxwk5pgkqJ6mXbpOgTs="
        XCTAssertEqual(PIIHasher.hash(base64).count, 64)
        XCTAssertNotEqual(PIIHasher.hash(base64), base64)
        let notHex = String(repeating: "g", count: 64)
        XCTAssertNotEqual(PIIHasher.hash(notHex), notHex)
    }

    func testIsAlreadyHashed() {
        XCTAssertTrue(PIIHasher.isAlreadyHashed(emailSHA256, algorithm: .sha256, digest: .hex))
        XCTAssertFalse(PIIHasher.isAlreadyHashed(String(emailSHA256.dropLast()), algorithm: .sha256, digest: .hex))
        XCTAssertTrue(PIIHasher.isAlreadyHashed("VVAvQNyLfHaYgLEIdKvJ0A==", algorithm: .md5, digest: .base64))
        XCTAssertFalse(PIIHasher.isAlreadyHashed("VVAvQNyLfHaYgLEIdKvJ0A=x", algorithm: .md5, digest: .base64))
    }
}
