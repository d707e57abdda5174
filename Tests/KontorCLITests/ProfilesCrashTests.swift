import Foundation
import KontorCore
import KontorSQLite
import KontorStore
import XCTest

/// A `kontor profiles build` killed with SIGKILL in the middle of a large log
/// restarts and ends with exactly the profiles of an uninterrupted run.
final class ProfilesCrashTests: XCTestCase {
    static let messageCount = 6_000
    static let configuration = """
        kontor: 1
        store: sqlite:kontor.db
        identity: {keys: [user_id, email, anonymous_id]}
        consent: {purposes: [email]}
        traits:
          order_count:    {count: {event: Order Completed}}
          lifetime_value: {sum: {event: Order Completed, property: total}}
        segments:
          buyers: {where: "computed.order_count >= 2 and consent.email"}
        """

    func testKilledBuildRestartsToTheSameProfiles() async throws {
        let root = try KontorBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let killed = root.appendingPathComponent("killed")
        let whole = root.appendingPathComponent("whole")
        for folder in [killed, whole] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Self.configuration.write(to: folder.appendingPathComponent("connectors.yaml"), atomically: true, encoding: .utf8)
        }
        let store = try SQLiteStore.file(at: killed.appendingPathComponent("kontor.db").path)
        try await store.migrate()
        let log = Self.generatedLog()
        for start in stride(from: 0, to: log.count, by: 2_000) {
            _ = try await store.append(Array(log[start..<min(start + 2_000, log.count)]), source: "shop")
        }
        let total = try await store.lastSeq()
        try await store.close()
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: killed.appendingPathComponent("kontor.db" + suffix).path) {
            try FileManager.default.copyItem(
                at: killed.appendingPathComponent("kontor.db" + suffix), to: whole.appendingPathComponent("kontor.db" + suffix))
        }

        let uninterrupted = try KontorBinary.run(["profiles", "build", "--config", "connectors.yaml"], in: whole)
        XCTAssertEqual(uninterrupted.exitCode, 0, uninterrupted.stderr)

        let position = try await killMidway(in: killed)
        XCTAssertGreaterThan(position, 0, "the killed run committed some batches")
        XCTAssertLessThan(position, total, "the run was killed before the end")
        let restarted = try KontorBinary.run(["profiles", "build", "--config", "connectors.yaml"], in: killed)
        XCTAssertEqual(restarted.exitCode, 0, restarted.stderr)

        let expected = try await Self.dump(whole.appendingPathComponent("kontor.db").path)
        let actual = try await Self.dump(killed.appendingPathComponent("kontor.db").path)
        XCTAssertGreaterThan(expected.count, 1_000, "the log builds thousands of profiles")
        XCTAssertEqual(actual.count, expected.count)
        if let difference = zip(actual, expected).first(where: { $0 != $1 }) {
            XCTFail("first difference:\n\(difference.0)\n\(difference.1)")
        }
    }

    /// Starts a build that holds (blocks) after five committed batches, kills it there with
    /// SIGKILL, and returns the committed position. Holding makes the kill point the same on
    /// a fast machine and a loaded one.
    private func killMidway(in folder: URL) async throws -> Int64 {
        let run = try KontorBinary.runUntilHoldingThenKill(
            ["profiles", "build", "--config", "connectors.yaml", "--batch-size", "100", "--progress", "--hold-after-batches", "5"],
            in: folder)
        let seen = run.stdout
        XCTAssertEqual(run.terminationReason, .uncaughtSignal, "the build was killed, not finished: \(seen)")
        XCTAssertEqual(seen.components(separatedBy: "position ").count - 1, 5, seen)
        let store = try SQLiteStore.file(at: folder.appendingPathComponent("kontor.db").path)
        let position = try await store.position(consumer: "profiles")
        try await store.close()
        return position
    }

    /// People browsing, signing up, sharing emails, aliasing and buying, from a fixed seed.
    static func generatedLog() -> [Message] {
        var state: UInt64 = 2024
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let start = Date(timeIntervalSince1970: 1_717_200_000)
        return (0..<messageCount).map { index in
            let person = Int(next() % 3_000)
            let at = start.addingTimeInterval(Double(index) * 60)
            let anonymous = "anon-\(person)-\(next() % 2)"
            let id = "m\(index)"
            switch next() % 5 {
            case 0: return Message(type: .page, messageId: id, timestamp: at, anonymousId: anonymous, name: "Home")
            case 1:
                return Message(type: .identify, messageId: id, timestamp: at, anonymousId: anonymous,
                               traits: ["email": .string("p\(person)@example.com"), "visits": .int(index)])
            case 2:
                return Message(type: .identify, messageId: id, timestamp: at, userId: "u\(person)",
                               traits: ["email": .string("p\(person % 2_500)@example.com"), "consent": ["email": .bool(index % 3 != 0)]])
            case 3:
                return Message(type: .track, messageId: id, timestamp: at, userId: "u\(person)", event: "Order Completed",
                               properties: ["total": .int(index % 50)])
            default: return Message(type: .alias, messageId: id, timestamp: at, userId: "u\(person)", previousId: anonymous)
            }
        }
    }

    /// Every profile, merge, event attribution and membership as sorted lines.
    static func dump(_ path: String) async throws -> [String] {
        let store = try SQLiteStore.file(at: path)
        let lines = try await store.profileRead { reader in
            var lines: [String] = []
            var after: ProfileID?
            while true {
                let page = try reader.profiles(after: after, limit: 500)
                guard let last = page.last else { break }
                for profile in page {
                    let consent = profile.consent.history.map { "\($0.purpose)=\($0.granted)@\($0.messageID)" }
                    lines.append([
                        profile.id, StoreTimestamp.string(from: profile.createdAt), profile.identities.map(\.description).joined(separator: ","),
                        profile.traits.traits.serialized(), JSONValue.object(profile.computedValues).serialized(),
                        consent.joined(separator: ","), String(profile.mergeCount),
                    ].joined(separator: " | "))
                    let family = try reader.family(of: profile.id)
                    let events = try reader.attributedEvents(of: family)
                    lines.append("events \(profile.id): \(events.map(\.messageID).joined(separator: ","))")
                    guard family.count > 1 else { continue }
                    lines.append("family \(profile.id): \(family.sorted().joined(separator: ","))")
                    for merge in try reader.merges(involving: family) { lines.append("merge \(merge.id): \(merge.record.summary)") }
                }
                after = last.id
            }
            lines.append("buyers: \(try reader.members(of: "buyers", limit: 1_000_000).joined(separator: ","))")
            return Array(Set(lines)).sorted()
        }
        try await store.close()
        return lines
    }
}
