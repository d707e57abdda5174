import Foundation
import KontorCore
import KontorSQLite
import KontorStore
import XCTest

/// `kontor profiles` and `kontor segments` through the real binary, over an
/// event log seeded with the store API.
final class ProfilesCommandTests: XCTestCase {
    static let configuration = """
        kontor: 1
        store: sqlite:kontor.db
        identity: {keys: [user_id, email, phone, loyalty_id, anonymous_id]}
        consent: {purposes: [email, ads]}
        traits:
          order_count:    {count: {event: Order Completed}}
          lifetime_value: {sum: {event: Order Completed, property: total}}
        segments:
          buyers:       {where: "computed.order_count >= 1"}
          email_buyers: {where: "consent.email and computed.order_count >= 2"}
        """

    private var directory: URL!

    override func setUp() async throws {
        directory = try KontorBinary.temporaryDirectory()
        try Self.configuration.write(to: directory.appendingPathComponent("connectors.yaml"), atomically: true, encoding: .utf8)
        let store = try SQLiteStore.file(at: directory.appendingPathComponent("kontor.db").path)
        try await store.migrate()
        let day = { (day: Double) in Date(timeIntervalSince1970: 1_717_200_000 + day * 86_400) }
        _ = try await store.append([
            Message(type: .page, messageId: "w1", timestamp: day(0), anonymousId: "a-web", name: "Home"),
            Message(type: .identify, messageId: "w2", timestamp: day(1), anonymousId: "a-web",
                    traits: ["email": "Ada@Example.com", "first_name": "Ada", "consent": ["email": true]]),
        ], source: "web")
        _ = try await store.append([
            Message(type: .identify, messageId: "s1", timestamp: day(2), userId: "u-ada", traits: ["last_name": "Lovelace"]),
            Message(type: .track, messageId: "s2", timestamp: day(3), userId: "u-ada", event: "Order Completed", properties: ["total": 30]),
            Message(type: .identify, messageId: "s3", timestamp: day(4), userId: "u-ada", traits: ["email": "ada@example.com"]),
            Message(type: .track, messageId: "s4", timestamp: day(5), userId: "u-ada", event: "Order Completed", properties: ["total": "12.50"]),
            Message(type: .identify, messageId: "s5", timestamp: day(5), userId: "u-bob", traits: ["email": "bob@example.com"]),
        ], source: "shop")
        try await store.close()
    }

    override func tearDown() {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// `true` when a line of `output` starts with `cells`, separated by any whitespace.
    static func hasRow(_ output: String, _ cells: [String]) -> Bool {
        output.split(separator: "\n").contains { line in
            line.split(whereSeparator: \.isWhitespace).map(String.init).starts(with: cells)
        }
    }

    private func kontor(_ arguments: [String]) throws -> KontorBinary.Result {
        try KontorBinary.run(arguments + ["--config", directory.appendingPathComponent("connectors.yaml").path], in: directory)
    }

    func testBuildThenShowPrintsTheUnifiedProfile() throws {
        let build = try kontor(["profiles", "build"])
        XCTAssertEqual(build.exitCode, 0, build.stderr)
        XCTAssertTrue(build.stdout.contains("7 event(s) processed up to position 7: 3 profile(s) created, 1 merge(s)"), build.stdout)

        let show = try kontor(["profiles", "show", "ADA@example.com"])
        XCTAssertEqual(show.exitCode, 0, show.stderr)
        for row in [
            ["email", "ada@example.com"], ["user_id", "u-ada"], ["anonymous_id", "a-web"],
            ["first_name", "\"Ada\"", "web"], ["last_name", "\"Lovelace\"", "shop"], ["lifetime_value", "42.5"],
            ["order_count", "2"], ["email", "granted", "web"], ["ads", "denied", "(default)"], ["email_buyers"], ["buyers"],
        ] {
            XCTAssertTrue(Self.hasRow(show.stdout, row), "missing row \(row) in:\n\(show.stdout)")
        }
        XCTAssertTrue(show.stdout.contains("#1 merge of"), show.stdout)

        let json = try kontor(["profiles", "show", "user_id:u-ada", "--json"])
        XCTAssertEqual(json.exitCode, 0, json.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((object?["identities"] as? [String: [String]])?["email"], ["ada@example.com"])
        XCTAssertEqual((object?["computed"] as? [String: Any])?["order_count"] as? Int, 2)
        XCTAssertEqual(Set(object?["segments"] as? [String] ?? []), ["buyers", "email_buyers"])
        XCTAssertEqual((object?["merges"] as? [[String: Any]])?.count, 1)

        let missing = try kontor(["profiles", "show", "nobody@example.com"])
        XCTAssertEqual(missing.exitCode, 1)
        XCTAssertTrue(missing.stderr.contains("no profile has email:nobody@example.com"), missing.stderr)
    }

    func testExportHoldsEverythingAboutThePerson() throws {
        XCTAssertEqual(try kontor(["profiles", "build"]).exitCode, 0)
        let export = try kontor(["profiles", "export", "ada@example.com"])
        XCTAssertEqual(export.exitCode, 0, export.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let events = try XCTUnwrap(object["events"] as? [[String: Any]])
        XCTAssertEqual(events.compactMap { ($0["message"] as? [String: Any])?["messageId"] as? String }, ["w1", "w2", "s1", "s2", "s3", "s4"])
        XCTAssertEqual((object["consent_history"] as? [[String: Any]])?.first?["source"] as? String, "web")
        XCTAssertEqual((object["trait_sources"] as? [[String: Any]])?.count, 3)
        XCTAssertEqual((object["audit_log"] as? [[String: Any]])?.first?["action"] as? String, "merge")
        XCTAssertNotNil(object["segment_history"])
        XCTAssertEqual((object["absorbed_profiles"] as? [String])?.count, 1)
    }

    func testUnmergeSplitsTheProfileAgain() throws {
        XCTAssertEqual(try kontor(["profiles", "build"]).exitCode, 0)
        let unmerge = try kontor(["profiles", "unmerge", "1"])
        XCTAssertEqual(unmerge.exitCode, 0, unmerge.stderr)
        XCTAssertTrue(unmerge.stdout.contains("merge 1 undone"), unmerge.stdout)
        let ada = try kontor(["profiles", "show", "user_id:u-ada", "--json"])
        let web = try kontor(["profiles", "show", "anonymous_id:a-web", "--json"])
        let adaID = (try JSONSerialization.jsonObject(with: Data(ada.stdout.utf8)) as? [String: Any])?["id"] as? String
        let webID = (try JSONSerialization.jsonObject(with: Data(web.stdout.utf8)) as? [String: Any])?["id"] as? String
        XCTAssertNotNil(adaID)
        XCTAssertNotEqual(adaID, webID)
        let again = try kontor(["profiles", "unmerge", "1"])
        XCTAssertEqual(again.exitCode, 1)
        XCTAssertTrue(again.stderr.contains("already undone"), again.stderr)
        let bad = try kontor(["profiles", "unmerge", "first"])
        XCTAssertEqual(bad.exitCode, 2, bad.stderr)
    }

    func testSegmentsListAndPreview() throws {
        XCTAssertEqual(try kontor(["profiles", "build"]).exitCode, 0)
        let list = try kontor(["segments", "list"])
        XCTAssertEqual(list.exitCode, 0, list.stderr)
        XCTAssertTrue(Self.hasRow(list.stdout, ["buyers", "1"]), list.stdout)
        XCTAssertTrue(Self.hasRow(list.stdout, ["email_buyers", "1"]), list.stdout)
        XCTAssertTrue(list.stdout.contains("2 profile(s)"), list.stdout)

        let preview = try kontor(["segments", "preview", "buyers", "--where", "traits.email is defined", "--limit", "5", "--json"])
        XCTAssertEqual(preview.exitCode, 0, preview.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(preview.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["matching"] as? Int, 2)
        XCTAssertEqual(object?["current_members"] as? Int, 1)

        let typo = try kontor(["segments", "preview", "buyer"])
        XCTAssertEqual(typo.exitCode, 1)
        XCTAssertTrue(typo.stderr.contains("did you mean 'buyers'?"), typo.stderr)
        let broken = try kontor(["segments", "preview", "buyers", "--where", "computed.order_cnt > 1"])
        XCTAssertEqual(broken.exitCode, 1)
        XCTAssertTrue(broken.stderr.contains("did you mean 'order_count'?"), broken.stderr)
    }
}
