import Foundation

/// When a source is pulled or a destination synced: at a fixed interval, on a
/// cron expression in a time zone, or only when asked.
///
/// In YAML: `{every: 15m}`, `{every: 1h, jitter: 2m}`,
/// `{cron: "0 6 * * mon-fri", timezone: Europe/Berlin, jitter: 30s}` or `manual`.
///
/// The scheduler keeps the ``PlannedRun/slot`` of the last run and asks for the
/// next one with ``nextRun(after:now:using:)``. A run missed while Kontor was down
/// runs **once** at start-up, not once per missed slot.
public enum Schedule: Sendable, Hashable {
    /// Every `interval` seconds, each run delayed by a random `0...jitter` seconds.
    case every(TimeInterval, jitter: TimeInterval? = nil)
    /// At the times of a cron expression on the wall clock of a time zone
    /// (see ``CronExpression/next(after:in:)`` for daylight-saving changes).
    case cron(CronExpression, timeZone: TimeZone, jitter: TimeInterval? = nil)
    /// Never on its own; only `kontor sync` or the admin API start a run.
    case manual

    /// The random delay added to each run, in seconds (0 when none).
    public var jitter: TimeInterval {
        switch self {
        case let .every(_, jitter), let .cron(_, _, jitter): max(0, jitter ?? 0)
        case .manual: 0
        }
    }

    /// The next run.
    ///
    /// - Parameters:
    ///   - lastPlanned: the ``PlannedRun/slot`` of the previous run, `nil` before the first.
    ///   - now: the current time.
    ///   - random: the source of jitter.
    /// - Returns: `nil` for `.manual` and for a cron expression that never fires.
    ///
    /// Rules:
    /// - First run: `every` runs at once (`now`); `cron` waits for its first time after `now`.
    /// - The next slot is `lastPlanned + interval` (`every`) or the cron time after `lastPlanned`.
    /// - If that slot is already past (`< now`, Kontor was down or busy), the run is
    ///   **due now, once** (`isCatchUp`), and its slot is set so the run after it is the
    ///   first regular slot after `now`: `every` keeps its phase (10:00, 10:15, … stays on the quarter hour).
    /// - Jitter is added to every run, catch-up runs included, so that many schedules
    ///   missed during the same outage do not all start in the same second.
    public func nextRun(
        after lastPlanned: Date?, now: Date, using random: inout some RandomNumberGenerator
    ) -> PlannedRun? {
        guard let slot = nextSlot(after: lastPlanned, now: now) else { return nil }
        let delay = random.nextJitter(upTo: jitter)
        if slot.date < now {
            return PlannedRun(slot: slot.catchUpSlot, runAt: now.addingTimeInterval(delay), isCatchUp: true)
        }
        return PlannedRun(slot: slot.date, runAt: slot.date.addingTimeInterval(delay), isCatchUp: false)
    }

    /// The regular slot after `lastPlanned` and, should it be past, the slot a
    /// catch-up run stands for.
    private func nextSlot(after lastPlanned: Date?, now: Date) -> (date: Date, catchUpSlot: Date)? {
        switch self {
        case .manual:
            return nil
        case let .every(interval, _):
            guard interval > 0 else { return nil }
            guard let lastPlanned else { return (now, now) }
            let slot = lastPlanned.addingTimeInterval(interval)
            // The latest regular slot at or before now keeps the phase for the run after it.
            let missed = ((now.timeIntervalSince(lastPlanned)) / interval).rounded(.down)
            return (slot, lastPlanned.addingTimeInterval(max(1, missed) * interval))
        case let .cron(expression, timeZone, _):
            guard let slot = expression.next(after: lastPlanned ?? now, in: timeZone) else { return nil }
            return (slot, now)
        }
    }
}

/// One planned run of a ``Schedule``.
public struct PlannedRun: Sendable, Hashable {
    /// The regular time the run belongs to, without jitter. Store it and pass it
    /// back as `lastPlanned` to get the run after this one.
    public var slot: Date
    /// When to start the run: the slot plus jitter, or now plus jitter for a catch-up run.
    public var runAt: Date
    /// The slot was missed (Kontor was down); this single run stands for every missed slot.
    public var isCatchUp: Bool

    public init(slot: Date, runAt: Date, isCatchUp: Bool) {
        self.slot = slot
        self.runAt = runAt
        self.isCatchUp = isCatchUp
    }
}
