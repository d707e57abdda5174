import Synchronization
import Foundation
import KontorCore
import KontorHTTP

/// One run of a ``SourceRunner``: pulls streams in order and keeps the key
/// values of parent streams that later streams are partitioned by.
final class RunPass: Sendable {
    let runner: SourceRunner
    let counters: PullCounters
    let onEvent: @Sendable (PullEvent) -> Void
    let fullRefresh: Bool
    let selected: Set<String>
    /// Parent stream → key path → distinct values, from this run's complete reads.
    private let parentKeys = MutexBox<[String: [FieldPath: [JSONValue]]]>([:])

    init(runner: SourceRunner, counters: PullCounters, onEvent: @escaping @Sendable (PullEvent) -> Void, fullRefresh: Bool, selected: Set<String>) {
        self.runner = runner
        self.counters = counters
        self.onEvent = onEvent
        self.fullRefresh = fullRefresh
        self.selected = selected
    }

    /// Pulls every partition of `name`, committing pages.
    func pull(_ name: String) async throws(PullError) {
        guard let stream = runner.compiled[name] else { return }
        onEvent(.streamStarted(stream: name))
        let slices = try await PartitionPlan.slices(stream.partitions, config: runner.config, now: runner.clock.now) {
            (parent: String, key: FieldPath) async throws(PullError) -> [JSONValue] in
            try await self.values(of: key, inParent: parent, for: name)
        }
        // Key paths later streams need from this one, collected while it is read.
        let needed = neededKeys(of: name)
        let complete = stream.cursor == nil || fullRefresh
        var collected: [FieldPath: [JSONValue]] = [:]
        var seen: [FieldPath: Set<JSONValue>] = [:]
        let puller = makePuller(stream, readOnly: false)
        for slice in slices {
            do {
                try await puller.pull(slice) { record in
                    for path in needed {
                        guard let value = RecordPath.value(at: path.segments, in: record), !value.isNull else { continue }
                        if seen[path, default: []].insert(value).inserted { collected[path, default: []].append(value) }
                    }
                }
            } catch {
                throw error.inStream(name)
            }
        }
        if !needed.isEmpty { parentKeys.withLock { $0[name] = complete ? collected : nil } }
        onEvent(.streamFinished(stream: name, records: counters.snapshot[name]?.records ?? 0))
    }

    private func makePuller(_ stream: CompiledStream, readOnly: Bool) -> StreamPuller {
        StreamPuller(
            source: runner.source, stream: stream, executor: runner.executor(for: stream.name, counters: counters, onEvent: onEvent),
            store: runner.store, config: runner.config, clock: runner.clock, counters: readOnly ? PullCounters() : counters,
            onEvent: onEvent, readOnly: readOnly
        )
    }

    /// The distinct values at `key` of `parent`'s records: from this run when it
    /// read the parent completely (or the child only wants changed parents),
    /// else from a read-only pass over all of the parent's records.
    private func values(of key: FieldPath, inParent parent: String, for child: String) async throws(PullError) -> [JSONValue] {
        guard let stream = runner.compiled[parent] else {
            throw PullError(.plugin, "partitions: parent stream '\(parent)' is not an HTTP stream of the plugin", stream: child)
        }
        let onlyChanged = runner.compiled[child]?.partitions.contains {
            if case .parent(parent, _, _, _, true?) = $0 { true } else { false }
        } ?? false
        if let known = parentKeys.withLock({ $0[parent]?[key] }), selected.contains(parent) || onlyChanged {
            return known
        }
        var values: [JSONValue] = []
        var seen: Set<JSONValue> = []
        let slices = try await PartitionPlan.slices(stream.partitions, config: runner.config, now: runner.clock.now) {
            (grandparent: String, path: FieldPath) async throws(PullError) -> [JSONValue] in
            try await self.values(of: path, inParent: grandparent, for: parent)
        }
        let puller = makePuller(stream, readOnly: true)
        for slice in slices {
            try await puller.pull(slice) { record in
                if let value = RecordPath.value(at: key.segments, in: record), !value.isNull, seen.insert(value).inserted {
                    values.append(value)
                }
            }
        }
        return values
    }

    private func neededKeys(of parent: String) -> [FieldPath] {
        var keys: [FieldPath] = []
        for (_, stream) in runner.compiled {
            for case .parent(parent, let key, _, _, _) in stream.partitions where !keys.contains(key) { keys.append(key) }
        }
        return keys
    }
}

/// A value behind a lock, for the few fields of a run shared across awaits.
final class MutexBox<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { body(&$0) }
    }
}
