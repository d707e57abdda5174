import Foundation
import KontorCore
import KontorHTTP
import XCTest

/// The request-signing auth kinds: `aws_sigv4` against AWS's published examples, `hmac_signature`
/// against RFC 4231 and digests computed independently (Python `hmac`).
final class SigningAuthenticatorTests: XCTestCase {
    /// The credentials and time of AWS's Signature Version 4 test suite (`get-vanilla` …).
    private let suite = AWSSignatureV4(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", region: "us-east-1",
        service: "service")
    private let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    func testAWSTestSuiteVectors() throws {
        let prefix = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature="
        let cases: [(name: String, url: String, signature: String)] = [
            ("get-vanilla", "https://example.amazonaws.com/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
            (
                "get-vanilla-query-order-key-case", "https://example.amazonaws.com/?Param2=value2&Param1=value1",
                "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"
            ),
        ]
        for (name, url, signature) in cases {
            let headers = try suite.headers(method: "GET", url: url, body: [], date: suiteDate)
            let map = Dictionary(headers, uniquingKeysWith: { first, _ in first })
            XCTAssertEqual(map["X-Amz-Date"], "20150830T123600Z", name)
            XCTAssertEqual(map["Authorization"], prefix + signature, name)
            XCTAssertNil(map["X-Amz-Security-Token"], name)
        }
    }

    func testSigningKeyOfAWSDocumentedExample() {
        // "Examples of how to derive a signing key for Signature Version 4" (IAM, 2012-02-15).
        let signer = AWSSignatureV4(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", region: "us-east-1",
            service: "iam")
        let key = signer.signingKey(date: "20120215").map { String(format: "%02x", $0) }.joined()
        XCTAssertEqual(key, "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
    }

    func testCanonicalFormsTable() {
        let cases: [(path: String, query: String, canonicalPath: String, canonicalQuery: String)] = [
            ("", "", "/", ""),
            ("/v2/email/contact-lists/news/contacts/a%40b.com", "", "/v2/email/contact-lists/news/contacts/a%2540b.com", ""),
            ("/x", "b=2&a=1&A=0", "/x", "A=0&a=1&b=2"),
            ("/x", "q=a%20b&p=%7E", "/x", "p=~&q=a%20b"),
        ]
        for (path, query, canonicalPath, canonicalQuery) in cases {
            let request = AWSSignatureV4.canonicalRequest(
                method: "get", path: path, query: query, headers: [("Host", " h ")], payloadHash: "e3b0")
            XCTAssertEqual(request, "GET\n\(canonicalPath)\n\(canonicalQuery)\nhost:h\n\nhost\ne3b0", path + "?" + query)
        }
    }

    func testFactoryBuildsSigV4FromPluginAuthWithSessionToken() async throws {
        let auth = try JSONDecoder().decode(Auth.self, from: Data(#"""
            {"type": "aws_sigv4", "access_key_id": "{{ config.key }}", "secret_access_key": "{{ config.secret }}",
             "session_token": "{{ config.token | default('') }}", "region": "{{ config.region }}", "service": "ses"}
            """#.utf8))
        let clock = SteppingClock(now: suiteDate)
        let config: JSONValue = ["key": "AKIDEXAMPLE", "secret": "s3cr3t", "token": "tok", "region": "eu-central-1"]
        let authenticator = try AuthenticatorFactory(transport: ScriptedTransport(), clock: clock)
            .make(auth, config: config, baseURL: "https://email.eu-central-1.amazonaws.com/")
        var draft = RequestDraft(method: "POST", url: "https://email.eu-central-1.amazonaws.com/v2/email/contact-lists/n/contacts")
        draft.bodyJSON = ["EmailAddress": "a@b.test"]
        let request = try await authenticator.authenticate(draft).draft.build()
        XCTAssertEqual(request.header("X-Amz-Date"), "20150830T123600Z")
        XCTAssertEqual(request.header("X-Amz-Security-Token"), "tok")
        let authorization = try XCTUnwrap(request.header("Authorization"))
        XCTAssertTrue(
            authorization.hasPrefix(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-central-1/ses/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature="),
            authorization)
        let body = try XCTUnwrap(request.body)
        let signer = AWSSignatureV4(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "s3cr3t", sessionToken: "tok", region: "eu-central-1", service: "ses")
        let expected = try signer.headers(method: "POST", url: request.url, body: body, date: suiteDate)
        XCTAssertEqual(expected.last?.1, authorization, "the signature covers the body that is sent")
        let secrets = await authenticator.secrets()
        XCTAssertEqual(Set(secrets), ["s3cr3t", "tok"])
        let refreshed = try await authenticator.refresh(generation: 0)
        XCTAssertFalse(refreshed)
    }

    func testHMACDigestKnownAnswers() {
        // RFC 4231 test case 2.
        XCTAssertEqual(
            HMACSignatureAuthenticator.digest(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8), algorithm: .hmacSHA256, encoding: .hex),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let body = Array(#"{"mode":"add","records":[{"id":"p1"}]}"#.utf8)
        let key = Array("whsec-test".utf8)
        XCTAssertEqual(
            HMACSignatureAuthenticator.digest(body, key: key, algorithm: .hmacSHA1, encoding: .hex), "69269dfa5233b98436a8007cc292855480025d71")
        XCTAssertEqual(
            HMACSignatureAuthenticator.digest(body, key: key, algorithm: .hmacSHA256, encoding: .base64), "uWmTIir7w989bItXMDvHVU1f/iKw3CxPox3vcC4C3jc=")
    }

    func testWebhookPluginSigningSignsTimestampAndBody() async throws {
        let auth = try JSONDecoder().decode(Auth.self, from: Data(#"""
            {"type": "hmac_signature", "header": "X-Kontor-Signature", "algorithm": "hmac_sha256", "encoding": "hex",
             "prefix": "sha256=", "secret": "{{ config.secret }}", "timestamp_header": "X-Kontor-Timestamp"}
            """#.utf8))
        let clock = SteppingClock(now: Date(timeIntervalSince1970: 1_750_000_000.7))
        let authenticator = try AuthenticatorFactory(transport: ScriptedTransport(), clock: clock)
            .make(auth, config: ["secret": "whsec-test"], baseURL: "https://site.test/")
        var draft = RequestDraft(method: "POST", url: "https://site.test/kontor")
        draft.bodyJSON = ["mode": "add", "records": [["id": "p1"]]]
        let request = try await authenticator.authenticate(draft).draft.build()
        XCTAssertEqual(String(decoding: request.body ?? [], as: UTF8.self), #"{"mode":"add","records":[{"id":"p1"}]}"#)
        XCTAssertEqual(request.header("X-Kontor-Timestamp"), "1750000000")
        XCTAssertEqual(request.header("X-Kontor-Signature"), "sha256=d5dbd43b1e168ca68a03e3c7dd9df6660ef3df2886e1fdb1e508a33da9423f1f")
        let secrets = await authenticator.secrets()
        XCTAssertEqual(secrets, ["whsec-test"])
    }
}
