import Foundation
import XCTest

/// Runs the built `kontor` executable as a child process, the way a user would.
struct KontorBinary {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `kontor` binary that `swift build` / `swift test` put next to the test bundle
    /// (on Linux the test bundle is itself the running executable).
    static func executableURL() throws -> URL {
        let starts = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle(for: BundleMarker.self).bundleURL.deletingLastPathComponent(),
            repositoryRoot.appendingPathComponent(".build/debug"),
        ]
        for start in starts {
            var directory = start
            for _ in 0..<3 {
                let candidate = directory.appendingPathComponent("kontor")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
        }
        throw BinaryNotFound()
    }

    /// Runs `kontor arguments…` in `directory` with `environment` added to a minimal environment.
    static func run(
        _ arguments: [String],
        in directory: URL = repositoryRoot,
        environment: [String: String] = [:],
        timeout: TimeInterval = 120
    ) throws -> Result {
        let process = Process()
        process.executableURL = try executableURL()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            exitCode: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }

    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

private final class BundleMarker {}

/// `swift test` builds every product; a missing binary means a broken build layout.
struct BinaryNotFound: Error, CustomStringConvertible {
    var description: String { "the kontor executable was not found next to the test bundle; run `swift build` first" }
}
