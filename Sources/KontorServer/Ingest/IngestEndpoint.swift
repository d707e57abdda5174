import KontorCore

/// One of the ingest paths: a single call (`/v1/track`, …) or a batch (`/v1/batch`, `/v1/import`).
public enum IngestEndpoint: Sendable, Hashable {
    /// `/v1/<type>`: the body is one message of that type.
    case single(MessageType)
    /// `/v1/batch` and `/v1/import`: `{"batch": [...]}`, each message with its own `type`.
    case batch

    /// Every path the ingest API serves, with what it expects.
    ///
    /// analytics.js (Analytics 2.0) posts to one-letter paths under its `apiHost`
    /// (`/v1/t` for track, `/v1/b` for a batch); they are served too.
    public static let all: [(path: String, endpoint: IngestEndpoint)] =
        MessageType.allCases.flatMap { type in
            [("/v1/\(type.rawValue)", .single(type)), ("/v1/\(type.rawValue.prefix(1))", .single(type))]
        } + [("/v1/batch", .batch), ("/v1/import", .batch), ("/v1/b", .batch)]
}
