import Foundation
import KontorCore
import XCTest

/// A pending job as the tests build it.
struct TestJob: BatchItem, Equatable {
    var id: Int
    var operation: OutboxOperation = .add
    var payload: JSONValue
    var enqueuedAt: Date

    init(_ id: Int, _ operation: OutboxOperation = .add, payload: JSONValue? = nil, age: TimeInterval = 0) {
        self.id = id
        self.operation = operation
        self.payload = payload ?? ["email": .string("m\(id)@example.com")]
        self.enqueuedAt = BatchPlannerTests.now.addingTimeInterval(-age)
    }
}

final class BatchPlannerTests: XCTestCase {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    private func sizes(_ plan: BatchPlan<TestJob>) -> [Int] { plan.ready.map(\.items.count) }

    func testCutBySize() {
        let table: [(count: Int, size: Int, expected: [Int])] = [
            (2345, 500, [500, 500, 500, 500, 345]),
            (1000, 500, [500, 500]),
            (1, 500, [1]),
            (0, 500, []),
            (3, 1, [1, 1, 1]),
        ]
        for (count, size, expected) in table {
            let jobs = (0..<count).map { TestJob($0) }
            let plan = BatchPlanner(limits: BatchLimits(size: size)).plan(jobs, now: Self.now)
            XCTAssertEqual(sizes(plan), expected, "\(count) by \(size)")
            XCTAssertEqual(plan.ready.flatMap(\.items).map(\.id), Array(0..<count), "order kept")
        }
    }

    func testCutByBytes() {
        // Each payload {"v":"xxxxxxxxxx"} is 18 bytes; an array of n of them is 18n + (n-1) + 2 bytes.
        let jobs = (0..<10).map { TestJob($0, payload: ["v": .string(String(repeating: "x", count: 10))]) }
        XCTAssertEqual(BatchPlanner.bytes(of: jobs[0].payload), 18)
        let table: [(maxBytes: Int, expected: [Int])] = [
            (58, [3, 3, 3, 1]),   // 3 items = 18*3 + 2 + 2 = 58: fits exactly
            (57, [2, 2, 2, 2, 2]),
            (20, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
            (10_000, [10]),
        ]
        for (maxBytes, expected) in table {
            let plan = BatchPlanner(limits: BatchLimits(size: 100, maxBytes: maxBytes)).plan(jobs, now: Self.now)
            XCTAssertEqual(sizes(plan), expected, "max_bytes \(maxBytes)")
            XCTAssertTrue(plan.ready.allSatisfy { $0.bytes <= maxBytes })
            XCTAssertTrue(plan.ready.dropLast().allSatisfy { $0.reason == .bytes || $0.reason == .size })
        }
        let first = BatchPlanner(limits: BatchLimits(size: 100, maxBytes: 58)).plan(jobs, now: Self.now).ready[0]
        XCTAssertEqual(first.bytes, 58)
        XCTAssertEqual(first.bytes, "[\(first.items.map { $0.payload.serialized() }.joined(separator: ","))]".utf8.count)
    }

    func testOversizedRecordIsSetAside() {
        let jobs = [TestJob(0), TestJob(1, payload: ["v": .string(String(repeating: "x", count: 100))]), TestJob(2)]
        let plan = BatchPlanner(limits: BatchLimits(size: 10, maxBytes: 64)).plan(jobs, now: Self.now)
        XCTAssertEqual(plan.oversized.map(\.id), [1])
        XCTAssertEqual(plan.ready.flatMap(\.items).map(\.id), [0, 2])
    }

    func testGroupsByOperationAndGroupByFields() {
        let jobs = [
            TestJob(0, payload: ["list_id": "a", "email": "0"]),
            TestJob(1, payload: ["list_id": "b", "email": "1"]),
            TestJob(2, .remove, payload: ["list_id": "a", "email": "2"]),
            TestJob(3, payload: ["list_id": "a", "email": "3"]),
            TestJob(4, payload: ["email": "4"]),
        ]
        let plan = BatchPlanner(limits: BatchLimits(size: 10, groupBy: ["list_id"])).plan(jobs, now: Self.now)
        let groups = plan.ready.map { ($0.group.description, $0.items.map(\.id)) }
        XCTAssertEqual(groups.map(\.0), [#"add {"list_id":"a"}"#, #"add {"list_id":"b"}"#, #"remove {"list_id":"a"}"#, #"add {"list_id":null}"#])
        XCTAssertEqual(groups.map(\.1), [[0, 3], [1], [2], [4]])

        let ungrouped = BatchPlanner(limits: BatchLimits(size: 10)).plan(jobs, now: Self.now)
        XCTAssertEqual(ungrouped.ready.map { $0.items.map(\.id) }, [[0, 1, 3, 4], [2]], "operations never share a batch")
    }

    func testMaxWaitTable() {
        // Three jobs, the oldest `age` seconds old; size 10 so the batch is partial.
        let table: [(maxWait: TimeInterval?, age: TimeInterval, drain: Bool, expected: Batch<TestJob>.FlushReason?)] = [
            (30, 29, false, nil),
            (30, 30, false, .maxWait),
            (30, 31, false, .maxWait),
            (30, 0, true, .forced),
            (nil, 0, false, .immediate),
            (0, 0, false, .immediate),
        ]
        for (maxWait, age, drain, expected) in table {
            let jobs = [TestJob(0, age: age), TestJob(1, age: 1), TestJob(2)]
            let plan = BatchPlanner(limits: BatchLimits(size: 10, maxWait: maxWait)).plan(jobs, now: Self.now, drain: drain)
            XCTAssertEqual(plan.ready.first?.reason, expected, "max_wait \(String(describing: maxWait)), age \(age)")
            if expected == nil {
                XCTAssertEqual(plan.waiting.map(\.id), [0, 1, 2])
                XCTAssertEqual(plan.nextFlushAt, Self.now.addingTimeInterval(30 - age))
            } else {
                XCTAssertTrue(plan.waiting.isEmpty)
                XCTAssertNil(plan.nextFlushAt)
            }
        }
    }

    func testFullBatchesGoWhilePartialOnesWait() {
        let jobs = (0..<12).map { TestJob($0, age: 5) }
        let plan = BatchPlanner(limits: BatchLimits(size: 5, maxWait: 60)).plan(jobs, now: Self.now)
        XCTAssertEqual(sizes(plan), [5, 5])
        XCTAssertTrue(plan.ready.allSatisfy { $0.reason == .size })
        XCTAssertEqual(plan.waiting.map(\.id), [10, 11])
        XCTAssertEqual(plan.nextFlushAt, Self.now.addingTimeInterval(55))
    }

    func testOrdersByEnqueueTime() {
        let jobs = [TestJob(0, age: 1), TestJob(1, age: 3), TestJob(2, age: 2)]
        let plan = BatchPlanner(limits: BatchLimits(size: 10)).plan(jobs, now: Self.now)
        XCTAssertEqual(plan.ready.flatMap(\.items).map(\.id), [1, 2, 0])
    }

    func testLimitsFromAnAction() throws {
        let action = try ActivationFixtures.action("""
            {"fields": {}, "batch": {"size": 500, "max_bytes": "5MB", "max_wait": "30s", "group_by": ["list_id"]},
             "request": {"method": "POST"}}
            """)
        let limits = try BatchLimits(action.batch)
        XCTAssertEqual(limits, BatchLimits(size: 500, maxBytes: 5_242_880, maxWait: 30, groupBy: ["list_id"]))
        let lowered = try BatchLimits(action.batch, override: .init(size: 100, maxWait: 5))
        XCTAssertEqual(lowered.size, 100)
        XCTAssertEqual(lowered.maxWait, 5)
        XCTAssertEqual(try BatchLimits(action.batch, override: .init(size: 900)).size, 500, "an override cannot raise the size")
        XCTAssertEqual(try BatchLimits(nil), .single)
    }
}
