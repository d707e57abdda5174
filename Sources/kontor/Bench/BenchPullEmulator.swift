import Foundation
import KontorTesting

#if canImport(Glibc)
import Glibc
#endif

/// The Shopify emulator of `kontor bench pull`, served by a child process (`kontor bench pull
/// --serve-emulator N`) so that the pull's CPU seconds and peak memory are the runtime's alone.
/// The child prints `READY <port> <generation seconds>` once it listens and stops when its
/// standard input closes.
struct BenchPullEmulator {
    /// The emulated shop's API base, `http://127.0.0.1:<port>/admin/api/2024-10/`.
    let apiBase: String
    /// Seconds the child spent generating the data set.
    let generationSeconds: Double
    private let process: Process?
    private let input: Pipe?
    private let inProcess: ShopifyEmulator?

    /// A shop without throttling: the bench measures the runtime, not Shopify's 2 requests a second.
    static let configuration = ShopifyConfiguration(bucketSize: 1_000_000_000, leakPerSecond: 1_000_000_000)

    /// Child mode: generate, serve, announce, and wait for the parent to close standard input.
    static func serve(records: Int) async throws {
        let started = Date()
        let data = CustomerDataSet(seed: 1, count: records)
        let generation = Date().timeIntervalSince(started)
        let shop = try await ShopifyEmulator.start(dataSet: data, configuration: configuration)
        shop.host.origin = shop.baseURL.absoluteString
        FileHandle.standardOutput.write(Data("READY \(shop.baseURL.port ?? 0) \(generation)\n".utf8))
        await offThePool { _ = FileHandle.standardInput.readDataToEndOfFile() }
        await shop.stop()
    }

    /// Starts the child (or, `inProcess`, the emulator in this process) and waits until it listens.
    static func start(records: Int, inProcess: Bool) async throws -> BenchPullEmulator {
        if inProcess {
            let started = Date()
            let data = CustomerDataSet(seed: 1, count: records)
            let generation = Date().timeIntervalSince(started)
            let shop = try await ShopifyEmulator.start(dataSet: data, configuration: configuration)
            shop.host.origin = shop.baseURL.absoluteString
            return BenchPullEmulator(
                apiBase: shop.apiBaseURL().absoluteString + "/", generationSeconds: generation, process: nil, input: nil, inProcess: shop)
        }
        let process = Process()
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["bench", "pull", "--serve-emulator", String(records)]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = await offThePool { readLine(from: output.fileHandleForReading) }
        let parts = line.split(separator: " ")
        guard parts.count == 3, parts[0] == "READY", let port = Int(parts[1]), let generation = Double(parts[2]) else {
            process.terminate()
            throw BenchPullFailure("the emulator child did not start (it said: \(line.isEmpty ? "nothing" : line))")
        }
        return BenchPullEmulator(
            apiBase: "http://127.0.0.1:\(port)/admin/api/2024-10/", generationSeconds: generation, process: process, input: input,
            inProcess: nil)
    }

    /// Stops the emulator; for a child, returns its CPU seconds and peak resident bytes.
    func stop() async -> (cpuSeconds: Double, peakResidentBytes: Int)? {
        if let inProcess {
            await inProcess.stop()
            return nil
        }
        guard let process, let input else { return nil }
        try? input.fileHandleForWriting.close()
        await Self.offThePool { process.waitUntilExit() }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return (seconds(usage.ru_utime) + seconds(usage.ru_stime), Int(usage.ru_maxrss) * 1024)
    }

    /// Runs blocking work (pipe reads, waiting for the child) on its own thread, not the cooperative pool.
    private static func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }

    private static func readLine(from handle: FileHandle) -> String {
        var bytes: [UInt8] = []
        while true {
            let chunk = handle.readData(ofLength: 1)
            guard let byte = chunk.first, byte != UInt8(ascii: "\n") else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A bench that could not run, with the reason.
struct BenchPullFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
