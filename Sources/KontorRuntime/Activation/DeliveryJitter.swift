import KontorCore
import Synchronization

/// The random source of backoff jitter, shared by the tasks of a worker.
/// Seeded in tests, so that retry times are the same on every run.
public final class DeliveryJitter: Sendable {
    private let generator: Mutex<SeededRandomNumberGenerator>

    /// - Parameter seed: a fixed seed (tests); a random one when `nil`.
    public init(seed: UInt64? = nil) {
        var system = SystemRandomNumberGenerator()
        generator = Mutex(SeededRandomNumberGenerator(seed: seed ?? system.next()))
    }

    /// Runs `body` with the generator.
    public func with<T>(_ body: (inout SeededRandomNumberGenerator) -> T) -> T {
        generator.withLock { body(&$0) }
    }
}
