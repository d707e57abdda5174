/// What Kontor knows one destination holds for one profile (a `destination_state` row).
///
/// The entry reflects the outbox jobs planned so far: it is written in the
/// same transaction as the jobs, so the next planning run diffs against what
/// was already asked for, never against what is still in flight.
public struct DestinationStateEntry: Sendable, Hashable {
    public var profileID: String
    /// ``PayloadHash`` of ``payload``.
    public var payloadHash: String
    /// The payload the destination holds; a remove sends it, so the
    /// destination can find the record even after the profile has changed.
    public var payload: JSONValue

    public init(profileID: String, payloadHash: String, payload: JSONValue) {
        self.profileID = profileID
        self.payloadHash = payloadHash
        self.payload = payload
    }

    /// An entry for `payload`, hashing it.
    public init(profileID: String, payload: JSONValue) {
        self.init(profileID: profileID, payloadHash: PayloadHash.of(payload), payload: payload)
    }
}

/// A write to `destination_state`, committed with the jobs that cause it.
public enum DestinationStateChange: Sendable, Hashable {
    /// Insert or replace the entry of its profile.
    case put(DestinationStateEntry)
    /// Delete the entry of this profile (it was removed).
    case delete(profileID: String)

    /// The profile the change is about.
    public var profileID: String {
        switch self {
        case .put(let entry): entry.profileID
        case .delete(let profileID): profileID
        }
    }
}
