import Foundation
import KontorCore
import KontorHTTP

/// Turns the deliveries pushed to a source (webhooks at `/hooks/{source}`,
/// form posts at `/forms/{source}`) into messages with the plugin's
/// `inbound` section and its streams' `transform` and `emit`: the same
/// emitter pulls use, so a delivered record and a pulled one give the same messages.
///
/// A delivery is routed to one stream (`inbound.stream`, or `inbound.route`
/// by header or by an expression; exact values before globs), its records are
/// found at `inbound.records` (default: the body is one record), filtered by
/// the stream's `records.filter`, transformed and emitted. When the delivery
/// has an id (`inbound.delivery_id_header`), the default `messageId`s derive
/// from it, so a replayed delivery is stored once by the event log's dedupe.
///
/// ```swift
/// let emitter = try InboundEmitter(source: "shop", plugin: shopify, config: .object(source.config))
/// if let stream = try emitter.stream(headers: ["x-shopify-topic": "orders/create"], body: body, query: [:], now: now) {
///     let messages = try emitter.messages(body: body, stream: stream, headers: headers, delivery: "b54557e4", now: now)
/// }
/// ```
public struct InboundEmitter: Sendable {
    public let source: String
    public let inbound: Inbound
    /// The source's config with the spec's literal defaults filled in.
    public let config: JSONValue
    private let streams: [String: InboundStream]
    private let routeValue: Template?
    private let exactRoutes: [String: String]
    private let globRoutes: [(pattern: GlobPattern, stream: String)]

    /// - Throws: `PullError(.plugin)` when the plugin has no `inbound` section or a template does not compile.
    public init(source: String, plugin: PluginDefinition, config: JSONValue) throws(PullError) {
        guard let inbound = plugin.inbound else {
            throw PullError(.plugin, "plugin '\(plugin.name)' has no inbound section")
        }
        self.source = source
        self.inbound = inbound
        self.config = SourceRunner.applyingDefaults(of: plugin.spec, to: config)
        var streams: [String: InboundStream] = [:]
        for name in Set(inbound.targetStreams) {
            guard let stream = plugin.streams[name] else {
                throw PullError(.plugin, "inbound routes to unknown stream '\(name)'")
            }
            streams[name] = try InboundStream(source: source, name: name, stream: stream, records: inbound.records)
        }
        self.streams = streams
        routeValue = try inbound.route?.value.map { text throws(PullError) in
            try PullError.compile(text, field: "inbound.route.value")
        }
        var exact: [String: String] = [:]
        var globs: [(pattern: GlobPattern, stream: String)] = []
        for match in (inbound.route?.streams ?? [:]).keys.sorted() {
            let target = inbound.route?.streams[match] ?? ""
            if match.contains("*") || match.contains("?") || match.contains("[") {
                guard let pattern = try? GlobPattern(match) else {
                    throw PullError(.plugin, "inbound.route.streams: '\(match)' is not a valid pattern")
                }
                globs.append((pattern, target))
            } else {
                exact[match] = target
            }
        }
        exactRoutes = exact
        globRoutes = globs
    }

    /// The stream a delivery goes to; `nil` when the route matches nothing and
    /// has no `default` (the delivery is acknowledged and dropped).
    ///
    /// - Parameter headers: the delivery's headers, names in lower case.
    public func stream(headers: [String: String], body: JSONValue, query: [String: String], now: Date) throws(PullError)
        -> String?
    {
        if let stream = inbound.stream { return stream }
        guard let route = inbound.route else { return nil }
        let value: String?
        if let header = route.header {
            value = headers[header.lowercased()]
        } else if let routeValue {
            let context = EvaluationContext(
                variables: [
                    "headers": Self.json(headers), "body": body, "query": Self.json(query), "config": config,
                ],
                now: now)
            value = RequestDraft.text(of: try PullError.render(routeValue, in: context, field: "inbound.route.value"))
        } else {
            value = nil
        }
        guard let value, !value.isEmpty else { return route.default }
        if let exact = exactRoutes[value] { return exact }
        return globRoutes.first { $0.pattern.matches(value) }?.stream ?? route.default
    }

    /// The messages of one delivery routed to `stream`.
    ///
    /// - Parameters:
    ///   - headers: the delivery's headers (names in lower case), visible to `emit` as `headers`.
    ///   - delivery: the delivery's id; `nil` keeps the pull's default ids (primary key and cursor).
    public func messages(body: JSONValue, stream: String, headers: [String: String], delivery: String?, now: Date)
        throws(PullError) -> [Message]
    {
        guard let compiled = streams[stream] else {
            throw PullError(.plugin, "inbound routes to unknown stream '\(stream)'")
        }
        return try compiled.messages(
            body: body, config: config, headers: Self.json(headers), delivery: delivery, now: now)
    }

    /// A template over `config` (a signing secret, the honeypot field, the allowed origins), rendered.
    public func render(_ text: String, now: Date) throws(PullError) -> JSONValue {
        let template = try PullError.compile(text, field: "inbound")
        return try PullError.render(template, in: EvaluationContext(variables: ["config": config], now: now), field: "inbound")
    }

    /// A template over `config` rendered as text (`nil` when it is null or fails): a secret, a token, a URL.
    public func renderText(_ text: String, now: Date) -> String? {
        guard let value = try? render(text, now: now), !value.isNull else { return nil }
        return RequestDraft.text(of: value)
    }

    private static func json(_ values: [String: String]) -> JSONValue {
        .object(values.mapValues(JSONValue.string))
    }
}

/// One stream an inbound delivery can go to, compiled once.
private struct InboundStream: Sendable {
    let extractor: RecordExtractor
    let transformer: RecordTransformer
    let emitter: MessageEmitter

    init(source: String, name: String, stream: PluginStream, records: FieldPath?) throws(PullError) {
        do throws(PullError) {
            extractor = try RecordExtractor(path: records ?? FieldPath([]), filter: stream.records?.filter)
            transformer = try RecordTransformer(stream.transform ?? [])
            emitter = try MessageEmitter(
                source: source, stream: name, rules: stream.emit ?? [], primaryKey: stream.primaryKey ?? [],
                cursor: try stream.incremental.map { incremental throws(PullError) in try IncrementalCursor(incremental) })
        } catch {
            throw error.inStream(name)
        }
    }

    func messages(body: JSONValue, config: JSONValue, headers: JSONValue, delivery: String?, now: Date)
        throws(PullError) -> [Message]
    {
        let variables: [String: JSONValue] = ["config": config, "stream_partition": .null]
        var messages: [Message] = []
        for (index, record) in extractor.records(in: body).enumerated() {
            guard try extractor.keeps(record, variables: variables, now: now) else { continue }
            let transformed = try transformer.apply(to: record, variables: variables, now: now)
            messages += try emitter.messages(
                for: transformed, partition: .null, config: config, now: now, headers: headers,
                delivery: delivery.map { "\($0)\u{1F}\(index)" })
        }
        return messages
    }
}

extension RecordExtractor {
    /// An extractor for records pushed to Kontor: the path is the plugin's
    /// `inbound.records`, the filter the stream's `records.filter`.
    init(path: FieldPath, filter: String?) throws(PullError) {
        self.path = path
        self.filter = try filter.map { text throws(PullError) in try PullError.compile(text, field: "records.filter") }
    }
}
