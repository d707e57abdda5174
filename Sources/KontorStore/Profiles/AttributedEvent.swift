import KontorCore

/// Which profile an event of the log was attached to when the profile builder
/// processed it (before any later merge).
///
/// Undoing a merge needs it: the messages each side had before the merge go
/// back with that side (`UnmergePlanner`), and an export lists a person's events.
public struct AttributedEvent: Sendable, Hashable {
    /// The event's `seq` in the log.
    public var seq: Int64
    public var messageID: String
    public var profile: ProfileID

    public init(seq: Int64, messageID: String, profile: ProfileID) {
        self.seq = seq
        self.messageID = messageID
        self.profile = profile
    }
}
