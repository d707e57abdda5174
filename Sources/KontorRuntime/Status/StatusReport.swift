import Foundation

/// What `kontor status` and the admin API show about a deployment at one
/// moment: every source with its last and next run, every destination with
/// its queue, segment sizes, the number of profiles, and the store.
///
/// Built by ``StatusReporter``; `Codable` so the CLI (`--json`) and the
/// admin API send the same document. Encode it with ``encoder()`` for
/// ISO 8601 dates and stable key order.
///
/// ```swift
/// let report = try await StatusReporter(deployment: deployment, store: store, clock: SystemClock()).report()
/// let json = try StatusReport.encoder().encode(report)
/// ```
public struct StatusReport: Codable, Sendable, Hashable {
    /// When the report was gathered.
    public var generatedAt: Date
    /// Every configured source, sorted by name.
    public var sources: [SourceStatus]
    /// Every configured destination, sorted by name.
    public var destinations: [DestinationStatus]
    /// Every configured segment, sorted by name.
    public var segments: [SegmentStatus]
    /// Live profiles in the store.
    public var profiles: Int
    /// Where the state is kept and how large it is.
    public var store: StoreStatus

    public init(
        generatedAt: Date, sources: [SourceStatus] = [], destinations: [DestinationStatus] = [],
        segments: [SegmentStatus] = [], profiles: Int = 0, store: StoreStatus
    ) {
        self.generatedAt = generatedAt
        self.sources = sources
        self.destinations = destinations
        self.segments = segments
        self.profiles = profiles
        self.store = store
    }

    /// The encoder of the report's JSON form: ISO 8601 dates, sorted keys, indented.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The decoder that reads what ``encoder()`` wrote.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
