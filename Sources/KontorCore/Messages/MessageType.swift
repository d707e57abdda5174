/// The six call types of the Segment spec.
public enum MessageType: String, Sendable, Hashable, Codable, CaseIterable {
    case identify
    case track
    case page
    case screen
    case group
    case alias
}
