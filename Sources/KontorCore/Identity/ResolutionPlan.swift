import Foundation

/// What to do with one message's identities: the output of `IdentityResolver`,
/// applied by the profile builder in the same transaction as the message.
public struct ResolutionPlan: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        /// The message has no usable identifier: it joins no profile.
        case none
        /// No profile matches: create one holding `identities` (the store picks the id).
        case create(identities: [Identity])
        /// One profile matches: attach the message, and add `newIdentities` to it.
        case attach(profile: ProfileID, newIdentities: [Identity])
        /// Several profiles match: merge them into the oldest (the record says what, why and which message).
        case merge(MergeRecord)
    }

    public var action: Action
    /// Identifiers of the message that were not used, with the rule that refused them.
    public var refused: [RefusedIdentity]
    public var messageID: String

    public init(action: Action, refused: [RefusedIdentity] = [], messageID: String) {
        self.action = action
        self.refused = refused
        self.messageID = messageID
    }

    /// The refusals that kept two existing profiles apart (an audit entry each).
    public var blockedMerges: [RefusedIdentity] { refused.filter { $0.profile != nil } }

    /// The existing profile the message joins (`nil` for `create` and `none`).
    public var profile: ProfileID? {
        switch action {
        case .none, .create: return nil
        case .attach(let profile, _): return profile
        case .merge(let record): return record.survivor.id
        }
    }
}

/// An identifier of a message that identity resolution did not use.
///
/// When `profile` is set, the identifier points to an existing profile that a
/// rule kept apart from the one the message joined: a blocked merge.
public struct RefusedIdentity: Sendable, Hashable, Codable {
    public var identity: Identity
    public var profile: ProfileID?
    public var reason: RefusalReason

    public init(identity: Identity, profile: ProfileID?, reason: RefusalReason) {
        self.identity = identity
        self.profile = profile
        self.reason = reason
    }
}

/// The rule that refused an identifier.
public enum RefusalReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The profile would hold more identifiers of `kind` than `limit` (two user ids, a fourth shared email).
    case kindLimit(kind: IdentifierKind, limit: Int)
    /// The merged profile would have gone through more than `limit` merges.
    case maxMerges(limit: Int)
    /// An unmerge separated these profiles; they are not merged again automatically.
    case separated

    public var description: String {
        switch self {
        case .kindLimit(let kind, let limit): return "a profile holds at most \(limit) \(kind.rawValue)"
        case .maxMerges(let limit): return "a profile goes through at most \(limit) merges (identity.max_merges)"
        case .separated: return "the profiles were unmerged"
        }
    }
}
