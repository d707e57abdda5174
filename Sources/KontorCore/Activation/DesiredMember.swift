/// A profile that, by segment membership, should be at a destination, with the
/// payload mapped for it.
///
/// The caller filters by consent, or passes `consented: false` to let the
/// planner treat the profile as gone (a withdrawn consent removes in `mirror`
/// and `remove` modes, exactly like leaving the segment).
public struct DesiredMember: Sendable, Hashable {
    public var profileID: String
    /// The payload after the destination mapping and the action's field pipeline.
    public var payload: JSONValue
    /// Whether the profile granted the destination's consent purpose.
    public var consented: Bool

    public init(profileID: String, payload: JSONValue, consented: Bool = true) {
        self.profileID = profileID
        self.payload = payload
        self.consented = consented
    }
}
