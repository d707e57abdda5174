/// A bounded map that forgets its least recently used entry when full.
///
/// A value type with no locking: ``PersonalizationCache`` keeps one behind a
/// mutex. Reads and writes are O(1): entries live in one array, linked in use
/// order by indices (most recent at `head`), with a dictionary from key to slot.
///
/// ```swift
/// var cache = LRUCache<String, Int>(capacity: 2)
/// cache["a"] = 1; cache["b"] = 2
/// _ = cache["a"]          // a is now the most recent
/// cache["c"] = 3          // evicts b
/// ```
struct LRUCache<Key: Hashable, Value> {
    private struct Slot {
        var key: Key
        var value: Value
        var newer: Int?
        var older: Int?
    }

    /// The most entries kept; 0 keeps nothing.
    let capacity: Int
    private var slots: [Slot] = []
    private var index: [Key: Int] = [:]
    private var free: [Int] = []
    private var head: Int?
    private var tail: Int?

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// How many entries the cache holds.
    var count: Int { index.count }

    /// Reading marks the entry most recently used; writing `nil` removes it.
    subscript(key: Key) -> Value? {
        mutating get {
            guard let slot = index[key] else { return nil }
            moveToFront(slot)
            return slots[slot].value
        }
        set {
            if let newValue { insert(newValue, for: key) } else { remove(key) }
        }
    }

    /// The value for `key` without changing the use order.
    func peek(_ key: Key) -> Value? {
        index[key].map { slots[$0].value }
    }

    /// Keys from most to least recently used.
    var keysByRecency: [Key] {
        var keys: [Key] = []
        var cursor = head
        while let slot = cursor {
            keys.append(slots[slot].key)
            cursor = slots[slot].older
        }
        return keys
    }

    mutating func removeAll() {
        slots.removeAll(keepingCapacity: true)
        index.removeAll(keepingCapacity: true)
        free.removeAll()
        head = nil
        tail = nil
    }

    private mutating func insert(_ value: Value, for key: Key) {
        guard capacity > 0 else { return }
        if let slot = index[key] {
            slots[slot].value = value
            moveToFront(slot)
            return
        }
        if index.count >= capacity, let oldest = tail { remove(slots[oldest].key) }
        let fresh = Slot(key: key, value: value, newer: nil, older: head)
        let slot: Int
        if let reused = free.popLast() {
            slots[reused] = fresh
            slot = reused
        } else {
            slots.append(fresh)
            slot = slots.count - 1
        }
        if let head { slots[head].newer = slot }
        head = slot
        if tail == nil { tail = slot }
        index[key] = slot
    }

    private mutating func remove(_ key: Key) {
        guard let slot = index.removeValue(forKey: key) else { return }
        unlink(slot)
        free.append(slot)
    }

    private mutating func moveToFront(_ slot: Int) {
        guard head != slot else { return }
        unlink(slot)
        slots[slot].older = head
        slots[slot].newer = nil
        if let head { slots[head].newer = slot }
        head = slot
        if tail == nil { tail = slot }
    }

    private mutating func unlink(_ slot: Int) {
        let newer = slots[slot].newer
        let older = slots[slot].older
        if let newer { slots[newer].older = older } else { head = older }
        if let older { slots[older].newer = newer } else { tail = newer }
        slots[slot].newer = nil
        slots[slot].older = nil
    }
}
