import Foundation
import Hummingbird
import HummingbirdTesting
import KontorCore
import KontorServer
import Logging
import XCTest

/// One structured line per request, without secrets or personal data.
final class RequestLogTests: XCTestCase {
    func testOneLinePerRequestWithRoutePatternStatusAndTimings() async throws {
        let logs = CapturedLogs()
        let app = try MetricsFixture.application(store: try await Fixture.store(), metrics: ServerMetrics(), logger: logs.logger())
        try await app.test(.router) { client in
            let body = Array(Body.track("m-1").serialized().utf8)
            var headers: HTTPFields = [.authorization: Fixture.basicAuth(Fixture.writeKey), .contentType: "application/json"]
            headers[.contentLength] = String(body.count)
            let response = try await client.executeRequest(
                uri: "/v1/track", method: .post, headers: headers, body: ByteBuffer(bytes: body))
            XCTAssertEqual(response.status, .ok)
        }
        let lines = logs.all.filter { $0.message == "request" }
        XCTAssertEqual(lines.count, 1)
        let line = try XCTUnwrap(lines.first)
        XCTAssertEqual(line.level, .info)
        XCTAssertEqual(line.metadata["http.method"]?.description, "POST")
        XCTAssertEqual(line.metadata["http.route"]?.description, "/v1/track")
        XCTAssertEqual(line.metadata["http.status"]?.description, "200")
        XCTAssertNotNil(line.metadata["http.duration_ms"].flatMap { Double($0.description) })
        XCTAssertNotNil(line.metadata["http.request_bytes"].flatMap { Int($0.description) })
        XCTAssertEqual(line.metadata["http.response_bytes"]?.description, "16", #"{"success":true}"#)
        XCTAssertNotNil(line.metadata["hb.request.id"], "the request id comes with the request's logger")
    }

    func testNeverLogsWriteKeysQueriesOrEmails() async throws {
        let logs = CapturedLogs()
        let app = try MetricsFixture.application(store: try await Fixture.store(), metrics: ServerMetrics(), logger: logs.logger())
        let email = "jane.doe@example.com"
        let phone = "+4915112345678"
        try await app.test(.router) { client in
            var object = Body.track("m-1", properties: ["email": .string(email), "phone": .string(phone)]).objectValue ?? [:]
            object["writeKey"] = .string(Fixture.writeKey)
            let message = JSONValue.object(object)
            let query = "/v1/track?writeKey=\(Fixture.writeKey)&email=\(email)&phone=\(phone)"
            let accepted = try await client.ingest(query, json: message)
            XCTAssertEqual(accepted.status, .ok)
            let refused = try await client.ingest(query, json: message, authorization: Fixture.basicAuth("wk_wrong_secret"))
            XCTAssertEqual(refused.status, .unauthorized)
            let missing = try await client.executeRequest(
                uri: "/v1/people/\(email)?writeKey=\(Fixture.writeKey)", method: .get, headers: [:], body: nil)
            XCTAssertEqual(missing.status, .notFound)
        }
        let requestLines = logs.all.filter { $0.message == "request" }
        XCTAssertEqual(requestLines.map { $0.metadata["http.status"]?.description }, ["200", "401", "404"])
        XCTAssertEqual(requestLines.last?.metadata["http.route"]?.description, "unmatched")
        XCTAssertFalse(logs.all.isEmpty)
        for record in logs.all {
            for secret in [Fixture.writeKey, "wk_wrong_secret", email, "jane.doe", phone, "writeKey=", "?"] {
                XCTAssertFalse(record.text.contains(secret), "'\(secret)' in log record: \(record.text)")
            }
        }
    }

    func testServerErrorsAreLoggedAtErrorLevel() async throws {
        let logs = CapturedLogs()
        let (store, sabotage) = try await Fixture.fileStore()
        let app = try MetricsFixture.application(store: store, metrics: ServerMetrics(), logger: logs.logger())
        try sabotage("DROP TABLE events")
        try await app.test(.router) { client in
            let response = try await client.ingest("/v1/track", json: Body.track("m-1"))
            XCTAssertEqual(response.status, .serviceUnavailable)
        }
        let line = try XCTUnwrap(logs.all.first { $0.message == "request" })
        XCTAssertEqual(line.level, .error)
        XCTAssertEqual(line.metadata["http.status"]?.description, "503")
    }
}
