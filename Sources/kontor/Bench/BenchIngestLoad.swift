import AsyncHTTPClient
import Foundation
import Hummingbird

/// Closed-loop load on one endpoint: `clients` concurrent clients, each sending its
/// next request as soon as the previous one is answered, for a fixed time.
struct BenchIngestLoad: Sendable {
    var client: HTTPClient
    var url: String
    var batch: Bool
    var bodies: BenchIngestBodies
    var clients: Int
    var authorization: String

    /// What one run did: requests, events acknowledged with 200, failures, per-request latencies.
    struct Counts: Sendable {
        var requests = 0
        var events = 0
        var failures = 0
        var firstFailure: String?
        var latencies: [Double] = []

        mutating func add(_ other: Counts) {
            requests += other.requests
            events += other.events
            failures += other.failures
            firstFailure = firstFailure ?? other.firstFailure
            latencies += other.latencies
        }
    }

    /// Runs the clients for `seconds`; `run` tags message ids so that every run's are new.
    func run(seconds: Double, tag run: String) async -> Counts {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        return await withTaskGroup(of: Counts.self) { group in
            for index in 0..<clients {
                group.addTask { await clientLoop(index, run: run, until: deadline) }
            }
            var total = Counts()
            for await counts in group { total.add(counts) }
            return total
        }
    }

    private func clientLoop(_ index: Int, run: String, until deadline: ContinuousClock.Instant) async -> Counts {
        var counts = Counts()
        var number = 0
        while ContinuousClock.now < deadline {
            let (bytes, events) = bodies.body(batch: batch, run: run, client: index, number: number)
            number += 1
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Authorization", value: authorization)
            request.body = .bytes(ByteBuffer(bytes: bytes))
            let started = ContinuousClock.now
            do {
                let response = try await client.execute(request, timeout: .seconds(60))
                let body = try await response.body.collect(upTo: 1 << 16)
                counts.requests += 1
                if response.status == .ok {
                    counts.events += events
                    counts.latencies.append(Self.seconds(started.duration(to: .now)))
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

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
