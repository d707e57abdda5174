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
        LeaseOwner(role: role, host: localHostName, pid: ProcessInfo.processInfo.processIdentifier)
    }

    /// The kernel's host name (`gethostname`), read without any name lookup.
    ///
    /// `ProcessInfo.hostName` resolves the name through DNS on Linux and may answer with
    /// an address (an IPv6 one holds colons) or differ between calls on machines whose
    /// resolver is slow or unconfigured; the lease owner must be the same string every time.
    public static let localHostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }()

    /// Reads `role:host:pid`; `nil` for owners written in another form. The host is
    /// everything between the first and the last colon, so a host holding colons reads back.
    public init?(parsing text: String) {
        guard let first = text.firstIndex(of: ":"), let last = text.lastIndex(of: ":"), first < last,
            let pid = Int32(text[text.index(after: last)...])
        else { return nil }
        self.init(role: String(text[..<first]), host: String(text[text.index(after: first)..<last]), pid: pid)
    }

    public var description: String { "\(role):\(host):\(pid)" }

    /// True when this owner is a process on this host that no longer exists.
    public var isDeadLocalProcess: Bool {
        guard host == Self.localHostName, pid > 0 else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
