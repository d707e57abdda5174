import Foundation

/// What every running source emulator offers, so tests, `kontor demo` and benchmarks can drive
/// any of them the same way.
///
/// ```swift
/// let emulators: [any SourceEmulator] = [shop, crm]
/// for emulator in emulators { emulator.data.touch(10) }
/// for emulator in emulators { await emulator.stop() }
/// ```
public protocol SourceEmulator: Sendable {
    /// `http://127.0.0.1:<port>`, the emulated API's host.
    var baseURL: URL { get }
    /// The generated records it serves; touch them to give incremental syncs work.
    var data: DataSetStore { get }
    /// Faults to inject, changeable while it runs.
    var faults: FaultPlan { get }
    /// What it served and which documented limits clients broke.
    var log: RequestLog { get }
    /// The request pipeline (dialect, clock), usable without a socket.
    var host: EmulatorHost { get }
    /// The loopback server.
    var server: EmulatorServer { get }
    /// Stops the server and waits until its socket is closed.
    func stop() async
}
