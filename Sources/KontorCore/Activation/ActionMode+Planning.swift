/// What each sync mode does with each kind of difference between the desired
/// members and the destination state.
///
/// | mode | new member | changed payload | unchanged | left or consent withdrawn |
/// |---|---|---|---|---|
/// | `add` | add | – | – | – |
/// | `update` | – | update | – | – |
/// | `upsert` | add | update | – | – |
/// | `remove` | – | – | – | remove |
/// | `mirror` | add | update | – | remove |
///
/// `update` and `remove` act only on profiles Kontor knows the destination
/// holds (its `destination_state`); they never grow that set.
extension ActionMode {
    /// Whether a member the destination does not hold is added.
    public var addsNewMembers: Bool { self == .add || self == .upsert || self == .mirror }

    /// Whether a held member whose mapped payload changed is updated.
    public var updatesChangedMembers: Bool { self == .update || self == .upsert || self == .mirror }

    /// Whether a held member who left (or withdrew consent) is removed.
    public var removesDepartedMembers: Bool { self == .remove || self == .mirror }
}
