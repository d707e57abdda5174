import Foundation
import Hummingbird
import HummingbirdTesting
import KontorCore
import KontorServer
import KontorStore
import Logging
import XCTest

/// A server with a metrics registry of its own, and scraping helpers.
enum MetricsFixture {
    static func application(
        store: any KontorStore, metrics: ServerMetrics, logger: Logger = quietLogger
    ) throws -> Application<RouterResponder<BasicRequestContext>> {
        let settings = ServerSettings(listen: "127.0.0.1:0", writeKeys: [Fixture.writeKey])
        return try KontorApplication(
            settings: settings, store: store, clock: FixedClock(now: Fixture.receivedAt), logger: logger, metrics: metrics
        ).application()
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "kontor.server.test")
        logger.logLevel = .critical
        return logger
    }

    static func identify(_ id: String) -> JSONValue {
        ["type": "identify", "messageId": .string(id), "userId": "u-1", "traits": ["plan": "pro"]]
    }

    static func page(_ id: String) -> JSONValue {
        ["type": "page", "messageId": .string(id), "userId": "u-1", "name": "Home"]
    }
}

extension TestClientProtocol {
    /// GETs `/metrics` and parses it, failing the test on a malformed exposition.
    func scrape(file: StaticString = #filePath, line: UInt = #line) async throws -> Exposition {
        let response = try await executeRequest(uri: "/metrics", method: .get, headers: [:], body: nil)
        XCTAssertEqual(response.status, .ok, file: file, line: line)
        XCTAssertEqual(response.headers[.contentType], "text/plain; version=0.0.4; charset=utf-8", file: file, line: line)
        return try Exposition(parsing: String(buffer: response.body))
    }
}
