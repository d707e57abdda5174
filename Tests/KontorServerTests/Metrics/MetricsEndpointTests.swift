import Foundation
import HummingbirdTesting
import KontorCore
import KontorRuntime
import KontorServer
import XCTest

/// `/metrics` after real requests: exact counters, complete histograms, valid exposition.
final class MetricsEndpointTests: XCTestCase {
    func testCountsRequestsAndIngestedMessagesExactly() async throws {
        let store = try await Fixture.store()
        let app = try MetricsFixture.application(store: store, metrics: ServerMetrics())
        try await app.test(.router) { client in
            for index in 0..<5 {
                let response = try await client.ingest("/v1/track", json: Body.track("m-\(index)"))
                XCTAssertEqual(response.status, .ok)
            }
            let duplicate = try await client.ingest("/v1/track", json: Body.track("m-0"))
            XCTAssertEqual(duplicate.status, .ok)
            let batch = Body.batch([MetricsFixture.identify("m-10"), MetricsFixture.page("m-11"), Body.track("m-12")])
            let batchResponse = try await client.ingest("/v1/batch", json: batch)
            XCTAssertEqual(batchResponse.status, .ok)
            let bad = try await client.ingest("/v1/track", json: Body.track("m-bad", userId: nil))
            XCTAssertEqual(bad.status, .badRequest)

            let metrics = try await client.scrape()
            let requests = KontorMetric.httpRequests.name
            XCTAssertEqual(metrics.value(requests, ["method": "POST", "route": "/v1/track", "status": "200"]), 6)
            XCTAssertEqual(metrics.value(requests, ["method": "POST", "route": "/v1/track", "status": "400"]), 1)
            XCTAssertEqual(metrics.value(requests, ["method": "POST", "route": "/v1/batch", "status": "200"]), 1)
            XCTAssertEqual(metrics.samples(requests).count, 3, "one series per method, route and status")

            let ingested = KontorMetric.ingestMessages.name
            XCTAssertEqual(metrics.value(ingested, ["source": "ingest", "type": "track"]), 7, "5 + 1 duplicate + 1 in the batch")
            XCTAssertEqual(metrics.value(ingested, ["source": "ingest", "type": "identify"]), 1)
            XCTAssertEqual(metrics.value(ingested, ["source": "ingest", "type": "page"]), 1)
            XCTAssertEqual(metrics.value(KontorMetric.ingestDuplicates.name, ["source": "ingest"]), 1)
            let lastSeq = try await store.lastSeq()
            XCTAssertGreaterThanOrEqual(lastSeq, 8)
            XCTAssertEqual(metrics.value(KontorMetric.profileLag.name), Double(lastSeq), "no profile builder ran")
        }
        let stored = try await store.all()
        XCTAssertEqual(stored.count, 8)
    }

    func testLatencyHistogramHasEveryBucket() async throws {
        let app = try MetricsFixture.application(store: try await Fixture.store(), metrics: ServerMetrics())
        try await app.test(.router) { client in
            for index in 0..<3 { _ = try await client.ingest("/v1/track", json: Body.track("m-\(index)")) }
            let metrics = try await client.scrape()
            let name = KontorMetric.httpRequestDuration.name
            XCTAssertEqual(metrics.types[name], "histogram")
            XCTAssertEqual(metrics.help[name], KontorMetric.httpRequestDuration.help)
            let labels = ["method": "POST", "route": "/v1/track"]
            let buckets = metrics.samples(name + "_bucket", labels)
            let bounds = buckets.compactMap { $0.labels["le"] }.map { $0 == "+Inf" ? Double.infinity : Double($0) ?? -1 }
            XCTAssertEqual(bounds, KontorMetric.httpRequestDuration.buckets + [.infinity])
            let counts = buckets.map(\.value)
            XCTAssertEqual(counts, counts.sorted(), "cumulative buckets never decrease")
            XCTAssertEqual(counts.last, 3)
            XCTAssertEqual(metrics.value(name + "_count", labels), 3)
            XCTAssertGreaterThan(metrics.value(name + "_sum", labels) ?? 0, 0)
        }
    }

    func testEveryFamilyHasTypeAndHelp() async throws {
        let app = try MetricsFixture.application(store: try await Fixture.store(), metrics: ServerMetrics())
        try await app.test(.router) { client in
            _ = try await client.ingest("/v1/track", json: Body.track("m-1"))
            _ = try await client.executeRequest(uri: "/healthz", method: .get, headers: [:], body: nil)
            let metrics = try await client.scrape()
            XCTAssertFalse(metrics.types.isEmpty)
            for (name, type) in metrics.types {
                let metric = try XCTUnwrap(KontorMetric.named(name), "\(name) is not in the catalog")
                XCTAssertEqual(type, metric.kind.rawValue, name)
                XCTAssertEqual(metrics.help[name], metric.help, name)
            }
            for sample in metrics.samples {
                let metric = try XCTUnwrap(KontorMetric.named(metrics.family(of: sample.name)))
                XCTAssertEqual(Set(sample.labels.keys).subtracting(["le"]), Set(metric.labels), sample.name)
            }
        }
    }

    func testUnmatchedPathsAndOddMethodsStayBounded() async throws {
        let app = try MetricsFixture.application(store: try await Fixture.store(), metrics: ServerMetrics())
        try await app.test(.router) { client in
            let missing = try await client.executeRequest(uri: "/v1/people/p-98765?email=x", method: .get, headers: [:], body: nil)
            XCTAssertEqual(missing.status, .notFound)
            let odd = try await client.executeRequest(
                uri: "/healthz", method: .init("BREW")!, headers: [:], body: nil)
            XCTAssertEqual(odd.status, .notFound)
            let response = try await client.executeRequest(uri: "/metrics", method: .get, headers: [:], body: nil)
            let text = String(buffer: response.body)
            XCTAssertFalse(text.contains("98765"), "raw paths never become label values")
            XCTAssertFalse(text.contains("BREW"))
            let metrics = try Exposition(parsing: text)
            let requests = KontorMetric.httpRequests.name
            XCTAssertEqual(metrics.value(requests, ["method": "GET", "route": "unmatched", "status": "404"]), 1)
            XCTAssertEqual(metrics.value(requests, ["method": "OTHER", "route": "unmatched", "status": "404"]), 1)
        }
    }

    func testOutboxGaugesFollowTheQueue() async throws {
        let store = try await Fixture.store()
        let jobs = ["p-1", "p-2"].map { id in
            let payload: JSONValue = ["email_address": .string("\(id)@example.com")]
            return PlannedJob(
                destination: "newsletter", profileID: id, operation: .add, payload: payload, payloadHash: PayloadHash.of(payload))
        }
        let plan = ActivationPlan(
            destination: "newsletter", jobs: jobs,
            stateChanges: jobs.map { .put(DestinationStateEntry(profileID: $0.profileID, payloadHash: $0.payloadHash, payload: $0.payload)) })
        _ = try await store.commitPlan(destination: "newsletter", now: Fixture.receivedAt) { _ in plan }
        let app = try MetricsFixture.application(store: store, metrics: ServerMetrics())
        try await app.test(.router) { client in
            let before = try await client.scrape()
            let name = KontorMetric.outboxJobs.name
            XCTAssertEqual(before.value(name, ["destination": "newsletter", "state": "pending"]), 2)
            XCTAssertEqual(before.value(name, ["destination": "newsletter", "state": "dead"]), 0)

            let claimed = try await store.claim(
                destination: "newsletter", owner: "test", limit: 10, leaseFor: 60, now: Fixture.receivedAt)
            XCTAssertEqual(claimed.count, 2)
            let during = try await client.scrape()
            XCTAssertEqual(during.value(name, ["destination": "newsletter", "state": "leased"]), 2)

            _ = try await store.settle(claimed.map { .done($0.id) }, owner: "test", now: Fixture.receivedAt)
            let after = try await client.scrape()
            XCTAssertEqual(after.value(name, ["destination": "newsletter", "state": "pending"]), 0, "an emptied queue stays at 0")
        }
    }

    func testServersDoNotShareRegistries() async throws {
        let first = ServerMetrics()
        let app = try MetricsFixture.application(store: try await Fixture.store(), metrics: first)
        try await app.test(.router) { client in _ = try await client.ingest("/v1/track", json: Body.track("m-1")) }
        let other = try Exposition(parsing: String(decoding: ServerMetrics().exposition(), as: UTF8.self))
        XCTAssertTrue(other.samples.isEmpty)
        let mine = try Exposition(parsing: String(decoding: first.exposition(), as: UTF8.self))
        XCTAssertEqual(mine.value(KontorMetric.ingestMessages.name, ["type": "track"]), 1)
    }
}
