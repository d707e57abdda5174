import Foundation
import KontorCore

extension PluginChecker {
    /// Streams: one transport backed by its section, partitions with existing
    /// parents and no cycle, `step` with `granularity`, one operation per
    /// transform, and emit rules that can make valid messages.
    mutating func checkStreams() {
        for (name, stream) in plugin.streams {
            let base = ["streams", name]
            checkTransport(name, stream)
            let resolved = stream.merging(defaults: plugin.defaults)
            checkPartitions(base, resolved.partitions ?? [])
            if case .datetime(let cursor)? = resolved.incremental, cursor.step != nil, cursor.granularity == nil {
                error(base + ["incremental", "step"], "'step' requires 'granularity' (e.g. PT1S)")
            }
            checkTransforms(base)
            for (index, rule) in (resolved.emit ?? []).enumerated() {
                checkEmit(base + ["emit", String(index)], rule)
            }
        }
        checkPartitionCycles()
        if case .stream(let name)? = plugin.check, plugin.streams[name] == nil {
            unknownName(["check", "stream"], "unknown stream '\(name)' in check", name, among: plugin.streams.keys)
        }
    }

    private mutating func checkTransport(_ name: String, _ stream: PluginStream) {
        let base = ["streams", name]
        let given = [("request", stream.request != nil), ("file", stream.file != nil),
                     ("query", stream.query != nil), ("tap_stream", stream.tapStream != nil)].filter(\.1).map(\.0)
        if given.count > 1 {
            error(base, "stream '\(name)' has several transports (\(given.joined(separator: ", "))); keep one")
            return
        }
        let required: (key: String, section: String, present: Bool)?
        switch stream.merging(defaults: plugin.defaults).transport {
        case .http: required = ("request", "http", plugin.http != nil)
        case .file: required = ("file", "files", plugin.files != nil)
        case .sql: required = ("query", "sql", plugin.sql != nil)
        case .process: required = ("tap_stream", "process", plugin.process != nil)
        case .inbound:
            required = nil
            if plugin.process == nil, !(plugin.inbound?.targetStreams.contains(name) ?? false) {
                error(base, "stream '\(name)' has no request, file, query or tap_stream, and no inbound delivery is routed to it")
            }
        }
        if let required, !required.present {
            error(base + [required.key], "stream '\(name)' uses '\(required.key)' but the plugin has no '\(required.section)' section")
        }
    }

    private mutating func checkPartitions(_ base: [String], _ partitions: [Partition]) {
        for (index, partition) in partitions.enumerated() {
            let path = base + ["partitions", String(index)]
            let node = root.node(at: path)
            if let node, (node["parent"] == nil) == (node["values"] == nil) {
                error(path, "a partition needs either 'parent' (with 'key') or 'values'")
                continue
            }
            if node?["parent"] != nil, node?["key"] == nil {
                error(path, "a parent partition needs 'key': the parent record's value to use")
            }
            if let parent = partition.parentStream, plugin.streams[parent] == nil {
                unknownName(path + ["parent"], "unknown parent stream '\(parent)'", parent, among: plugin.streams.keys)
            }
        }
    }

    /// Reports each cycle of parent partitions once, at the partition of its first stream by name.
    private mutating func checkPartitionCycles() {
        let parents = plugin.streams.mapValues { stream in
            (stream.merging(defaults: plugin.defaults).partitions ?? []).compactMap(\.parentStream)
        }
        var reported: Set<String> = []
        for start in parents.keys.sorted() where !reported.contains(start) {
            guard let cycle = Self.cycle(from: start, parents) else { continue }
            reported.formUnion(cycle)
            let index = (plugin.streams[start]?.partitions ?? []).firstIndex { $0.parentStream == cycle[1 % cycle.count] } ?? 0
            error(
                ["streams", start, "partitions", String(index), "parent"],
                "partition cycle: \((cycle + [start]).joined(separator: " → "))"
            )
        }
    }

    /// The streams of a parent cycle through `start` (starting with it), if there is one.
    static func cycle(from start: String, _ parents: [String: [String]]) -> [String]? {
        var path = [start]
        func walk(_ stream: String) -> Bool {
            for parent in parents[stream] ?? [] {
                if parent == start { return true }
                if path.contains(parent) { continue }
                path.append(parent)
                if walk(parent) { return true }
                path.removeLast()
            }
            return false
        }
        return walk(start) ? path : nil
    }

    private mutating func checkTransforms(_ base: [String]) {
        for (index, node) in (root.node(at: base + ["transform"])?.elements ?? []).enumerated() {
            let given = (node.entries ?? []).compactMap(\.key.stringValue).filter(Transform.operationKeys.contains)
            if given.count != 1 {
                error(
                    base + ["transform", String(index)],
                    "a transform needs exactly one of \(Transform.operationKeys.joined(separator: ", ")) (found \(given.count))"
                )
            }
        }
    }

    private mutating func checkEmit(_ path: [String], _ rule: EmitRule) {
        if rule.userID == nil, rule.anonymousID == nil {
            error(path, "an emit rule needs 'user_id' or 'anonymous_id' (every Segment message has one)")
        }
        switch rule.type {
        case .track where rule.event == nil: error(path, "a track emit needs 'event'")
        case .group where rule.groupID == nil: error(path, "a group emit needs 'group_id'")
        case .alias where rule.previousID == nil: error(path, "an alias emit needs 'previous_id'")
        default: break
        }
        for kind in (rule.identifiers ?? [:]).keys where kind.trimmingCharacters(in: .whitespaces).isEmpty {
            error(path + ["identifiers"], "an identifier kind must not be empty (e.g. email, phone, shopify_customer_id)")
        }
    }
}
