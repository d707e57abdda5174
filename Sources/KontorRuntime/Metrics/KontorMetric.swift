/// One of Kontor's metrics: its Prometheus name, type, label names and help text.
///
/// The single list of what Kontor measures. Instrumentation records through
/// swift-metrics under these names; the `/metrics` exporter takes help texts and
/// histogram buckets from here; `docs/operations.md` documents every entry, and a
/// test checks that it does. Label values are bounded: route patterns, configured
/// source, stream and destination names, closed sets of outcomes, never ids.
///
/// ```swift
/// Counter(label: KontorMetric.pullPages.name, dimensions: [("source", "shopify"), ("stream", "orders")]).increment()
/// ```
public struct KontorMetric: Sendable, Hashable {
    /// The Prometheus metric type.
    public enum Kind: String, Sendable, Hashable {
        case counter, gauge, histogram
    }

    /// The exported name, `kontor_*`.
    public let name: String
    public let kind: Kind
    /// The label names, in the order instrumentation passes them.
    public let labels: [String]
    /// The `# HELP` text.
    public let help: String
    /// Upper bounds of the histogram buckets, in seconds (histograms only).
    public let buckets: [Double]

    public init(name: String, kind: Kind, labels: [String], help: String, buckets: [Double] = []) {
        self.name = name
        self.kind = kind
        self.labels = labels
        self.help = help
        self.buckets = buckets
    }
}

extension KontorMetric {
    public static let httpRequests = KontorMetric(
        name: "kontor_http_requests_total", kind: .counter, labels: ["method", "route", "status"],
        help: "HTTP requests answered, by method, route pattern and status code.")
    public static let httpRequestDuration = KontorMetric(
        name: "kontor_http_request_duration_seconds", kind: .histogram, labels: ["method", "route"],
        help: "Time from receiving an HTTP request to its response, by method and route pattern.",
        buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10])
    public static let ingestMessages = KontorMetric(
        name: "kontor_ingest_messages_total", kind: .counter, labels: ["source", "type"],
        help: "Messages the server committed to the event log (ingest API, webhooks, forms), duplicates included.")
    public static let ingestDuplicates = KontorMetric(
        name: "kontor_ingest_duplicates_total", kind: .counter, labels: ["source"],
        help: "Ingested messages skipped because the event log already held their messageId.")
    public static let pullRecords = KontorMetric(
        name: "kontor_pull_records_total", kind: .counter, labels: ["source", "stream"],
        help: "Records read from source APIs (after filters).")
    public static let pullMessages = KontorMetric(
        name: "kontor_pull_messages_total", kind: .counter, labels: ["source", "stream"],
        help: "Messages written to the event log by source pulls.")
    public static let pullDuplicates = KontorMetric(
        name: "kontor_pull_duplicates_total", kind: .counter, labels: ["source", "stream"],
        help: "Pulled messages the event log already held (re-read records).")
    public static let pullPages = KontorMetric(
        name: "kontor_pull_pages_total", kind: .counter, labels: ["source", "stream"],
        help: "Pages read from source APIs.")
    public static let pullWaits = KontorMetric(
        name: "kontor_pull_waits_total", kind: .counter, labels: ["source", "stream", "reason"],
        help: "Waits before a source request: rate_limited (the API said so), budget (own rate limit), backoff (retry).")
    public static let pullWaitSeconds = KontorMetric(
        name: "kontor_pull_wait_seconds_total", kind: .counter, labels: ["source", "stream", "reason"],
        help: "Seconds spent waiting before source requests, by reason.")
    public static let outboxJobs = KontorMetric(
        name: "kontor_outbox_jobs", kind: .gauge, labels: ["destination", "state"],
        help: "Outbox jobs per destination: pending (not delivered yet), leased and retrying (subsets of pending), dead.")
    public static let deliveries = KontorMetric(
        name: "kontor_deliveries_total", kind: .counter, labels: ["destination", "outcome"],
        help: "Delivery attempts settled per job: delivered, retried (will be sent again) or dead (moved to dead letters).")
    public static let deliveryRequestDuration = KontorMetric(
        name: "kontor_delivery_request_duration_seconds", kind: .histogram, labels: ["destination"],
        help: "Duration of one request to a destination API.",
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60])
    public static let profileMessages = KontorMetric(
        name: "kontor_profile_messages_total", kind: .counter, labels: [],
        help: "Event-log messages the profile builder has folded into profiles.")
    public static let profileLag = KontorMetric(
        name: "kontor_profile_lag_messages", kind: .gauge, labels: [],
        help: "Event-log sequence numbers past the profile builder's position: messages waiting, plus gaps left by deduplicated ones.")
    public static let segmentPassDuration = KontorMetric(
        name: "kontor_segment_pass_duration_seconds", kind: .histogram, labels: ["pass"],
        help: "Duration of a segment evaluation pass that evaluated profiles: dirty (changed profiles) or all.",
        buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300])

    /// Every Kontor metric.
    public static let all: [KontorMetric] = [
        httpRequests, httpRequestDuration, ingestMessages, ingestDuplicates, pullRecords, pullMessages,
        pullDuplicates, pullPages, pullWaits, pullWaitSeconds, outboxJobs, deliveries, deliveryRequestDuration,
        profileMessages, profileLag, segmentPassDuration,
    ]

    /// The metric named `name`, if it is one of Kontor's.
    public static func named(_ name: String) -> KontorMetric? { byName[name] }

    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}
