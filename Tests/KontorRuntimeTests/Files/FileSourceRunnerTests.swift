import KontorCore
import KontorSQLite
import KontorStore
import XCTest
@testable import KontorRuntime

final class FileSourceRunnerTests: XCTestCase {
    private var folder: URL!
    private let csv = #"{"path":"sales-*.csv","format":"csv""#

    override func setUpWithError() throws {
        folder = try FileFixture.folder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func runner(
        _ file: String, store: any SyncStateStore, archive: String? = nil, pageSize: Int = 1000
    ) throws -> FileSourceRunner {
        try FileSourceRunner(
            source: "till", plugin: try FileFixture.plugin(file: file, archive: archive), config: ["directory": "exports"],
            store: store, clock: FileTestClock(), options: FileRunOptions(baseDirectory: folder, pageSize: pageSize)
        )
    }

    private var exports: URL { folder.appendingPathComponent("exports") }

    func testReadsEveryFileAndRereadsAreDuplicates() async throws {
        try FileFixture.write(FileFixture.salesCSV(0..<3), "sales-1.csv", in: exports)
        try FileFixture.write(FileFixture.salesCSV(3..<5), "sales-2.csv", in: exports)
        try FileFixture.write(FileFixture.salesCSV(9..<10), "other.csv", in: exports)
        let store = try await FileFixture.store()
        let first = try await runner(csv + "}", store: store).run()
        XCTAssertEqual(first.pull.total.records, 5)
        XCTAssertEqual(first.pull.total.messages, 5)
        let events = try await store.read(after: 0, limit: 10)
        XCTAssertEqual(events.map(\.message.event), Array(repeating: "Order Completed", count: 5))
        XCTAssertEqual(events.first?.message.userId, "c0")
        XCTAssertEqual(events.first?.message.properties["sku"], "sku-0")
        // No order_by: every run reads every file again; the messageIds make them duplicates.
        let second = try await runner(csv + "}", store: store).run()
        XCTAssertEqual(second.pull.total.records, 5)
        XCTAssertEqual(second.pull.total.messages, 0)
        XCTAssertEqual(second.pull.total.duplicates, 5)
        XCTAssertEqual(second.pull.cursors["sales"]?[""], [:])
    }

    func testIncrementalByNameReadsOnlyLaterNames() async throws {
        try FileFixture.write(FileFixture.salesCSV(0..<2), "sales-2024-05-01.csv", in: exports)
        try FileFixture.write(FileFixture.salesCSV(2..<4), "sales-2024-05-02.csv", in: exports)
        let store = try await FileFixture.store()
        let file = csv + #","order_by":"name"}"#
        let first = try await runner(file, store: store).run()
        XCTAssertEqual(first.pull.total.records, 4)
        XCTAssertEqual(first.pull.cursors["sales"]?[""]?["file"], "sales-2024-05-02.csv")
        try FileFixture.write(FileFixture.salesCSV(4..<7), "sales-2024-05-03.csv", in: exports)
        try FileFixture.write(FileFixture.salesCSV(100..<101), "sales-2024-04-30.csv", in: exports)
        let second = try await runner(file, store: store).run()
        XCTAssertEqual(second.pull.total.records, 3)
        XCTAssertEqual(second.pull.total.messages, 3)
        XCTAssertEqual(second.pull.cursors["sales"]?[""]?["file"], "sales-2024-05-03.csv")
        let third = try await runner(file, store: store).run()
        XCTAssertEqual(third.pull.total.records, 0)
    }

    func testIncrementalByModificationTime() async throws {
        let day = Date(timeIntervalSince1970: 1_714_557_600)
        try FileFixture.write(FileFixture.salesCSV(0..<2), "sales-b.csv", in: exports, modified: day)
        try FileFixture.write(FileFixture.salesCSV(2..<5), "sales-a.csv", in: exports, modified: day.addingTimeInterval(60))
        let store = try await FileFixture.store()
        let file = csv + #","order_by":"mtime"}"#
        let first = try await runner(file, store: store).run()
        XCTAssertEqual(first.pull.total.records, 5)
        let events = try await store.read(after: 0, limit: 10)
        XCTAssertEqual(events.map(\.message.userId), ["c0", "c1", "c2", "c3", "c4"], "older file first")
        XCTAssertEqual(first.pull.cursors["sales"]?[""]?["file"], "sales-a.csv")
        // A new file with an earlier name but a later mtime is read; unchanged files are not.
        try FileFixture.write(FileFixture.salesCSV(5..<6), "sales-0.csv", in: exports, modified: day.addingTimeInterval(120))
        let second = try await runner(file, store: store).run()
        XCTAssertEqual(second.pull.total.records, 1)
        // A file written again (later mtime) is read again.
        try FileFixture.touch(exports.appendingPathComponent("sales-b.csv"), day.addingTimeInterval(180))
        let third = try await runner(file, store: store).run()
        XCTAssertEqual(third.pull.total.records, 2)
        XCTAssertEqual(third.pull.total.duplicates, 2)
    }

    func testBadRowSkippedIsListedWithItsLine() async throws {
        try FileFixture.write("customer_id,sku,quantity\nc1,A,1\nc2,B\nc3,C,3\n", "sales-1.csv", in: exports)
        let store = try await FileFixture.store()
        let result = try await runner(csv + #","on_bad_row":"skip"}"#, store: store).run()
        XCTAssertEqual(result.pull.total.records, 2)
        XCTAssertEqual(result.badRowCount, 1)
        XCTAssertEqual(result.badRows, [BadRow(stream: "sales", file: "sales-1.csv", line: 3, reason: "expected 3 fields, found 2")])
    }

    func testBadRowFailsTheRunWithoutMovingTheCursor() async throws {
        try FileFixture.write(FileFixture.salesCSV(0..<2), "sales-1.csv", in: exports)
        try FileFixture.write("customer_id,sku,quantity\nc1,A,1\nc2,B\n", "sales-2.csv", in: exports)
        let store = try await FileFixture.store()
        do {
            _ = try await runner(csv + #","order_by":"name"}"#, store: store).run()
            XCTFail("the bad row must stop the run")
        } catch {
            let pullError = try XCTUnwrap(error as? PullError)
            XCTAssertEqual(pullError.kind, .malformedPage)
            XCTAssertTrue(pullError.description.contains("sales-2.csv:3: expected 3 fields, found 2"), pullError.description)
        }
        let cursor = try await store.cursor(source: "till", stream: "sales")
        XCTAssertEqual(cursor?["file"], "sales-1.csv", "the first file is done, the second not")
        let count = try await store.count()
        XCTAssertEqual(count, 2)
    }

    func testResumesAfterACrashMidFileWithoutLossOrDuplicates() async throws {
        try FileFixture.write(FileFixture.salesCSV(0..<2500), "sales-1.csv", in: exports)
        try FileFixture.write(FileFixture.salesCSV(2500..<2600), "sales-2.csv", in: exports)
        let store = try await FileFixture.store()
        let file = csv + #","order_by":"name"}"#
        let crashing = CrashingFileStore(base: store, allowed: 2)
        do {
            _ = try await runner(file, store: crashing).run()
            XCTFail("the third commit fails")
        } catch {
            XCTAssertEqual((error as? PullError)?.kind, .store)
        }
        let stored = try await store.count()
        XCTAssertEqual(stored, 2000)
        let checkpoint = try await store.cursor(source: "till", stream: "sales")
        XCTAssertEqual(checkpoint?["_resume"]?["line"], 2001)
        let rerun = try await runner(file, store: store).run()
        XCTAssertEqual(rerun.pull.total.records, 600)
        XCTAssertEqual(rerun.pull.total.messages, 600)
        XCTAssertEqual(rerun.pull.total.duplicates, 0)
        let total = try await store.count()
        XCTAssertEqual(total, 2600)
        let cursor = rerun.pull.cursors["sales"]?[""]
        XCTAssertEqual(cursor?["file"], "sales-2.csv")
        XCTAssertNil(cursor?["_resume"], "both files are done")
    }

    func testArchivesFilesOnceStored() async throws {
        try FileFixture.write(FileFixture.salesCSV(0..<2), "2024/sales-1.csv", in: exports)
        try FileFixture.write(FileFixture.salesCSV(2..<3), "sales-2.csv", in: exports)
        let store = try await FileFixture.store()
        let file = #"{"path":"**/sales-*.csv","format":"csv"}"#
        let result = try await runner(file, store: store, archive: "done").run()
        XCTAssertEqual(result.pull.total.records, 3)
        XCTAssertEqual(result.archived, ["2024/sales-1.csv", "sales-2.csv"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: exports.appendingPathComponent("done/2024/sales-1.csv").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: exports.appendingPathComponent("sales-2.csv").path))
        // The archive is under the root and matches the glob, but is never read.
        let second = try await runner(file, store: store, archive: "done").run()
        XCTAssertEqual(second.pull.total.records, 0)
    }

    func testCatalogOrdersByNameOrModificationAndSkipsHiddenFiles() throws {
        let day = Date(timeIntervalSince1970: 1_714_557_600)
        try FileFixture.write("x\n", "b.csv", in: folder, modified: day)
        try FileFixture.write("x\n", "a.csv", in: folder, modified: day.addingTimeInterval(10))
        try FileFixture.write("x\n", "c.csv", in: folder, modified: day.addingTimeInterval(5))
        try FileFixture.write("x\n", ".a.csv.swp", in: folder)
        try FileFixture.write("x\n", "sub/d.csv", in: folder)
        let catalog = FileCatalog(root: folder, excluded: nil)
        XCTAssertEqual(try catalog.entries(matching: GlobPattern("*.csv"), orderedByModification: false).map(\.name), ["a.csv", "b.csv", "c.csv"])
        XCTAssertEqual(try catalog.entries(matching: GlobPattern("*.csv"), orderedByModification: true).map(\.name), ["b.csv", "c.csv", "a.csv"])
        XCTAssertEqual(try catalog.entries(matching: GlobPattern("**/*.csv"), orderedByModification: false).map(\.name), ["a.csv", "b.csv", "c.csv", "sub/d.csv"])
        XCTAssertThrowsError(try FileCatalog(root: folder.appendingPathComponent("missing"), excluded: nil)
            .entries(matching: GlobPattern("*"), orderedByModification: false))
    }

    func testStateRoundTrips() {
        let state = FileStreamState(
            done: .init(file: "a.csv", modified: 1_714_557_600_123_456),
            resume: .init(position: .init(file: "b.csv", modified: 7), line: 42, complete: false)
        )
        XCTAssertEqual(FileStreamState(json: state.json), state)
        XCTAssertEqual(state.json["modified"], "2024-05-01T10:00:00.123456Z")
    }
}
