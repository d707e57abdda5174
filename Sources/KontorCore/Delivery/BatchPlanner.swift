import Foundation

/// Cuts pending outbox jobs into requests: grouped by operation and the
/// `group_by` field values, cut at `size` records or before the items would
/// pass `max_bytes`, and a partial batch sent once its oldest record has
/// waited `max_wait` (Segment's batch buffers; Airbyte flushes the same way).
///
/// Bytes are those of the items written as a JSON array (`[a,b]`) with
/// ``JSONValue/serialized(pretty:)``; the envelope around it (`{"members":…,
/// "update_existing":true}`) is not counted, so a plugin's `max_bytes` leaves room for it.
///
/// ```swift
/// let planner = BatchPlanner(limits: BatchLimits(size: 500, maxBytes: 5_000_000, maxWait: 30))
/// let plan = planner.plan(pendingJobs, now: clock.now)
/// for batch in plan.ready { try await send(batch) }
/// // sleep until plan.nextFlushAt, or until new jobs arrive
/// ```
public struct BatchPlanner: Sendable {
    public var limits: BatchLimits

    public init(limits: BatchLimits) {
        self.limits = limits
    }

    /// The batches of `items`. `drain` sends partial batches at once (shutdown, a manual run).
    public func plan<Item: BatchItem>(_ items: [Item], now: Date, drain: Bool = false) -> BatchPlan<Item> {
        let ordered = items.enumerated().sorted {
            ($0.element.enqueuedAt, $0.offset) < ($1.element.enqueuedAt, $1.offset)
        }.map(\.element)
        var groups: [BatchGroup: [Item]] = [:]
        var groupOrder: [BatchGroup] = []
        for item in ordered {
            let group = group(of: item)
            if groups[group] == nil { groupOrder.append(group) }
            groups[group, default: []].append(item)
        }
        var plan = BatchPlan<Item>()
        for group in groupOrder {
            cut(groups[group] ?? [], group: group, now: now, drain: drain, into: &plan)
        }
        return plan
    }

    /// The group of one record: its operation and its `group_by` values.
    public func group(of item: some BatchItem) -> BatchGroup {
        var values: [String: JSONValue] = [:]
        for field in limits.groupBy {
            values[field] = FieldPath(parsing: field).value(in: item.payload) ?? .null
        }
        return BatchGroup(operation: item.operation, values: values)
    }

    /// The bytes one record adds to the items array (without the comma).
    public static func bytes(of payload: JSONValue) -> Int {
        payload.serialized().utf8.count
    }

    private func cut<Item: BatchItem>(
        _ items: [Item], group: BatchGroup, now: Date, drain: Bool, into plan: inout BatchPlan<Item>
    ) {
        var current: [Item] = []
        var currentBytes = 2
        func close(_ reason: Batch<Item>.FlushReason) {
            plan.ready.append(Batch(group: group, items: current, bytes: currentBytes, reason: reason))
            current = []
            currentBytes = 2
        }
        for item in items {
            let size = Self.bytes(of: item.payload)
            if let maxBytes = limits.maxBytes, size + 2 > maxBytes {
                plan.oversized.append(item)
                continue
            }
            let separator = current.isEmpty ? 0 : 1
            if let maxBytes = limits.maxBytes, currentBytes + separator + size > maxBytes { close(.bytes) }
            currentBytes += (current.isEmpty ? 0 : 1) + size
            current.append(item)
            if current.count == limits.size { close(.size) }
        }
        guard let oldest = current.first else { return }
        if drain { return close(.forced) }
        guard let maxWait = limits.maxWait, maxWait > 0 else { return close(.immediate) }
        let due = oldest.enqueuedAt.addingTimeInterval(maxWait)
        if now >= due { return close(.maxWait) }
        plan.waiting += current
        plan.nextFlushAt = min(plan.nextFlushAt ?? due, due)
    }
}
