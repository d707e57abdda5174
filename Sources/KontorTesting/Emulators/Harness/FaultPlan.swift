import Synchronization

/// The faults an emulator injects, changeable while it runs; thread-safe.
///
/// ```swift
/// shopify.faults.add(FaultRule(.rateLimited, on: .requests([2, 3]), endpoint: "customers"))
/// shopify.faults.add(FaultRule(.serverError(status: 503), on: .share(0.1)))
/// shopify.faults.removeAll()
/// ```
///
/// Rules are checked in the order they were added; the first that fires wins.
public final class FaultPlan: Sendable {
    private struct Entry {
        var rule: FaultRule
        var seen = 0
        var fired = 0
    }

    private let seed: UInt64
    private let entries = Mutex<[Entry]>([])

    /// - Parameter seed: the seed for `.share` triggers, so that a run is reproducible.
    public init(seed: UInt64 = 0x6B6F6E746F72) {
        self.seed = seed
    }

    /// Adds a rule after the existing ones.
    public func add(_ rule: FaultRule) {
        entries.withLock { $0.append(Entry(rule: rule)) }
    }

    /// Removes every rule.
    public func removeAll() {
        entries.withLock { $0.removeAll() }
    }

    /// The rules currently configured.
    public var rules: [FaultRule] {
        entries.withLock { $0.map(\.rule) }
    }

    /// Counts the request against each matching rule and returns the fault to inject, if any.
    func fault(forEndpoint endpoint: String) -> Fault? {
        entries.withLock { entries in
            var chosen: Fault?
            for index in entries.indices {
                let rule = entries[index].rule
                if let only = rule.endpoint, only != endpoint { continue }
                entries[index].seen += 1
                guard chosen == nil else { continue }
                if let limit = rule.limit, entries[index].fired >= limit { continue }
                if fires(rule.trigger, number: entries[index].seen) {
                    entries[index].fired += 1
                    chosen = rule.fault
                }
            }
            return chosen
        }
    }

    private func fires(_ trigger: FaultTrigger, number: Int) -> Bool {
        switch trigger {
        case .always: return true
        case .requests(let numbers): return numbers.contains(number)
        case .everyNth(let n): return n > 0 && number % n == 0
        case .share(let share):
            var random = SeededRandom(seed: seed ^ UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15)
            return random.unit() < share
        }
    }
}
