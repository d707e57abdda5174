import Foundation
import HummingbirdTesting
import KontorCore
import KontorSQLite
import KontorServer
import KontorStore
import Logging
import XCTest

final class GroupCommitTests: XCTestCase {
    func testFiftyConcurrentRequestsAreAllStoredExactlyOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-gc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore.file(at: folder.appendingPathComponent("kontor.db").path)
        try await store.migrate()

        try await Fixture.application(store: store).test(.router) { client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for request in 0..<50 {
                    group.addTask {
                        // Every fifth request is a batch of three, and every request repeats one id.
                        let body: JSONValue =
                            request % 5 == 0
                            ? Body.batch((0..<3).map { Body.track("r\(request)-\($0)") } + [Body.track("shared")])
                            : Body.batch([Body.track("r\(request)-0"), Body.track("shared")])
                        let response = try await client.ingest("/v1/batch", json: body)
                        return Int(response.status.code)
                    }
                }
                for try await status in group { XCTAssertEqual(status, 200) }
            }
        }
        let ids = try await store.all().map(\.message.messageId)
        XCTAssertEqual(ids.count, 10 * 3 + 40 + 1)
        XCTAssertEqual(Set(ids).count, ids.count, "a message was stored twice")
        XCTAssertTrue(ids.contains("shared"))
        try await store.close()
    }

    func testEachRequestGetsItsOwnCountsFromAGroup() async throws {
        let store = try await Fixture.store()
        let writer = GroupCommitWriter(store: store, logger: Logger(label: "test"))
        let runner = Task { try await writer.run() }
        async let first = writer.append([Self.message("a"), Self.message("b")], source: "ingest")
        async let second = writer.append([Self.message("b"), Self.message("c")], source: "ingest")
        let results = try await [first, second]
        XCTAssertEqual(results.map(\.inserted).reduce(0, +), 3)
        XCTAssertEqual(results.map(\.duplicates).reduce(0, +), 1)
        runner.cancel()
        _ = try? await runner.value
        do {
            _ = try await writer.append([Self.message("d")], source: "ingest")
            XCTFail("a stopped writer accepted an append")
        } catch {
            XCTAssertEqual(error, .unavailable("the server is shutting down"))
        }
        let count = try await store.count()
        XCTAssertEqual(count, 3)
    }

    func testABadRequestInAGroupDoesNotFailTheOthers() async throws {
        let store = try await Fixture.store()
        let writer = GroupCommitWriter(store: store, logger: Logger(label: "test"))
        let good = Message(type: .track, messageId: "good", timestamp: Fixture.receivedAt, userId: "u", event: "E")
        // Queued together, they are likely committed as one group; either way the outcome is the same.
        async let rejected = Self.failure { () async throws(GroupCommitWriter.Failure) in
            try await writer.append([good], source: "")
        }
        async let accepted = writer.append([good], source: "ingest")
        let runner = Task { try await writer.run() }
        let acceptedResult = try await accepted
        XCTAssertEqual(acceptedResult.inserted, 1)
        guard case .rejected? = await rejected else { return XCTFail("an empty source was accepted") }
        runner.cancel()
        _ = try? await runner.value
    }

    private static func message(_ id: String) -> Message {
        Message(type: .track, messageId: id, timestamp: Fixture.receivedAt, userId: "u", event: "E")
    }

    private static func failure(
        _ body: () async throws(GroupCommitWriter.Failure) -> AppendResult
    ) async -> GroupCommitWriter.Failure? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error
        }
    }
}
