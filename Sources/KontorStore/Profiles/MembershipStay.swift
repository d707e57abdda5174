import Foundation
import KontorCore

/// One stay of a profile in a segment: when and why it entered, and when and
/// why it left (`nil` while it is a member).
public struct MembershipStay: Sendable, Hashable {
    public var segment: String
    public var profile: ProfileID
    public var enteredAt: Date
    public var enterReason: MembershipReason
    public var exitedAt: Date?
    public var exitReason: MembershipReason?
    /// The evaluation error, when the profile left because the rule failed on it.
    public var detail: String?

    public init(
        segment: String, profile: ProfileID, enteredAt: Date, enterReason: MembershipReason = .ruleMatched,
        exitedAt: Date? = nil, exitReason: MembershipReason? = nil, detail: String? = nil
    ) {
        self.segment = segment
        self.profile = profile
        self.enteredAt = enteredAt
        self.enterReason = enterReason
        self.exitedAt = exitedAt
        self.exitReason = exitReason
        self.detail = detail
    }

    /// `true` while the profile is a member.
    public var isOpen: Bool { exitedAt == nil }
}
