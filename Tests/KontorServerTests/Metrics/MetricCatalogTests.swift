import Foundation
import KontorRuntime
import KontorServer
import Metrics
import XCTest

/// The metric catalog: Prometheus naming, documented in docs/operations.md, and
/// the factory that gives every metric of a name the same help and buckets.
final class MetricCatalogTests: XCTestCase {
    func testNamesFollowPrometheusConventions() {
        XCTAssertEqual(Set(KontorMetric.all.map(\.name)).count, KontorMetric.all.count, "names are unique")
        for metric in KontorMetric.all {
            XCTAssertTrue(metric.name.hasPrefix("kontor_"), metric.name)
            XCTAssertTrue(Exposition.isMetricName(metric.name), metric.name)
            XCTAssertFalse(metric.help.isEmpty, metric.name)
            XCTAssertEqual(metric.name.hasSuffix("_total"), metric.kind == .counter, metric.name)
            XCTAssertEqual(metric.name.hasSuffix("_seconds"), metric.kind == .histogram, metric.name)
            XCTAssertEqual(!metric.buckets.isEmpty, metric.kind == .histogram, metric.name)
            XCTAssertEqual(metric.buckets, metric.buckets.sorted(), metric.name)
            XCTAssertFalse(metric.labels.contains("le"), metric.name)
            XCTAssertTrue(KontorMetric.named(metric.name) == metric)
        }
    }

    func testEveryMetricIsDocumented() throws {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let docs = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/operations.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for metric in KontorMetric.all {
            let row = text.split(separator: "\n").first { $0.contains("`\(metric.name)`") }
            XCTAssertNotNil(row, "\(metric.name) is not in docs/operations.md")
            guard let row else { continue }
            XCTAssertTrue(row.contains(metric.kind.rawValue), "\(metric.name): the docs row names its type")
            for label in metric.labels {
                XCTAssertTrue(row.contains("`\(label)`"), "\(metric.name): the docs row names label \(label)")
            }
        }
    }

    func testFactoryUsesCatalogHelpAndBuckets() throws {
        let metrics = ServerMetrics()
        let factory = KontorMetricsFactory(registry: metrics.registry)
        Counter(label: KontorMetric.pullPages.name, dimensions: [("source", "shop"), ("stream", "orders")], factory: factory)
            .increment(by: 3)
        Counter(label: KontorMetric.pullPages.name, dimensions: [("source", "shop"), ("stream", "orders")], factory: factory)
            .increment()
        Timer(label: KontorMetric.segmentPassDuration.name, dimensions: [("pass", "dirty")], factory: factory)
            .recordMilliseconds(20)
        Counter(label: "outside_counter", factory: factory).increment()
        let exposition = try Exposition(parsing: String(decoding: metrics.exposition(), as: UTF8.self))

        XCTAssertEqual(exposition.value(KontorMetric.pullPages.name, ["source": "shop", "stream": "orders"]), 4)
        XCTAssertEqual(exposition.help[KontorMetric.pullPages.name], KontorMetric.pullPages.help)
        let histogram = KontorMetric.segmentPassDuration.name
        let bounds = exposition.samples(histogram + "_bucket").compactMap { $0.labels["le"] }.filter { $0 != "+Inf" }.compactMap(Double.init)
        XCTAssertEqual(bounds, KontorMetric.segmentPassDuration.buckets)
        XCTAssertEqual(exposition.value(histogram + "_bucket", ["le": "0.05"]), 1)
        XCTAssertEqual(exposition.value(histogram + "_bucket", ["le": "0.01"]), 0)
        XCTAssertEqual(exposition.value(histogram + "_sum"), 0.02)
        XCTAssertEqual(exposition.value("outside_counter"), 1)
        XCTAssertNil(exposition.help["outside_counter"])
        XCTAssertEqual(exposition.types["outside_counter"], "counter")
    }
}
