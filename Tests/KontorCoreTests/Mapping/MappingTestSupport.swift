import Foundation
import KontorCore
import XCTest

/// Shared helpers: a destination-like scope and a fixed context.
enum MappingFixture {
    static let scope = ExpressionScope("action mapping", variables: ["record", "config", "mode"])

    static let profile: JSONValue = [
        "user_id": "u1",
        "traits": [
            "email": " Ann@Example.COM ", "first_name": "Ann", "last_name": nil, "phone": "0151 12345678",
            "country": "DE", "age": 42, "vip": true, "nickname": "",
            "address": ["city": "Berlin", "zip": "10115"],
        ],
        "items": [["id": "A", "price": 10], ["id": "B", "price": 20.5]],
    ]

    static func context(for input: JSONValue) -> EvaluationContext {
        EvaluationContext(
            variables: ["record": input, "config": ["list_id": "L1", "region": "eu"], "mode": "upsert"],
            now: Date(timeIntervalSince1970: 1_700_000_000))
    }

    static func map(_ mapping: JSONValue, _ input: JSONValue = profile, shorthands: Bool = true) throws -> JSONValue? {
        let compiled = try Mapping(compiling: mapping, scope: scope, shorthands: shorthands)
        return try compiled.apply(to: input, in: context(for: input))
    }

    /// The compile errors of `mapping` as `"path: message"` strings (empty when it compiles).
    static func errors(_ mapping: JSONValue, shorthands: Bool = true) -> [String] {
        do {
            _ = try Mapping(compiling: mapping, scope: scope, shorthands: shorthands)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// The run-time error of applying `mapping` to `input`.
    static func runError(_ mapping: JSONValue, _ input: JSONValue = profile) throws -> MappingError? {
        let compiled = try Mapping(compiling: mapping, scope: scope)
        do {
            _ = try compiled.apply(to: input, in: context(for: input))
            return nil
        } catch {
            return error
        }
    }
}
