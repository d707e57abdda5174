import Foundation
import HummingbirdTesting
import KontorCore
import KontorServer
import XCTest

/// The real Segment and RudderStack Python libraries, installed from PyPI by
/// `scripts/python-sdks.sh`, send every call type to a live server; every
/// message must be in the event log exactly once.
final class PythonClientLibraryTests: XCTestCase {
    func testSegmentAnalyticsPython() async throws {
        try await send(script: "send_segment.py", extraArguments: [])
    }

    func testSegmentAnalyticsPythonWithGzip() async throws {
        try await send(script: "send_segment.py", extraArguments: ["--gzip"])
    }

    func testRudderSDKPython() async throws {
        try await send(script: "send_rudder.py", extraArguments: [])
    }

    private func send(script: String, extraArguments: [String]) async throws {
        let python = Self.repositoryRoot.appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            XCTFail("\(python.path) is missing: run `bash scripts/python-sdks.sh` to install the Python client libraries")
            return
        }
        let store = try await Fixture.store()
        let app = try Fixture.application(store: store, clock: WallClock())
        let output = try await app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let scriptPath = Self.repositoryRoot.appendingPathComponent("Tests/KontorServerTests/Python/\(script)")
            return try await ChildProcess.run(
                python, arguments: [scriptPath.path, "--host", "http://127.0.0.1:\(port)", "--write-key", Fixture.writeKey]
                    + extraArguments)
        }
        XCTAssertEqual(output.status, 0, "\(script) failed:\n\(output.stdout)\n\(output.stderr)")
        let report = try JSONDecoder().decode(JSONValue.self, from: Data(output.stdout.utf8))
        guard case .array(let sentIds)? = report["messageIds"] else { return XCTFail("no messageIds in \(output.stdout)") }
        XCTAssertEqual(sentIds.count, script == "send_rudder.py" ? 6 : 7)
        let stored = try await store.all()
        XCTAssertEqual(stored.map { JSONValue.string($0.message.messageId) }.sorted(by: Self.byText), sentIds.sorted(by: Self.byText))
        let types = Set(stored.map(\.message.type))
        XCTAssertEqual(types, Set(MessageType.allCases))
        let identify = try XCTUnwrap(stored.first { $0.message.type == .identify }?.message)
        XCTAssertNotNil(identify.traits["email"])
        XCTAssertNotNil(identify.sentAt, "the libraries send sentAt")
        XCTAssertEqual(identify.context["library"]?["name"], "analytics-python")
    }

    private static func byText(_ a: JSONValue, _ b: JSONValue) -> Bool { a.serialized() < b.serialized() }

    /// The repository root, found from this file's real path (the test folder may be a symlink).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

/// The wall clock, for the live tests (the SDKs stamp real times).
struct WallClock: KontorClock {
    var now: Date { Date() }
    func sleep(until deadline: Date) async throws {}
}
