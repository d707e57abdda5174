/// Why an emulator could not be started or configured.
public enum EmulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Hummingbird server did not bind a port (the reason is attached).
    case serverDidNotStart(String)

    public var description: String {
        switch self {
        case .serverDidNotStart(let reason): return "emulator server did not start: \(reason)"
        }
    }
}
