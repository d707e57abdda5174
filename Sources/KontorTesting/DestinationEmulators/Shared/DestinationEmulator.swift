import Foundation

/// What every destination emulator offers tests: the server, its fault plan and request log, and
/// the ``DestinationKnobs``.
///
/// ```swift
/// let meta = try await MetaAudienceEmulator.start()
/// meta.faults.add(FaultRule(.serverError(status: 503), on: .share(0.2)))
/// // … deliver a segment …
/// XCTAssertEqual(meta.violations, [])          // the client stayed within the documented limits
/// await meta.stop()
/// ```
public protocol DestinationEmulator: Sendable {
    var host: EmulatorHost { get }
    var server: EmulatorServer { get }
    var knobs: DestinationKnobs { get }
}

extension DestinationEmulator {
    /// `http://127.0.0.1:<port>` with no trailing slash.
    public var baseURL: URL { server.baseURL }
    /// Injected faults (share of 5xx, the API's throttling answer, …).
    public var faults: FaultPlan { host.faults }
    /// Every answered request and every broken limit.
    public var log: RequestLog { host.log }
    /// Documented limits the client broke (batch sizes, rate, concurrency); a correct client leaves it empty.
    public var violations: [LimitViolation] { host.log.violations }

    /// Stops the server; calling it twice is harmless.
    public func stop() async {
        await server.stop()
    }
}
