import Foundation
import KontorCore
import KontorHTTP

/// A stream's `incremental`, compiled: which windows a run reads given the
/// stored cursor, how a window goes into requests, which records it keeps
/// (client-side filtering), and the cursor once a window is complete.
///
/// The stored cursor has the CDK shape `{"<field>": value}`. A new run starts
/// at the cursor plus `granularity` minus `lookback` (never before `start`).
struct IncrementalCursor: Sendable {
    struct Datetime: Sendable {
        var format: DateFormat
        var parseFormats: [DateFormat]
        var start: Template
        var startFormat: DateFormat?
        var end: Template?
        var step: TimeInterval?
        var granularity: TimeInterval
        var lookback: TimeInterval
        var startParam: Inject?
        var endParam: Inject?
        var clientFilter: Bool
        var dataFeed: Bool
    }

    enum Kind: Sendable {
        case datetime(Datetime)
        case counter(start: JSONValue?, param: Inject?)
    }

    let field: [String]
    let kind: Kind

    /// True for a datetime cursor read in `step` windows.
    var isStepped: Bool {
        if case .datetime(let spec) = kind { return spec.step != nil }
        return false
    }

    /// The key of the cursor in the stored state: the field path, dotted.
    var stateKey: String { field.joined(separator: ".") }

    init(_ incremental: Incremental) throws(PullError) {
        field = incremental.field.segments
        switch incremental {
        case .counter(_, let start, let param):
            kind = .counter(start: start, param: param)
        case .datetime(let cursor):
            func duration(_ text: String?, _ name: String) throws(PullError) -> TimeInterval? {
                guard let text else { return nil }
                guard let seconds = DurationParser.seconds(text) else { throw PullError(.plugin, "incremental.\(name): '\(text)' is not a duration") }
                return seconds
            }
            let format = DateFormat(cursor.format ?? "rfc3339")
            kind = .datetime(Datetime(
                format: format, parseFormats: [format] + (cursor.parseFormats ?? []).map(DateFormat.init) + [.rfc3339],
                start: try PullError.compile(cursor.start.value, field: "incremental.start"),
                startFormat: cursor.start.format.map(DateFormat.init),
                end: try cursor.end.map { bound throws(PullError) in try PullError.compile(bound.value, field: "incremental.end") },
                step: try duration(cursor.step, "step"), granularity: try duration(cursor.granularity, "granularity") ?? 0,
                lookback: try duration(cursor.lookback, "lookback") ?? 0, startParam: cursor.startParam, endParam: cursor.endParam,
                clientFilter: cursor.filter == .client, dataFeed: cursor.dataFeed ?? false
            ))
        }
    }

    /// The windows to read, given the stored cursor value (`nil` on a first run).
    func windows(after stored: JSONValue?, config: JSONValue, now: Date) throws(PullError) -> [SyncWindow] {
        switch kind {
        case .counter(let start, _):
            return [.counter(after: stored ?? start.flatMap { $0.isNull ? nil : $0 })]
        case .datetime(let spec):
            let context = EvaluationContext(variables: ["config": config], now: now)
            let configured = try bound(spec.start, format: spec.startFormat, spec: spec, context: context, name: "start")
            var start = configured
            if let stored, let cursor = date(stored, spec: spec) {
                start = max(configured, cursor.addingTimeInterval(spec.granularity - spec.lookback))
            }
            let end = try spec.end.map { template throws(PullError) in
                try bound(template, format: nil, spec: spec, context: context, name: "end")
            } ?? now
            guard let step = spec.step, step > 0 else { return [.time(start: start, end: max(start, end))] }
            var windows: [SyncWindow] = []
            var windowStart = start
            repeat {
                let windowEnd = min(windowStart.addingTimeInterval(step), max(end, start))
                windows.append(.time(start: windowStart, end: windowEnd))
                windowStart = windowEnd
            } while windowStart < end
            return windows
        }
    }

    /// Puts the window's bounds where the plugin says.
    func inject(_ window: SyncWindow, into draft: inout RequestDraft) {
        switch (kind, window) {
        case (.datetime(let spec), .time(let start, let end)):
            if let param = spec.startParam { draft.inject(spec.format.value(from: start), at: param) }
            if let param = spec.endParam { draft.inject(spec.format.value(from: end.addingTimeInterval(-spec.granularity)), at: param) }
        case (.counter(_, let param?), .counter(let after?)):
            draft.inject(after, at: param)
        default:
            break
        }
    }

    /// The `stream_interval` variable: `{start_time, end_time}` in the cursor's format.
    func interval(_ window: SyncWindow) -> JSONValue {
        switch (kind, window) {
        case (.datetime(let spec), .time(let start, let end)):
            ["start_time": spec.format.value(from: start), "end_time": spec.format.value(from: end)]
        case (_, .counter(let after)):
            ["start": after ?? .null]
        default:
            .null
        }
    }

    /// The record's cursor value, as written in the record.
    func value(of record: JSONValue) -> JSONValue? {
        RecordPath.value(at: field, in: record).flatMap { $0.isNull ? nil : $0 }
    }

    /// Whether client-side filtering keeps a record with cursor `value` in `window`.
    func keeps(_ value: JSONValue?, in window: SyncWindow) -> Bool {
        guard let value else { return true }
        switch (kind, window) {
        case (.datetime(let spec), .time(let start, let end)):
            guard spec.clientFilter, let date = date(value, spec: spec) else { return true }
            return date >= start && date <= end
        case (.counter, .counter(let after?)):
            guard let current = Self.number(value), let bound = Self.number(after) else { return true }
            return current > bound
        default:
            return true
        }
    }

    /// True when `value` is below the window start of a newest-first (`data_feed`) stream: stop paging.
    func passedFeedStart(_ value: JSONValue?, in window: SyncWindow) -> Bool {
        guard case .datetime(let spec) = kind, spec.dataFeed, let value, case .time(let start, _) = window,
              let date = date(value, spec: spec) else { return false }
        return date < start
    }

    /// The larger of two cursor values (`nil` counts as smallest).
    func maximum(_ lhs: JSONValue?, _ rhs: JSONValue?) -> JSONValue? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        switch kind {
        case .datetime(let spec):
            guard let left = date(lhs, spec: spec) else { return rhs }
            guard let right = date(rhs, spec: spec) else { return lhs }
            return right > left ? rhs : lhs
        case .counter:
            return (Self.number(rhs) ?? -.infinity) > (Self.number(lhs) ?? -.infinity) ? rhs : lhs
        }
    }

    /// The cursor once `window` is fully read: its end when the window was
    /// bounded (end parameter or client filter), else the largest value stored.
    func completedCursor(_ window: SyncWindow, maxSeen: JSONValue?, previous: JSONValue?) -> JSONValue? {
        var result = maximum(previous, maxSeen.map(normalized))
        if case .datetime(let spec) = kind, case .time(_, let end) = window, spec.endParam != nil || spec.clientFilter {
            result = maximum(result, spec.format.value(from: end))
        }
        return result
    }

    /// A record's cursor value written in the cursor's format (dates), as it is otherwise.
    func normalized(_ value: JSONValue) -> JSONValue {
        guard case .datetime(let spec) = kind, let date = date(value, spec: spec) else { return value }
        return spec.format.value(from: date)
    }

    /// A cursor value as a date, trying the format then `parse_formats`.
    func date(_ value: JSONValue) -> Date? {
        guard case .datetime(let spec) = kind else { return nil }
        return date(value, spec: spec)
    }

    private func date(_ value: JSONValue, spec: Datetime) -> Date? {
        for format in spec.parseFormats {
            if let date = format.date(from: value) { return date }
        }
        return nil
    }

    private func bound(
        _ template: Template, format: DateFormat?, spec: Datetime, context: EvaluationContext, name: String
    ) throws(PullError) -> Date {
        let value = try PullError.render(template, in: context, field: "incremental.\(name)")
        if value.isNull || value.stringValue == "" {
            throw PullError(.plugin, "incremental.\(name) gives no date; set the setting it reads from")
        }
        let formats = (format.map { [$0] } ?? []) + spec.parseFormats
        for candidate in formats {
            if let date = candidate.date(from: value) { return date }
        }
        throw PullError(.plugin, "incremental.\(name): '\(RequestDraft.text(of: value))' is not a date in format \(spec.format)")
    }

    private static func number(_ value: JSONValue) -> Double? {
        value.doubleValue ?? value.stringValue.flatMap(Double.init)
    }
}
