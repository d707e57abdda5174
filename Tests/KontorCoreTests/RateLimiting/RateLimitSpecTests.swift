import KontorCore
import XCTest

final class RateLimitSpecTests: XCTestCase {
    func testValidSpecs() throws {
        let rows: [(String, Int, Double, String, UInt)] = [
            ("2/1s", 2, 1, "2/1s", #line),
            ("700/1m", 700, 60, "700/1m", #line),
            ("10/1s", 10, 1, "10/1s", #line),
            ("150/10s", 150, 10, "150/10s", #line),
            ("10/s", 10, 1, "10/1s", #line),
            ("100/m", 100, 60, "100/1m", #line),
            ("250000/1d", 250_000, 86_400, "250000/24h", #line),
            (" 5 / 500ms ", 5, 0.5, "5/0.5s", #line),
            ("4/PT1S", 4, 1, "4/1s", #line),
        ]
        for (text, limit, interval, description, line) in rows {
            let spec = try RateLimitSpec(parsing: text)
            XCTAssertEqual(spec, RateLimitSpec(limit: limit, interval: interval), text, line: line)
            XCTAssertEqual(spec.description, description, line: line)
        }
        XCTAssertEqual(try RateLimitSpec(parsing: "700/1m").requestsPerSecond, 700.0 / 60, accuracy: 1e-9)
    }

    func testInvalidSpecsSayWhatIsWrong() {
        let rows: [(String, Int, String, UInt)] = [
            ("10", 0, "rate limit '10' should look like 'N/duration', e.g. '10/1s' or '700/1m'", #line),
            ("/1s", 0, "rate limit '/1s' is missing the number of requests before '/'", #line),
            ("ten/1s", 0, "request count 'ten' is not a whole number", #line),
            ("-1/1s", 0, "request count '-1' is not a whole number", #line),
            ("1.5/1s", 0, "request count '1.5' is not a whole number", #line),
            ("0/1s", 0, "request count must be at least 1, not 0", #line),
            ("10/", 3, "rate limit '10/' is missing the duration after '/', e.g. '1s'", #line),
            ("10/1x", 3, "'1x' is not a duration; use e.g. 1s, 10s, 1m, 1h or 1d", #line),
            ("10/ sec", 4, "'sec' is not a duration; use e.g. 1s, 10s, 1m, 1h or 1d", #line),
            ("10/0s", 3, "the duration must be longer than zero", #line),
        ]
        for (text, offset, message, line) in rows {
            XCTAssertThrowsError(try RateLimitSpec(parsing: text), text, line: line) { error in
                XCTAssertEqual(error as? RateLimitError, RateLimitError(offset: offset, message), text, line: line)
            }
        }
    }

    func testRouteMatching() throws {
        let campaigns = try RateLimitRule(method: "GET", path: "^/api/campaigns", limits: [RateLimitSpec(limit: 10, interval: 1)])
        let everything = try RateLimitRule(limits: [RateLimitSpec(limit: 700, interval: 60)])
        let posts = try RateLimitRule(method: "post", limits: [])
        let rows: [(RateLimitRule, String, String, Bool, UInt)] = [
            (campaigns, "GET", "/api/campaigns", true, #line),
            (campaigns, "get", "/api/campaigns/123/messages", true, #line),
            (campaigns, "POST", "/api/campaigns", false, #line),
            (campaigns, "GET", "/v2/api/campaigns", false, #line),
            (everything, "DELETE", "/anything", true, #line),
            (posts, "POST", "/x", true, #line),
            (posts, "GET", "/x", false, #line),
        ]
        for (rule, method, path, expected, line) in rows {
            XCTAssertEqual(rule.matches(method: method, path: path), expected, "\(method) \(path)", line: line)
        }
        XCTAssertThrowsError(try RateLimitRule(path: "([a-z", limits: [])) { error in
            XCTAssertTrue((error as? RateLimitError)?.message.hasPrefix("invalid path pattern '([a-z'") ?? false, "\(error)")
        }
    }

    func testRuleSchema() {
        guard case let .object(object) = RateLimitRule.schema else { return XCTFail("not an object") }
        XCTAssertEqual(Set(object.properties.keys), ["match", "limits"])
        XCTAssertEqual(object.requiredKeys, ["limits"])
        guard case let .array(item, minItems)? = object.properties["limits"]?.schema, case .string(_, .rateLimit) = item else {
            return XCTFail("limits is not a list of rate limits")
        }
        XCTAssertEqual(minItems, 1)
    }
}
