import KontorCore
import XCTest

final class ActivationPlannerTests: XCTestCase {
    private typealias Fixtures = ActivationFixtures

    // MARK: - Mode semantics

    func testModeTable() {
        let known = [
            DestinationStateEntry(profileID: "same", payload: ["email": "same@x.io"]),
            DestinationStateEntry(profileID: "changed", payload: ["email": "changed@x.io", "name": "Old"]),
            DestinationStateEntry(profileID: "left", payload: ["email": "left@x.io"]),
            DestinationStateEntry(profileID: "withdrawn", payload: ["email": "withdrawn@x.io"]),
        ]
        let desired = [
            DesiredMember(profileID: "same", payload: ["email": "same@x.io"]),
            DesiredMember(profileID: "changed", payload: ["email": "changed@x.io", "name": "New"]),
            DesiredMember(profileID: "new", payload: ["email": "new@x.io"]),
            DesiredMember(profileID: "withdrawn", payload: ["email": "withdrawn@x.io"], consented: false),
            DesiredMember(profileID: "new-unconsented", payload: ["email": "nu@x.io"], consented: false),
        ]
        let table: [(ActionMode, [String: OutboxOperation])] = [
            (.add, ["new": .add]),
            (.update, ["changed": .update]),
            (.upsert, ["changed": .update, "new": .add]),
            (.remove, ["left": .remove, "withdrawn": .remove]),
            (.mirror, ["changed": .update, "left": .remove, "new": .add, "withdrawn": .remove]),
        ]
        for (mode, expected) in table {
            let plan = ActivationPlanner(destination: "news", mode: mode).plan(desired: desired, known: known)
            let operations = Dictionary(uniqueKeysWithValues: plan.jobs.map { ($0.profileID, $0.operation) })
            XCTAssertEqual(operations, expected, "\(mode)")
            XCTAssertEqual(plan.stateChanges.map(\.profileID), plan.jobs.map(\.profileID), "\(mode): one state write per job")
            XCTAssertEqual(plan.jobs.map(\.profileID), plan.jobs.map(\.profileID).sorted(), "\(mode): sorted")
            XCTAssertEqual(plan.counts.unchanged, 1, "\(mode)")
        }
    }

    func testStateChangesFollowTheJobs() {
        let known = [DestinationStateEntry(profileID: "left", payload: ["email": "left@x.io"])]
        let desired = [DesiredMember(profileID: "new", payload: ["email": "new@x.io"])]
        let plan = ActivationPlanner(destination: "news", mode: .mirror).plan(desired: desired, known: known)
        XCTAssertEqual(plan.stateChanges, [
            .delete(profileID: "left"),
            .put(DestinationStateEntry(profileID: "new", payload: ["email": "new@x.io"])),
        ])
        let remove = try? XCTUnwrap(plan.jobs.first)
        XCTAssertEqual(remove?.payload, ["email": "left@x.io"], "a remove sends what the destination holds")
        XCTAssertEqual(remove?.payloadHash, PayloadHash.of(["email": "left@x.io"]))
    }

    func testPlanningIsDeterministic() {
        let desired = (0..<50).map { DesiredMember(profileID: "p\($0)", payload: ["n": .int($0)]) }
        let planner = ActivationPlanner(destination: "news", mode: .mirror)
        let first = planner.plan(desired: desired, known: [])
        let second = planner.plan(desired: desired.reversed(), known: [])
        XCTAssertEqual(first, second)
        XCTAssertEqual(Set(first.jobs.map(\.idempotencyKey)).count, 50)
    }

    func testInvalidMembersAreHeldAndReported() {
        let known = [DestinationStateEntry(profileID: "bad", payload: ["email": "bad@x.io"])]
        let error = RecordPlanningError(profileID: "bad", problems: [.init(field: "email", message: "required field is missing")])
        let plan = ActivationPlanner(destination: "news", mode: .mirror).plan(desired: [], known: known, invalid: [error])
        XCTAssertTrue(plan.jobs.isEmpty, "an unbuildable payload is not a departure")
        XCTAssertEqual(plan.errors, [error])
        XCTAssertEqual(plan.counts.invalid, 1)

        let withdrawn = [DesiredMember(profileID: "bad", payload: .null, consented: false)]
        let revoked = ActivationPlanner(destination: "news", mode: .mirror).plan(desired: withdrawn, known: known, invalid: [error])
        XCTAssertEqual(revoked.jobs.map(\.operation), [.remove], "withdrawn consent removes even when the payload is invalid")
        XCTAssertTrue(revoked.errors.isEmpty)
    }

    // MARK: - The scenarios of issue 5, through the field pipeline

    /// Maps views through the newsletter pipeline, then plans, then applies the state changes.
    private struct Run {
        var state: [String: DestinationStateEntry] = [:]
        let pipeline: FieldPipeline
        let planner: ActivationPlanner

        init(mode: ActionMode) throws {
            pipeline = try FieldPipeline(action: try Fixtures.membersAction(), mapping: Fixtures.newsletterMapping)
            planner = ActivationPlanner(destination: "newsletter", mode: mode)
        }

        mutating func plan(_ views: [String: JSONValue], consent: [String: Bool] = [:]) throws -> ActivationPlan {
            var desired: [DesiredMember] = []
            for (id, view) in views {
                let payload = try pipeline.payload(profileID: id, view: view, mode: planner.mode, now: Fixtures.now)
                desired.append(DesiredMember(profileID: id, payload: payload, consented: consent[id] ?? true))
            }
            let plan = planner.plan(desired: desired, known: Array(state.values))
            for change in plan.stateChanges {
                switch change {
                case .put(let entry): state[entry.profileID] = entry
                case .delete(let id): state[id] = nil
                }
            }
            return plan
        }
    }

    private func members(_ count: Int, colour: String = "blue") -> [String: JSONValue] {
        var views: [String: JSONValue] = [:]
        for index in 0..<count {
            views[String(format: "p%05d", index)] = Fixtures.view(email: "m\(index)@example.com", firstName: "N\(index)", colour: colour)
        }
        return views
    }

    func testSegmentArrivalThenRerunThenDeparturesThenChanges() throws {
        var run = try Run(mode: .mirror)
        var views = members(2345)

        let arrival = try run.plan(views)
        XCTAssertEqual(arrival.jobs.count, 2345)
        XCTAssertTrue(arrival.jobs.allSatisfy { $0.operation == .add })
        XCTAssertEqual(Set(arrival.jobs.map(\.idempotencyKey)).count, 2345)
        XCTAssertEqual(arrival.jobs.first?.payload, [
            "email_address": "m0@example.com", "merge_fields": ["FNAME": "N0"], "status": "subscribed",
        ])

        let rerun = try run.plan(views)
        XCTAssertTrue(rerun.isEmpty, "a second run with no changes plans nothing")
        XCTAssertEqual(rerun.counts.unchanged, 2345)

        let leavers = views.keys.sorted().prefix(10)
        for id in leavers { views[id] = nil }
        let departures = try run.plan(views)
        XCTAssertEqual(departures.jobs.count, 10)
        XCTAssertEqual(departures.jobs.map(\.profileID), Array(leavers))
        XCTAssertTrue(departures.jobs.allSatisfy { $0.operation == .remove })

        let changed = [100, 200, 300]
        for index in changed {
            views[String(format: "p%05d", index)] = Fixtures.view(email: "m\(index)@example.com", firstName: "Renamed")
        }
        let updates = try run.plan(views)
        XCTAssertEqual(updates.jobs.map(\.profileID), ["p00100", "p00200", "p00300"])
        XCTAssertEqual(updates.jobs.first?.payload["merge_fields"], ["FNAME": "Renamed"])
        XCTAssertTrue(updates.jobs.allSatisfy { $0.operation == .update })

        for id in views.keys { views[id] = views[id].map { Self.recolour($0, "green") } }
        XCTAssertTrue(try run.plan(views).isEmpty, "a trait no mapping reads changes nothing")

        let revoked = try run.plan(views, consent: ["p00500": false])
        XCTAssertEqual(revoked.jobs.map(\.profileID), ["p00500"])
        XCTAssertEqual(revoked.jobs.map(\.operation), [.remove])
        XCTAssertTrue(try run.plan(views, consent: ["p00500": false]).isEmpty, "removed once")
    }

    func testAddModeNeverRemovesNorUpdates() throws {
        var run = try Run(mode: .add)
        var views = members(20)
        XCTAssertEqual(try run.plan(views).jobs.count, 20)
        views["p00000"] = nil
        views["p00001"] = Fixtures.view(email: "m1@example.com", firstName: "Other")
        let plan = try run.plan(views, consent: ["p00002": false])
        XCTAssertTrue(plan.jobs.isEmpty)
        XCTAssertEqual(plan.counts.ignored, 3)
    }

    private static func recolour(_ view: JSONValue, _ colour: String) -> JSONValue {
        guard case .object(var object) = view, case .object(var traits)? = object["traits"] else { return view }
        traits["colour"] = .string(colour)
        object["traits"] = .object(traits)
        return .object(object)
    }
}
