import AsyncHTTPClient
import Foundation
import KontorCore
import KontorRuntime
import KontorSQLite

/// Seeding and a sanity check for `kontor bench personalize`.
enum BenchPersonalizeStore {
    /// Writes the population in transactions of 2,000 profiles, with their identities.
    static func write(_ population: BenchSegmentsPopulation, model: ProfileModel, into store: SQLiteStore) async throws {
        var start = 0
        while start < population.count {
            let range = start..<min(population.count, start + 2_000)
            let batch = range.map { index in
                var profile = population.profile(index, traits: model.traits)
                profile.computedValues = model.computedValues(profile.computed, at: BenchSegmentsPopulation.now)
                return profile
            }
            try await store.profileTransaction { tx in
                for profile in batch {
                    try tx.saveProfile(profile)
                    try tx.assign(profile.identities, to: profile.id)
                }
            }
            start = range.upperBound
        }
    }

    /// Asks the server on `port` once for each of the first `count` people (16 at a time), so its cache holds them.
    static func warm(client: HTTPClient, port: Int, count: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<16 {
                group.addTask {
                    for index in stride(from: lane, to: count, by: 16) {
                        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/personalize?email=s\(index)@example.com")
                        request.headers.add(name: "Authorization", value: "Bearer \(BenchPersonalizeServers.readKey)")
                        let response = try await client.execute(request, timeout: .seconds(30))
                        _ = try await response.body.collect(upTo: 1 << 16)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Asks both servers for the first person; both must answer 200 with the same body, naming segments.
    static func compare(client: HTTPClient, servers: BenchPersonalizeServers) async throws -> String {
        var bodies: [String] = []
        for port in [servers.cachedPort, servers.uncachedPort] {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/personalize?email=s0@example.com")
            request.headers.add(name: "Authorization", value: "Bearer \(BenchPersonalizeServers.readKey)")
            let response = try await client.execute(request, timeout: .seconds(30))
            let body = String(buffer: try await response.body.collect(upTo: 1 << 16))
            guard response.status == .ok, body.contains("\"segments\"") else {
                throw BenchIngestFailure("the personalisation API answered \(response.status.code): \(body)")
            }
            bodies.append(body)
        }
        guard bodies[0] == bodies[1] else {
            throw BenchIngestFailure("the cached and uncached servers disagree: \(bodies[0]) vs \(bodies[1])")
        }
        return bodies[0]
    }
}
