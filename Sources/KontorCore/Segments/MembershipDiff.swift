import Foundation

/// Why a profile entered or left a segment.
public enum MembershipReason: String, Sendable, Hashable, Codable {
    /// The rule became true.
    case ruleMatched = "rule_matched"
    /// The rule became false.
    case ruleUnmatched = "rule_unmatched"
    /// The rule failed to evaluate on the profile, which counts as "not a member".
    case evaluationFailed = "evaluation_failed"
    /// The profile no longer exists (merged into another, erased).
    case profileRemoved = "profile_removed"
}

/// One entry into or exit from a segment, for the membership history.
public struct MembershipChange: Sendable, Hashable, Codable {
    public enum Direction: String, Sendable, Hashable, Codable {
        case entered, exited
    }

    public var segment: String
    public var profile: ProfileID
    public var direction: Direction
    public var reason: MembershipReason
    /// The evaluation error, for `evaluationFailed`.
    public var detail: String?
    public var at: Date

    public init(segment: String, profile: ProfileID, direction: Direction, reason: MembershipReason, detail: String? = nil, at: Date) {
        self.segment = segment
        self.profile = profile
        self.direction = direction
        self.reason = reason
        self.detail = detail
        self.at = at
    }
}

/// The membership changes of one segment after evaluating some profiles.
///
/// Only profiles in `outcomes` (or in `removed`) can change: the engine passes
/// the dirty profiles after a batch, or every profile of a time-dependent
/// segment on its schedule. Members not evaluated stay members.
///
/// ```swift
/// let diff = MembershipDiff(segment: "vip", previous: ["p1", "p2"], outcomes: ["p2": .notMember, "p3": .member], at: now)
/// diff.entered.map(\.profile)   // ["p3"]
/// diff.exited.map(\.profile)    // ["p2"]
/// ```
public struct MembershipDiff: Sendable, Hashable {
    public var segment: String
    public private(set) var entered: [MembershipChange] = []
    public private(set) var exited: [MembershipChange] = []
    /// Profiles on which the rule failed, with the error (counted as "not a member").
    public private(set) var failures: [ProfileID: ExpressionError] = [:]

    public init(segment: String, previous: Set<ProfileID>, outcomes: [ProfileID: SegmentOutcome], removed: Set<ProfileID> = [], at: Date) {
        self.segment = segment
        for (profile, outcome) in outcomes.sorted(by: { $0.key < $1.key }) where !removed.contains(profile) {
            let wasMember = previous.contains(profile)
            switch outcome {
            case .member where !wasMember:
                entered.append(MembershipChange(segment: segment, profile: profile, direction: .entered, reason: .ruleMatched, at: at))
            case .notMember where wasMember:
                exited.append(MembershipChange(segment: segment, profile: profile, direction: .exited, reason: .ruleUnmatched, at: at))
            case .failed(let error):
                failures[profile] = error
                if wasMember {
                    exited.append(MembershipChange(
                        segment: segment, profile: profile, direction: .exited, reason: .evaluationFailed, detail: error.description, at: at))
                }
            default:
                break
            }
        }
        for profile in removed.intersection(previous).sorted() {
            exited.append(MembershipChange(segment: segment, profile: profile, direction: .exited, reason: .profileRemoved, at: at))
        }
        exited.sort { $0.profile < $1.profile }
    }

    /// Entries then exits.
    public var changes: [MembershipChange] { entered + exited }

    /// The members after applying the diff to `previous`.
    public func applied(to previous: Set<ProfileID>) -> Set<ProfileID> {
        previous.union(entered.map(\.profile)).subtracting(exited.map(\.profile))
    }
}
