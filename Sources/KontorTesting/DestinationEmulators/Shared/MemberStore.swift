import Synchronization

/// The audience a destination emulator holds, keyed by the API's identity for a member; thread-safe.
///
/// Tests compare its keys with a segment exactly (`XCTAssertEqual(store.keys, expected)`).
public final class MemberStore<Member: Sendable>: Sendable {
    private let members = Mutex<[String: Member]>([:])

    public init() {}

    /// The member keys.
    public var keys: Set<String> { members.withLock { Set($0.keys) } }
    /// The number of members.
    public var count: Int { members.withLock { $0.count } }
    /// Every member by key.
    public var snapshot: [String: Member] { members.withLock { $0 } }

    /// The member with `key`.
    public subscript(key: String) -> Member? {
        members.withLock { $0[key] }
    }

    /// Adds or replaces a member.
    public func put(_ key: String, _ member: Member) {
        members.withLock { $0[key] = member }
    }

    /// Removes a member; returns whether it was there.
    @discardableResult
    public func remove(_ key: String) -> Bool {
        members.withLock { $0.removeValue(forKey: key) != nil }
    }

    /// Removes every member.
    public func removeAll() {
        members.withLock { $0.removeAll() }
    }

    /// Runs `body` on the members under the lock (several reads and writes as one step).
    public func mutate<Result: Sendable>(_ body: (inout [String: Member]) throws(EmulatorRejection) -> Result) throws(EmulatorRejection) -> Result {
        try members.withLock { (members: inout [String: Member]) throws(EmulatorRejection) -> Result in try body(&members) }
    }
}
