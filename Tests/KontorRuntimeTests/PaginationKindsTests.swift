import Foundation
import KontorCore
import KontorHTTP
import KontorStore
import XCTest

@testable import KontorRuntime

/// Every pagination kind against an in-process API of 23 items: exact record
/// counts, the requests made, and the stop condition that ended paging.
private let total = 23

final class PaginationKindsTests: XCTestCase {
    private let emit = #""emit":[{"type":"identify","user_id":"{{ record.id }}","traits":{"email":"$.email"}}]"#

    private func run(_ stream: String, handler: @escaping FakeTransport.Handler) async throws -> (PullResult, FakeTransport) {
        let transport = FakeTransport(handler)
        let store = try await PluginFixture.store()
        let runner = try SourceRunner(
            source: "fake", plugin: try PluginFixture.singleStream(stream), config: ["token": "tok-123456"],
            store: store, transport: transport, clock: RecordingClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        )
        return (try await runner.run(), transport)
    }

    func testOffsetStopsOnShortPage() async throws {
        let (result, transport) = try await run(
            #"{"request":{"path":"items"},"records":{"path":["data"]},"paginate":{"type":"offset","page_size":10,"offset_param":{"query":"offset"},"size_param":{"query":"limit"}},\#(emit)}"#
        ) { request, _ in
            let offset = Int(request.query("offset") ?? "0") ?? 0
            let limit = Int(request.query("limit") ?? "0") ?? 0
            return FakeTransport.json(["data": PluginFixture.items(offset..<min(offset + limit, total))])
        }
        XCTAssertEqual(result.total.records, 23)
        XCTAssertEqual(result.total.messages, 23)
        XCTAssertEqual(transport.requests.map { $0.query("offset") }, [nil, "10", "20"])
        XCTAssertEqual(transport.requests.first?.header("Authorization"), "Bearer tok-123456")
    }

    func testOffsetStopsOnEmptyPageWhenTheLastPageIsFull() async throws {
        let (result, transport) = try await run(
            #"{"request":{"path":"items"},"records":{"path":["data"]},"paginate":{"type":"offset","page_size":5,"offset_param":{"query":"offset"},"size_param":{"query":"limit"},"inject_on_first_request":true},\#(emit)}"#
        ) { request, _ in
            let offset = Int(request.query("offset") ?? "-1") ?? -1
            return FakeTransport.json(["data": PluginFixture.items(offset..<min(offset + 5, 20))])
        }
        XCTAssertEqual(result.total.records, 20)
        XCTAssertEqual(transport.requests.map { $0.query("offset") }, ["0", "5", "10", "15", "20"])
    }

    func testPageNumbersFromStart() async throws {
        let (result, transport) = try await run(
            #"{"request":{"path":"items"},"records":{"path":[]},"paginate":{"type":"page","page_size":10,"start":1,"page_param":{"query":"page"},"size_param":{"query":"per_page"}},\#(emit)}"#
        ) { request, _ in
            let page = Int(request.query("page") ?? "0") ?? 0
            let start = (page - 1) * 10
            return FakeTransport.json(PluginFixture.items(start..<min(start + 10, total)))
        }
        XCTAssertEqual(result.total.records, 23)
        XCTAssertEqual(transport.requests.map { $0.query("page") }, ["1", "2", "3"])
        XCTAssertEqual(result.total.pages, 3)
    }

    func testCursorInBodyStopsOnMissingToken() async throws {
        let (result, transport) = try await run(
            #"{"request":{"method":"POST","path":"search","body_json":{"filter":"all"}},"records":{"path":["results"]},"paginate":{"type":"cursor","value":"{{ response.paging.next.after }}","token_param":{"body_json":"after"},"page_size":10,"size_param":{"body_json":"limit"}},\#(emit)}"#
        ) { request, _ in
            let after = Int(request.jsonBody?["after"]?.stringValue ?? "0") ?? 0
            let end = min(after + 10, total)
            var body: [String: JSONValue] = ["results": PluginFixture.items(after..<end)]
            if end < total { body["paging"] = ["next": ["after": .string(String(end))]] }
            return FakeTransport.json(.object(body))
        }
        XCTAssertEqual(result.total.records, 23)
        XCTAssertEqual(transport.requests.map { $0.jsonBody?["after"]?.stringValue }, [nil, "10", "20"])
        XCTAssertEqual(transport.requests.first?.jsonBody?["filter"], "all")
        XCTAssertEqual(transport.requests.first?.jsonBody?["limit"], 10)
    }

    func testCursorStopWhen() async throws {
        let (result, transport) = try await run(
            #"{"request":{"path":"items"},"records":{"path":["data"]},"paginate":{"type":"cursor","value":"{{ response.next }}","stop_when":"{{ not response.has_more }}","token_param":{"query":"cursor"}},\#(emit)}"#
        ) { request, number in
            let start = (number - 1) * 10
            let end = min(start + 10, total)
            // The API keeps sending a cursor; has_more says when to stop.
            return FakeTransport.json(["data": PluginFixture.items(start..<end), "next": .string("c\(number)"), "has_more": .bool(end < total)])
        }
        XCTAssertEqual(result.total.records, 23)
        XCTAssertEqual(transport.requests.count, 3)
    }

    func testNextURLIsFollowedExactlyAsGiven() async throws {
        let (result, transport) = try await run(
            #"{"request":{"path":"items","query":{"filter":"x"}},"records":{"path":["records"]},"paginate":{"type":"next_url","value":"{{ response.nextRecordsUrl }}"},\#(emit)}"#
        ) { request, number in
            let start = (number - 1) * 10
            let end = min(start + 10, total)
            var body: [String: JSONValue] = ["records": PluginFixture.items(start..<end)]
            if end < total { body["nextRecordsUrl"] = .string("/v1/items/query-\(number)") }
            return FakeTransport.json(.object(body))
        }
        XCTAssertEqual(result.total.records, 23)
        XCTAssertEqual(transport.requests.map(\.url), [
            "https://api.test/v1/items?filter=x", "https://api.test/v1/items/query-1", "https://api.test/v1/items/query-2",
        ])
    }

    func testRepeatedTokenStops() async throws {
        let (result, transport) = try await run(
            #"{"request":{"path":"items"},"records":{"path":["data"]},"paginate":{"type":"cursor","value":"{{ response.next }}","token_param":{"query":"cursor"}},\#(emit)}"#
        ) { _, _ in
            FakeTransport.json(["data": PluginFixture.items(0..<5), "next": "same"])
        }
        XCTAssertEqual(transport.requests.count, 2, "the second page repeats the token it was asked with")
        XCTAssertEqual(result.total.records, 10)
        XCTAssertEqual(result.total.messages, 5)
        XCTAssertEqual(result.total.duplicates, 5)
    }
}
