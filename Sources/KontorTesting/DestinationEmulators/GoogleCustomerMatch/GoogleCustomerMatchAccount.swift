import Synchronization

/// One operation of an offline user data job.
public enum GoogleUserDataOperation: Sendable, Hashable {
    /// Add the person with these identifiers (`hashedEmail`, `hashedPhoneNumber`, `addressInfo`, …).
    case create([String: String])
    /// Remove the person matching these identifiers.
    case remove([String: String])
    /// Empty the user list.
    case removeAll
}

/// An offline user data job: `PENDING` until run, then `SUCCESS`.
public struct GoogleOfflineUserDataJob: Sendable, Hashable {
    public var id: String
    public var userListID: String
    /// `PENDING`, `RUNNING`, `SUCCESS` or `FAILED`.
    public var status: String
    public var operations: [GoogleUserDataOperation]
}

/// The Customer Match user lists and offline user data jobs of an emulated customer; thread-safe.
public final class GoogleCustomerMatchAccount: Sendable {
    /// A `UserData` matches the member sharing one of these identifier values.
    public static let matchKeys = ["hashedEmail", "hashedPhoneNumber", "mobileId", "thirdPartyUserId", "addressInfo"]

    struct State {
        var lists: [String: IdentityAudience] = [:]
        var jobs: [String: GoogleOfflineUserDataJob] = [:]
        var nextID = 0

        /// Applies a job's operations in order and marks it `SUCCESS`.
        mutating func run(_ id: String) {
            guard var job = jobs[id], var list = lists[job.userListID] else { return }
            for operation in job.operations {
                switch operation {
                case .create(let identifiers): list.add(identifiers)
                case .remove(let identifiers): list.remove(identifiers)
                case .removeAll: list = IdentityAudience(matchKeys: GoogleCustomerMatchAccount.matchKeys)
                }
            }
            job.status = "SUCCESS"
            lists[job.userListID] = list
            jobs[id] = job
        }
    }

    let state: Mutex<State>

    init(userListIDs: [String]) {
        var initial = State()
        for id in userListIDs { initial.lists[id] = IdentityAudience(matchKeys: Self.matchKeys) }
        state = Mutex(initial)
    }

    /// The members of a user list.
    public func members(userList: String) -> IdentityAudience {
        state.withLock { $0.lists[userList] ?? IdentityAudience(matchKeys: Self.matchKeys) }
    }

    /// The `hashedEmail` values on a user list: what a mirrored segment's hashed e-mails must equal.
    public func emailHashes(userList: String) -> Set<String> { members(userList: userList).values(of: "hashedEmail") }

    /// The `hashedPhoneNumber` values on a user list.
    public func phoneHashes(userList: String) -> Set<String> { members(userList: userList).values(of: "hashedPhoneNumber") }

    /// Jobs by id.
    public var jobs: [String: GoogleOfflineUserDataJob] { state.withLock { $0.jobs } }
}
