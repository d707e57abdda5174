/// A source whose inbound deliveries cannot be served: its plugin's
/// `inbound` section or stream templates do not compile. Raised when the
/// server is composed, so the problem shows at start, not on the first delivery.
public struct InboundSetupError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var message: String

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "source '\(source)': \(message)" }
}
