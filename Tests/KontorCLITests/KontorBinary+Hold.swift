import Foundation

extension KontorBinary {
    /// What a held and killed run printed, and how it ended.
    struct KilledRun {
        var stdout: String
        var terminationReason: Process.TerminationReason
    }

    /// Runs `kontor arguments…` (which must include a hidden `--hold-after-…` option) in `directory`
    /// until it prints `holding`, then kills it with SIGKILL: the kill lands at the same point on a
    /// fast machine and a loaded one. Returns early (without `holding`) if the process ends first.
    static func runUntilHoldingThenKill(_ arguments: [String], in directory: URL) throws -> KilledRun {
        let process = Process()
        process.executableURL = try executableURL()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = ""
        while !seen.contains("holding\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return KilledRun(stdout: seen, terminationReason: process.terminationReason)
    }
}
