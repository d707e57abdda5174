import Metrics
import Synchronization

/// What a form endpoint did with the posts it got, per source: for the admin
/// view and tests. The same counts go to swift-metrics as
/// `kontor_form_posts_total{source, outcome}` (outcome: `stored`, `honeypot`, `rate_limited`, `rejected`).
public struct FormCounts: Sendable, Hashable {
    /// Posts whose messages were stored.
    public var stored = 0
    /// Posts that filled the honeypot field: answered like a success, nothing stored.
    public var honeypot = 0
    /// Posts refused with 429.
    public var rateLimited = 0
    /// Posts refused for another reason (origin, size, missing field, …).
    public var rejected = 0

    public init() {}
}

/// The running ``FormCounts`` of every form source.
final class FormCounters: Sendable {
    enum Outcome: String, Sendable {
        case stored, honeypot, rateLimited = "rate_limited", rejected
    }

    private let counts = Mutex<[String: FormCounts]>([:])

    func count(_ outcome: Outcome, source: String) {
        counts.withLock { counts in
            var entry = counts[source] ?? FormCounts()
            switch outcome {
            case .stored: entry.stored += 1
            case .honeypot: entry.honeypot += 1
            case .rateLimited: entry.rateLimited += 1
            case .rejected: entry.rejected += 1
            }
            counts[source] = entry
        }
        Counter(label: "kontor_form_posts_total", dimensions: [("source", source), ("outcome", outcome.rawValue)]).increment()
    }

    func counts(for source: String) -> FormCounts {
        counts.withLock { $0[source] ?? FormCounts() }
    }
}
