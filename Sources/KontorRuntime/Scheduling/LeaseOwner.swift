import Foundation

/// Who holds a lease: `role:host:pid` (e.g. `cli:shop-server:4711`,
/// `daemon:shop-server:812`). Knowing the host and process lets a new run take
/// over at once from a *local* holder that has died (a `kontor sync` killed
/// with SIGKILL), instead of waiting for its lease to run out.
public struct LeaseOwner: Sendable, Hashable, CustomStringConvertible {
    public var role: String
    public var host: String
    public var pid: Int32

    public init(role: String, host: String, pid: Int32) {
        self.role = role
        self.host = host
        self.pid = pid
    }

    /// This process, in `role`.
    public static func current(role: String) -> LeaseOwner {
        LeaseOwner(role: role, host: ProcessInfo.processInfo.hostName, pid: ProcessInfo.processInfo.processIdentifier)
    }

    /// Reads `role:host:pid`; `nil` for owners written in another form.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let pid = Int32(parts[2]) else { return nil }
        self.init(role: String(parts[0]), host: String(parts[1]), pid: pid)
    }

    public var description: String { "\(role):\(host):\(pid)" }

    /// True when this owner is a process on this host that no longer exists.
    public var isDeadLocalProcess: Bool {
        guard host == ProcessInfo.processInfo.hostName, pid > 0 else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
