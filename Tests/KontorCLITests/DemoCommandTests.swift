import Foundation
import XCTest

/// `kontor demo` through the real binary: it runs for a fixed duration, exits 0,
/// and its summary shows a non-zero count for every stage.
final class DemoCommandTests: XCTestCase {
    private var pluginsArgument: [String] {
        ["--plugins", KontorBinary.repositoryRoot.appendingPathComponent("Plugins").path]
    }

    /// Generous: a debug build on a loaded 2-core machine; the stages need well under this.
    private static let duration = 45

    func testDemoShowsEveryStageWithNonZeroCountsAndExitsZero() throws {
        let folder = try KontorBinary.temporaryDirectory().appendingPathComponent("demo")
        let result = try KontorBinary.run(
            ["demo", "--duration", "\(Self.duration)", "--dir", folder.path, "--listen", "127.0.0.1:0"] + pluginsArgument,
            timeout: TimeInterval(Self.duration + 120))
        XCTAssertEqual(result.exitCode, 0, "stdout:\n\(result.stdout)\nstderr:\n\(result.stderr)")

        let summary = try XCTUnwrap(
            result.stdout.components(separatedBy: "Summary after").last, "no summary:\n\(result.stdout)")
        let counts = Self.counts(in: summary)
        let stages = [
            "customers pulled from the shop", "orders pulled from the shop", "survey answers", "pop-up sign-ups",
            "website events (identify/track)", "profiles", "profile merges", "segment newsletter", "segment repeat_buyers",
            "segment sports_fans", "email tool audience members (Mailchimp)", "ad platform audience members (Meta)",
            "webhook pushes to the website", "profiles pushed to the website", "personalisation answers",
        ]
        for stage in stages {
            XCTAssertGreaterThan(counts[stage] ?? 0, 0, "stage '\(stage)':\n\(result.stdout)\nstderr:\n\(result.stderr)")
        }
        XCTAssertTrue(result.stdout.contains("/admin/"), "the status page URL:\n\(result.stdout)")
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("connectors.yaml").path),
            "the demo configuration stays for `kontor status --config …`")

        // The folder holds a previous demo: a second demo may reuse it; the written configuration validates.
        let validate = try KontorBinary.run(
            ["validate", "--config", folder.appendingPathComponent("connectors.yaml").path] + pluginsArgument)
        XCTAssertEqual(validate.exitCode, 0, validate.stdout + validate.stderr)
        let again = try KontorBinary.run(
            ["demo", "--duration", "2", "--dir", folder.path, "--listen", "127.0.0.1:0"] + pluginsArgument)
        XCTAssertEqual(again.exitCode, 0, "a folder with a previous demo is reused:\n\(again.stdout)\n\(again.stderr)")
        XCTAssertTrue(again.stdout.contains("Summary after"), again.stdout)
    }

    func testDemoRefusesAFolderThatHoldsSomethingElse() throws {
        let folder = try KontorBinary.temporaryDirectory()
        try Data("keep me".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let result = try KontorBinary.run(["demo", "--duration", "1", "--dir", folder.path] + pluginsArgument)
        XCTAssertEqual(result.exitCode, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("not empty"), result.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8), "keep me")
    }

    /// `label: count` lines of the summary.
    private static func counts(in summary: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in summary.split(separator: "\n") {
            guard let colon = line.lastIndex(of: ":") else { continue }
            let label = line[..<colon].trimmingCharacters(in: .whitespaces)
            if let count = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)) {
                counts[label] = count
            }
        }
        return counts
    }
}
