import Foundation
import KontorCore
import KontorHTTP
import XCTest

@testable import KontorRuntime

/// Parent/child and list partitions through the runner (in-process API, no network).
final class PartitionPullTests: XCTestCase {
    private let plugin = #"""
    {"format":"kontor/v1","name":"lists","spec":{"forms":{"type":"array","default":["f1","f2"]}},
     "http":{"base_url":"https://api.test/"},
     "defaults":{"primary_key":["id"],"records":{"path":["data"]}},
     "streams":{
       "lists":{"request":{"path":"lists"},"emit":[{"type":"group","group_id":"{{ record.id }}"}]},
       "members":{"request":{"path":"lists/{{ stream_partition.list_id }}/members"},
                  "partitions":[{"parent":"lists","key":"id","as":"list_id"}],
                  "emit":[{"type":"identify","user_id":"{{ record.id }}","traits":{"list":"{{ stream_partition.list_id }}"}}]},
       "responses":{"request":{"path":"responses"},
                  "partitions":[{"values":"{{ config.forms }}","as":"form","param":{"query":"form_id"}}],
                  "emit":[{"type":"track","event":"Form Answered","user_id":"{{ record.id }}","properties":{"form":"{{ stream_partition.form }}"}}]}}}
    """#

    private func transport() -> FakeTransport {
        FakeTransport { request, _ in
            switch request.path {
            case "/lists": return FakeTransport.json(["data": [["id": "L1"], ["id": "L2"], ["id": "L1"]]])
            case "/lists/L1/members": return FakeTransport.json(["data": [["id": 1], ["id": 2]]])
            case "/lists/L2/members": return FakeTransport.json(["data": [["id": 3]]])
            case "/responses": return FakeTransport.json(["data": [["id": .string("r-" + (request.query("form_id") ?? "?"))]]])
            default: return FakeTransport.json(["error": "no route"], status: 404)
            }
        }
    }

    func testChildAloneReadsItsParentWithoutEmittingIt() async throws {
        let store = try await PluginFixture.store()
        let transport = transport()
        let runner = try SourceRunner(
            source: "crm", plugin: try PluginFixture.plugin(plugin), config: [:], store: store, transport: transport,
            clock: RecordingClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        )
        let result = try await runner.run(streams: ["members"])
        XCTAssertEqual(result.streamOrder, ["members"])
        XCTAssertEqual(result.total.messages, 3)
        XCTAssertEqual(transport.requests.map(\.path), ["/lists", "/lists/L1/members", "/lists/L2/members"], "distinct parent keys")
        XCTAssertEqual(Set(result.cursors["members"]?.keys.map { $0 } ?? []), [#"list_id=L1"#, #"list_id=L2"#])
        let events = try await store.read(after: 0, limit: 10)
        XCTAssertEqual(events.map { $0.message.traits["list"] }, ["L1", "L1", "L2"])
    }

    func testAllStreamsParentsFirstAndListPartitions() async throws {
        let store = try await PluginFixture.store()
        let transport = transport()
        let runner = try SourceRunner(
            source: "crm", plugin: try PluginFixture.plugin(plugin), config: [:], store: store, transport: transport,
            clock: RecordingClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        )
        let result = try await runner.run()
        XCTAssertEqual(result.streamOrder, ["lists", "members", "responses"])
        XCTAssertEqual(transport.requests.filter { $0.path == "/lists" }.count, 1, "the parent's own pull feeds the child")
        XCTAssertEqual(result.streams["lists"]?.messages, 2, "L1 twice is one group message")
        XCTAssertEqual(result.streams["members"]?.messages, 3)
        XCTAssertEqual(result.streams["responses"]?.messages, 2)
        XCTAssertEqual(transport.requests.compactMap { $0.query("form_id") }, ["f1", "f2"], "spec default applied to config")
    }
}
