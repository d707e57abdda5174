import Foundation
import KontorCore
import XCTest

final class ResponseClassifierTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_700_000_000)

    private func response(_ status: Int, body: String = "", json: JSONValue? = nil, headers: [String: String] = [:]) -> HTTPExchange {
        .response(HTTPResponseFacts(status: status, headers: headers, bodyText: body, body: json, requestURL: "https://api.example.com/v1/lists"))
    }

    func testBuiltInDefaults() {
        let classifier = ResponseClassifier()
        let rows: [(HTTPExchange, ResponseAction, FailureKind?, UInt)] = [
            (response(200), .success, nil, #line),
            (response(201), .success, nil, #line),
            (response(204), .success, nil, #line),
            (response(299), .success, nil, #line),
            (response(429), .rateLimited, .transientError, #line),
            (response(408), .retry, .transientError, #line),
            (response(500), .retry, .transientError, #line),
            (response(502), .retry, .transientError, #line),
            (response(503), .retry, .transientError, #line),
            (response(504), .retry, .transientError, #line),
            (response(599), .retry, .transientError, #line),
            (response(401), .refreshAuth, .configError, #line),
            (response(403), .fail, .configError, #line),
            (response(400), .fail, .systemError, #line),
            (response(404), .fail, .systemError, #line),
            (response(405), .fail, .systemError, #line),
            (response(409), .fail, .systemError, #line),
            (response(422), .fail, .systemError, #line),
            (response(302), .fail, .systemError, #line),
            (response(101), .fail, .systemError, #line),
            (.transportFailure(TransportFailure(.timeout, "no response in 30s")), .retry, .transientError, #line),
            (.transportFailure(TransportFailure(.connection, "connection refused")), .retry, .transientError, #line),
            (.transportFailure(TransportFailure(.tls, "certificate expired")), .retry, .transientError, #line),
        ]
        for (exchange, action, failure, line) in rows {
            let result = classifier.classify(exchange, now: now)
            XCTAssertEqual(result.action, action, "\(exchange)", line: line)
            XCTAssertEqual(result.failure, failure, "\(exchange)", line: line)
            XCTAssertEqual(result.source, .builtIn, line: line)
        }
    }

    func testPluginRulesComeFirstInOrder() throws {
        let classifier = ResponseClassifier(rules: [
            ResponseRule(statuses: [404], bodyContains: "Resource not found", action: .ignore),
            ResponseRule(statuses: [401, 403], action: .fail, failure: .configError, message: try Template(parsing: "Check the API key and its scopes")),
            ResponseRule(statuses: [400], bodyContains: "rate limit", action: .rateLimited),
            ResponseRule(statuses: [200], bodyContains: "\"errors\":[{", action: .fail),
            ResponseRule(statuses: [500, 503], action: .retry),
            ResponseRule(statuses: [500], action: .fail),
        ])
        let rows: [(HTTPExchange, ResponseAction, FailureKind?, ResponseClassification.Source, UInt)] = [
            (response(404, body: "{\"error\": \"Resource not found\"}"), .ignore, nil, .rule(0), #line),
            (response(404, body: "{\"error\": \"No such route\"}"), .fail, .systemError, .builtIn, #line),
            (response(401), .fail, .configError, .rule(1), #line),
            (response(403), .fail, .configError, .rule(1), #line),
            (response(400, body: "You hit the rate limit"), .rateLimited, .transientError, .rule(2), #line),
            (response(400, body: "bad field"), .fail, .systemError, .builtIn, #line),
            (response(200, body: "{\"errors\":[{\"code\":1}]}"), .fail, .systemError, .rule(3), #line),
            (response(200, body: "{\"data\":[]}"), .success, nil, .builtIn, #line),
            (response(500), .retry, .transientError, .rule(4), #line),
            (response(429), .rateLimited, .transientError, .builtIn, #line),
        ]
        for (exchange, action, failure, source, line) in rows {
            let result = classifier.classify(exchange, now: now)
            XCTAssertEqual(result.action, action, "\(exchange)", line: line)
            XCTAssertEqual(result.failure, failure, "\(exchange)", line: line)
            XCTAssertEqual(result.source, source, "\(exchange)", line: line)
        }
        XCTAssertEqual(classifier.classify(response(401), now: now).message, "Check the API key and its scopes")
    }

    func testWhenExpressionsSeeResponseHeadersURLAndConfig() throws {
        let classifier = ResponseClassifier(rules: [
            ResponseRule(statuses: [400], when: try Expression(parsing: "response.error.code == 80003"), action: .rateLimited),
            ResponseRule(when: try Expression(parsing: "headers['x-maintenance'] == 'on'"), action: .retry),
            ResponseRule(statuses: [404], when: try Expression(parsing: "'/members/' in request_url"), action: .ignore),
            ResponseRule(
                statuses: [403], when: try Expression(parsing: "config.region == 'eu'"), action: .fail, failure: .configError,
                message: try Template(parsing: "EU accounts need scope {{ response.scope }}")
            ),
        ])
        let meta: JSONValue = ["error": ["code": 80003, "message": "too many calls"]]
        let rows: [(HTTPExchange, JSONValue, ResponseAction, ResponseClassification.Source, UInt)] = [
            (response(400, json: meta), .null, .rateLimited, .rule(0), #line),
            (response(400, json: ["error": ["code": 100]]), .null, .fail, .builtIn, #line),
            (response(200, headers: ["X-Maintenance": "on"]), .null, .retry, .rule(1), #line),
            (response(200, headers: ["X-Maintenance": "off"]), .null, .success, .builtIn, #line),
            (
                .response(HTTPResponseFacts(status: 404, requestURL: "https://api.example.com/lists/1/members/abc")),
                .null, .ignore, .rule(2), #line
            ),
            (response(404), .null, .fail, .builtIn, #line),
            (response(403, json: ["scope": "contacts.write"]), ["region": "eu"], .fail, .rule(3), #line),
            (response(403), ["region": "us"], .fail, .builtIn, #line),
        ]
        for (exchange, config, action, source, line) in rows {
            let result = classifier.classify(exchange, config: config, now: now)
            XCTAssertEqual(result.action, action, "\(exchange)", line: line)
            XCTAssertEqual(result.source, source, "\(exchange)", line: line)
        }
        let eu = classifier.classify(response(403, json: ["scope": "contacts.write"]), config: ["region": "eu"], now: now)
        XCTAssertEqual(eu.message, "EU accounts need scope contacts.write")
        XCTAssertEqual(eu.failure, .configError)
    }

    func testExpressionThatFailsToEvaluateFallsThrough() throws {
        let classifier = ResponseClassifier(rules: [
            ResponseRule(statuses: [500], when: try Expression(parsing: "response.count + 'x' > 1"), action: .ignore),
        ])
        XCTAssertEqual(classifier.classify(response(500, json: ["count": 3]), now: now).action, .retry)
    }

    func testSchemaUsesTheYAMLKeys() {
        guard case let .object(object) = ResponseRule.schema else { return XCTFail("not an object") }
        XCTAssertEqual(Set(object.properties.keys), ["status", "when", "body_contains", "action", "failure", "message"])
        XCTAssertEqual(object.requiredKeys, ["action"])
        guard case let .string(choices, _)? = object.properties["action"]?.schema else { return XCTFail("action is not a choice") }
        XCTAssertEqual(choices, ["success", "retry", "rate_limited", "ignore", "fail", "refresh_auth"])
        guard case let .string(_, format)? = object.properties["when"]?.schema,
              case let .expression(scope, boolean) = format
        else { return XCTFail("when is not an expression") }
        XCTAssertTrue(boolean)
        XCTAssertEqual(scope.variables, ["response", "headers", "request_url", "config"])
    }
}
