import Foundation
import KontorCore

/// The pure timetable rules of the scheduler: when a job runs next, with a
/// jitter that is a deterministic function of the job and its slot (so a
/// restart waits for the same moment), and the "a missed run runs once" rule.
///
/// The store keeps the *slot* of the next run (the regular time without
/// jitter); the run starts at `slot + jitter(name, slot)`.
public struct ScheduleTimetable: Sendable {
    public var name: String
    public var schedule: Schedule

    public init(name: String, schedule: Schedule) {
        self.name = name
        self.schedule = schedule
    }

    /// The slot of the first run of a job that has never run.
    public func firstSlot(now: Date) -> Date? {
        var random = generator(for: now)
        return schedule.nextRun(after: nil, now: now, using: &random)?.slot
    }

    /// When a run of `slot` starts: the slot plus this job's jitter for it.
    public func startTime(of slot: Date) -> Date {
        var random = generator(for: slot)
        return slot.addingTimeInterval(random.nextJitter(upTo: schedule.jitter))
    }

    /// The slot after a run of `slot` that has just finished at `now`.
    ///
    /// Slots missed while Kontor was down (or while the run took longer than
    /// the interval) are not run one by one: the run that just happened stood
    /// for them, and the next slot is the first regular one after `now`.
    public func slot(after slot: Date, now: Date) -> Date? {
        var random = generator(for: slot)
        guard let planned = schedule.nextRun(after: slot, now: now, using: &random) else { return nil }
        guard planned.isCatchUp else { return planned.slot }
        return schedule.nextRun(after: planned.slot, now: now, using: &random)?.slot
    }

    private func generator(for slot: Date) -> SeededRandomNumberGenerator {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "\(name)|\(Int64(slot.timeIntervalSince1970))".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return SeededRandomNumberGenerator(seed: hash)
    }
}
