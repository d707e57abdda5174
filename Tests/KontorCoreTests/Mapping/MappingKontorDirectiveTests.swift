import KontorCore
import XCTest

/// Kontor's additions: `@hash`, `@normalize`, `@coalesce`, `@cast`, `@datetime`.
/// Digests computed independently with `printf '%s' … | sha256sum`.
final class MappingKontorDirectiveTests: XCTestCase {
    typealias F = MappingFixture
    let emailSHA256: JSONValue = "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b"
    let e164SHA256: JSONValue = "536afd523e19dc83fccba822ef5e4ca646111314aaf0aa286667c5bea18dd70b"
    let digitsSHA256: JSONValue = "8efb96404be52f6109b9db0f687274a81e9e3cc23fabd6f0da5d38baa3d2facd"

    func testHash() throws {
        let input: JSONValue = ["email": " Test@Example.COM ", "phone": "+49 (0)151 1234-5678", "local": "0151 12345678", "cc": "DE"]
        let mapping: JSONValue = [
            "email": ["@hash": ["value": "$.email", "normalize": "email"]],
            "google_phone": ["@hash": ["value": "$.phone", "normalize": "phone_e164"]],
            "meta_phone": ["@hash": ["value": "$.local", "normalize": ["digits"], "default_country": "$.cc"]],
            "meta_phone2": ["@hash": ["value": "$.local", "normalize": "digits", "default_country": "DE"]],
            "raw": ["@hash": ["value": "test@example.com", "algo": "md5"]],
            "b64": ["@hash": ["value": "test@example.com", "digest": "base64"]],
            "rehash": ["@hash": ["value": emailSHA256]],
            "missing": ["@hash": ["value": "$.nope"]],
            "rejected": ["@hash": ["value": "$.local", "normalize": "phone_e164"]],
        ]
        XCTAssertEqual(try F.map(mapping, input), [
            "email": emailSHA256, "google_phone": e164SHA256, "meta_phone": digitsSHA256, "meta_phone2": digitsSHA256,
            "raw": "55502f40dc8b7c769880b10874abc9d0", "b64": "lz3+Rj7IV4X1+Vr1ujkG7tstkxwk5pgkqJ6mXbpOgTs=",
            "rehash": emailSHA256,
        ])
    }

    func testHashErrors() {
        XCTAssertEqual(F.errors(["x": ["@hash": ["value": "a", "algo": "sha265"]]]),
                       ["x.@hash.algo: 'algo' must be one of sha256, md5, sha1, sha512, got 'sha265'; did you mean 'sha256'?"])
        XCTAssertEqual(F.errors(["x": ["@hash": ["value": "a", "normalize": ["email", "phone"]]]]).first?.hasPrefix(
            "x.@hash.normalize.1: unknown normaliser 'phone'"), true)
        XCTAssertEqual(F.errors(["x": ["@hash": ["algo": "md5"]]]), ["x.@hash: @hash requires 'value'"])
    }

    func testNormalize() throws {
        let mapping: JSONValue = [
            "phone": ["@normalize": ["value": "$.traits.phone", "as": "phone_e164", "default_country": "$.traits.country"]],
            "email": ["@normalize": ["value": "$.traits.email", "as": "email"]],
            "country": ["@normalize": ["value": "Deutschland", "as": "country"]],
            "nophone": ["@normalize": ["value": "$.traits.phone", "as": "phone_e164"]],
            "both": ["@normalize": ["value": ["a@x.de", "not-a-date"], "as": ["date"]]],
            "null": ["@normalize": ["value": "$.traits.last_name", "as": "name"]],
        ]
        XCTAssertEqual(try F.map(mapping), [
            "phone": "+4915112345678", "email": "ann@example.com", "country": "de", "both": [], "null": nil,
        ])
        XCTAssertEqual(F.errors(["x": ["@normalize": ["value": "a", "as": "emial"]]]),
                       ["x.@normalize.as: unknown normaliser 'emial'; did you mean 'email'? (one of \(Normalizer.allCases.map(\.rawValue).joined(separator: ", ")))"])
        XCTAssertEqual(F.errors(["x": ["@normalize": ["value": "a"]]]), ["x.@normalize: @normalize requires 'as'"])
    }

    func testCoalesce() throws {
        XCTAssertEqual(try F.map(["@coalesce": ["$.nope", "$.traits.last_name", "$.traits.nickname", "$.traits.first_name", "x"]]), "Ann")
        XCTAssertEqual(try F.map(["k": ["@coalesce": ["$.nope", "$.traits.last_name"]]]), [:])
        XCTAssertEqual(try F.map(["@coalesce": ["$.nope", "fallback"]]), "fallback")
        XCTAssertEqual(F.errors(["x": ["@coalesce": []]]), ["x.@coalesce: @coalesce expects a non-empty array of values, got array"])
        XCTAssertEqual(F.errors(["x": ["@coalesce": ["$.a", ["@bad": 1]]]]), ["x.@coalesce.1.@bad: unknown directive '@bad'"])
    }

    func testCast() throws {
        let table: [(JSONValue, String, JSONValue?)] = [
            (42, "string", "42"), (2.5, "string", "2.5"), (4915112345678.0, "string", "4915112345678"), (true, "string", "true"),
            (["@literal": ["b": 1, "a": [1]]], "string", #"{"a":[1],"b":1}"#),
            ("42", "integer", 42), (" 7 ", "integer", 7), (2.9, "integer", 2), (-2.9, "integer", -2), ("3.7", "integer", 3),
            (true, "integer", 1), ("42", "number", 42), ("2.5", "number", 2.5), (3, "number", 3),
            ("yes", "boolean", true), ("OFF", "boolean", false), (0, "boolean", false), (2, "boolean", true),
            ("$.traits.last_name", "integer", nil), (1_700_000_000, "datetime", "2023-11-14T22:13:20Z"),
            ("2024-03-05T07:08:09+02:00", "datetime", "2024-03-05T05:08:09Z"), ("2024-03-05", "datetime", "2024-03-05T00:00:00Z"),
        ]
        for (value, target, expected) in table {
            XCTAssertEqual(try F.map(["@cast": ["value": value, "to": .string(target)]]), expected ?? .null, "\(value) → \(target)")
        }
        XCTAssertEqual(try F.map(["k": ["@cast": ["value": "$.nope", "to": "string"]]]), [:])
        XCTAssertEqual(try F.map(["@cast": ["value": "05.03.2024", "to": "datetime", "format": "%d.%m.%Y"]]), "2024-03-05T00:00:00Z")
    }

    func testCastErrors() throws {
        let error = try F.runError(["fields": ["age": ["@cast": ["value": "abc", "to": "integer"]]]])
        XCTAssertEqual(error?.path, ["fields", "age", "@cast"])
        XCTAssertEqual(error?.message, #"@cast: cannot convert "abc" to integer"#)
        XCTAssertNotNil(try F.runError(["@cast": ["value": "maybe", "to": "boolean"]]))
        XCTAssertEqual(F.errors(["x": ["@cast": ["value": 1, "to": "int"]]]).first?.hasPrefix("x.@cast.to: 'to' must be one of"), true)
        XCTAssertEqual(F.errors(["x": ["@cast": ["value": 1, "to": "string", "format": "%Y"]]]), ["x.@cast.format: 'format' applies only to: datetime"])
    }

    func testDateTime() throws {
        let table: [(JSONValue, String?, String, JSONValue)] = [
            (1_700_000_000, nil, "rfc3339", "2023-11-14T22:13:20Z"),
            (1_700_000_000_000, nil, "rfc3339", "2023-11-14T22:13:20Z"),
            ("1700000000", "unix", "date", "2023-11-14"),
            ("2023-11-14T22:13:20Z", nil, "unix", 1_700_000_000),
            ("2023-11-14T22:13:20Z", "rfc3339", "unix_ms", 1_700_000_000_000),
            ("14.11.2023", "%d.%m.%Y", "date", "2023-11-14"),
            ("2023-11-14", nil, "%d/%m/%Y", "14/11/2023"),
        ]
        for (value, from, to, expected) in table {
            var options: JSONValue = ["value": value, "to": .string(to)]
            if let from { options = ["value": value, "from": .string(from), "to": .string(to)] }
            XCTAssertEqual(try F.map(["@datetime": options]), expected, "\(value) \(from ?? "auto") → \(to)")
        }
        XCTAssertEqual(try F.map(["k": ["@datetime": ["value": "$.nope", "to": "unix"]], "n": ["@datetime": ["value": nil, "to": "unix"]]]), ["n": nil])
        let error = try F.runError(["when": ["@datetime": ["value": "soon", "to": "unix"]]])
        XCTAssertEqual(error?.path, ["when", "@datetime"])
        XCTAssertEqual(F.errors(["x": ["@datetime": ["value": 1]]]), ["x.@datetime: @datetime requires 'to'"])
        XCTAssertEqual(F.errors(["x": ["@datetime": ["value": 1, "to": "%Q"]]]).first?.hasPrefix("x.@datetime.to: invalid date format '%Q'"), true)
    }
}
