import AsyncHTTPClient
import Foundation
import KontorCore

/// Closed-loop load on `GET /v1/personalize`: `clients` concurrent clients, each
/// asking for its next person as soon as the previous answer arrived, for a fixed time.
///
/// Who is asked for: with probability `hotShare` one of the first `hot` people
/// (answers the cache keeps), else anyone of the `population` (mostly misses);
/// `unknownShare` of the requests ask for an email nobody has.
struct BenchPersonalizeLoad: Sendable {
    var client: HTTPClient
    var port: Int
    var population: Int
    var hot: Int
    var hotShare: Double
    var unknownShare: Double = 0
    var clients: Int

    typealias Counts = BenchIngestLoad.Counts

    func run(seconds: Double, seed: UInt64) async -> Counts {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        return await withTaskGroup(of: Counts.self) { group in
            for index in 0..<clients {
                group.addTask { await clientLoop(seed: seed &* 1_000_003 &+ UInt64(index), until: deadline) }
            }
            var total = Counts()
            for await counts in group { total.add(counts) }
            return total
        }
    }

    /// The query of request `number`: an email of the population (or of nobody).
    func query(_ random: inout SeededRandomNumberGenerator) -> String {
        if unknownShare > 0, Double.random(in: 0..<1, using: &random) < unknownShare {
            return "email=nobody\(Int.random(in: 0..<1_000_000, using: &random))@example.com"
        }
        let range = Double.random(in: 0..<1, using: &random) < hotShare ? max(1, hot) : population
        return "email=s\(Int.random(in: 0..<range, using: &random))@example.com"
    }

    private func clientLoop(seed: UInt64, until deadline: ContinuousClock.Instant) async -> Counts {
        var counts = Counts()
        var random = SeededRandomNumberGenerator(seed: seed)
        while ContinuousClock.now < deadline {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/personalize?\(query(&random))")
            request.headers.add(name: "Authorization", value: "Bearer \(BenchPersonalizeServers.readKey)")
            let started = ContinuousClock.now
            do {
                let response = try await client.execute(request, timeout: .seconds(60))
                let body = try await response.body.collect(upTo: 1 << 16)
                counts.requests += 1
                if response.status == .ok {
                    counts.events += 1
                    counts.latencies.append(BenchIngestLoad.seconds(started.duration(to: .now)))
                } else {
                    counts.failures += 1
                    counts.firstFailure = counts.firstFailure ?? "HTTP \(response.status.code): \(String(buffer: body))"
                }
            } catch {
                counts.requests += 1
                counts.failures += 1
                counts.firstFailure = counts.firstFailure ?? "\(error)"
            }
        }
        return counts
    }
}
