import Foundation
import KontorCore

/// The real time, for emulators driven by real clients (`kontor demo`, benchmarks).
struct WallClock: KontorClock {
    var now: Date { Date() }

    func sleep(until deadline: Date) async throws {
        let interval = deadline.timeIntervalSinceNow
        guard interval > 0 else { return }
        try await Task.sleep(for: .milliseconds(Int64(interval * 1000)))
    }
}
