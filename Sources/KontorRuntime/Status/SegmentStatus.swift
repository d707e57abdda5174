/// One segment in a ``StatusReport``: how many profiles are members now.
public struct SegmentStatus: Codable, Sendable, Hashable {
    public var name: String
    public var size: Int

    public init(name: String, size: Int) {
        self.name = name
        self.size = size
    }
}
