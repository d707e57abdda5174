/// A documented maximum page size, and what the emulator does when a client asks for more.
public struct PageSizeLimit: Sendable, Hashable {
    /// What happens above the maximum.
    public enum Overflow: Sendable, Hashable {
        /// Answer with the API's validation error (the documented or observed behaviour of most APIs).
        case reject
        /// Serve the maximum silently (what some APIs do); still recorded as a violation.
        case clamp
    }

    public var defaultSize: Int
    public var maximum: Int
    public var overflow: Overflow

    public init(defaultSize: Int, maximum: Int, overflow: Overflow = .reject) {
        self.defaultSize = defaultSize
        self.maximum = maximum
        self.overflow = overflow
    }

    /// The page size to serve for the raw parameter `text`.
    ///
    /// - Throws: `rejection(requested)` (the API's error) for a size above the maximum with `.reject`,
    ///   or for a value that is not a positive integer; a clamped size is recorded as a violation by the caller.
    func resolve(
        _ text: String?, endpoint: String, log: RequestLog,
        rejection: (String) -> EmulatorReply
    ) throws(EmulatorRejection) -> Int {
        guard let text else { return defaultSize }
        guard let requested = Int(text), requested >= 1 else { throw EmulatorRejection(rejection(text)) }
        guard requested > maximum else { return requested }
        let violation = LimitViolation(.pageSize, endpoint: endpoint, detail: "\(requested) > \(maximum)")
        if overflow == .clamp {
            log.record(violation)
            return maximum
        }
        throw EmulatorRejection(rejection(text), violation: violation)
    }
}
