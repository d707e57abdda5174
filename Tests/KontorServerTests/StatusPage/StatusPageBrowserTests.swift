import Foundation
import HummingbirdTesting
import KontorCore
import KontorServer
import XCTest

/// The status page in a real browser: headless Chromium (Debian's `chromium`,
/// installed by `scripts/bootstrap.sh`) signs in with `?token=`, follows the
/// redirect with its cookie, and must render the configured sources and
/// destinations; a screenshot is taken.
///
/// With `KONTOR_UPDATE_SCREENSHOT=1` the screenshot is also copied to
/// `docs/images/status-page.png`.
final class StatusPageBrowserTests: XCTestCase {
    private typealias F = AdminFixture

    func testStatusPageRendersInHeadlessChromium() async throws {
        guard let chromium = Self.chromium() else {
            XCTFail("chromium is not installed: run `bash scripts/bootstrap.sh` (CI installs it) to check the status page in a browser")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-status-page-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let screenshot = folder.appendingPathComponent("status-page.png")
        let store = try await F.store()
        let app = try F.application(store: store)
        let (dom, shot) = try await app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let url = "http://127.0.0.1:\(port)/admin/?token=\(F.token)"
            let dom = try await Self.run(chromium, ["--dump-dom", url], profile: folder.appendingPathComponent("profile-dom"))
            let shot = try await Self.run(
                chromium, ["--screenshot=\(screenshot.path)", "--window-size=1280,900", "--hide-scrollbars", url],
                profile: folder.appendingPathComponent("profile-shot"))
            return (dom, shot)
        }
        XCTAssertEqual(dom.status, 0, "chromium --dump-dom failed:\n\(dom.stderr.suffix(2000))")
        let html = dom.stdout
        XCTAssertTrue(html.contains("<h1>Kontor status</h1>"), "the status page rendered, not the sign-in form:\n\(html.prefix(500))")
        for name in ["shop", "crm", "popup", "newsletter", "retargeting"] {
            XCTAssertTrue(html.contains(">\(name)<"), "the browser shows \(name)")
        }
        XCTAssertFalse(html.contains("action=\"/admin/sign-in\""))

        XCTAssertEqual(shot.status, 0, "chromium --screenshot failed:\n\(shot.stderr.suffix(2000))")
        let png = try Data(contentsOf: screenshot)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG file")
        XCTAssertGreaterThan(png.count, 20_000, "a screenshot of a rendered page, not a blank one")
        if ProcessInfo.processInfo.environment["KONTOR_UPDATE_SCREENSHOT"] == "1" {
            let target = PythonClientLibraryTests.repositoryRoot.appendingPathComponent("docs/images/status-page.png")
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: screenshot, to: target)
        }
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("profile-dom"))
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("profile-shot"))
    }

    /// Runs headless Chromium with its own profile folder, stopped after two minutes at most.
    private static func run(_ chromium: URL, _ arguments: [String], profile: URL) async throws -> ChildProcess.Output {
        let flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--user-data-dir=\(profile.path)",
        ]
        return try await ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/timeout"), arguments: ["120", chromium.path] + flags + arguments)
    }

    /// Debian's `chromium` (or another Chromium/Chrome) on the `PATH`.
    static func chromium() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }
}
