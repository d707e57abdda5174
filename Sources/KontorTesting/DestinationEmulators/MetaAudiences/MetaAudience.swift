import Foundation
import Synchronization

/// One emulated custom audience: its members and the replace session in progress, if any; thread-safe.
public final class MetaAudience: Sendable {
    struct ReplaceSession {
        var id: String
        var nextSequence: Int
        var startedAt: Date
        var staged: IdentityAudience
        var received: Int
    }

    struct State {
        var members = IdentityAudience(matchKeys: MetaAudience.matchKeys)
        var replace: ReplaceSession?
        var completedSessions: [String] = []
    }

    /// A row matches the member sharing one of these values.
    static let matchKeys = ["EXTERN_ID", "EMAIL", "PHONE", "MADID"]

    public let id: String
    let state = Mutex(State())

    init(id: String) {
        self.id = id
    }

    /// The members now (a replace in progress is not visible until its last batch).
    public var members: IdentityAudience { state.withLock { $0.members } }
    /// The EMAIL hashes held: what a mirrored segment's hashed e-mails must equal.
    public var emailHashes: Set<String> { members.values(of: "EMAIL") }
    /// The PHONE hashes held.
    public var phoneHashes: Set<String> { members.values(of: "PHONE") }
    /// The number of people.
    public var count: Int { members.count }
    /// Whether a replace session is open.
    public var isReplacing: Bool { state.withLock { $0.replace != nil } }
    /// Session ids of replace sessions that finished (`last_batch_flag`), in order.
    public var completedReplaceSessions: [String] { state.withLock { $0.completedSessions } }
}
