import Foundation

extension CronExpression {
    /// How many years ahead ``next(after:in:)`` looks before deciding that an
    /// expression never matches (`0 0 30 2 *`). Nine years covers the longest
    /// gap between two 29 Februaries (eight years, across 2100).
    public static let searchYears = 9

    /// The most a daylight-saving change moves the wall clock, in seconds; the
    /// search stops this far past the first match it finds.
    static let maximumShift = 3 * 3600

    /// The first time strictly after `date` at which the expression fires, on
    /// the wall clock of `timeZone`; `nil` when it never fires within
    /// ``searchYears`` years.
    ///
    /// Runs are at whole minutes. Daylight-saving changes follow Vixie cron and cronie:
    /// - **Skipped hour** (spring forward, e.g. 02:00–02:59 on the last Sunday of
    ///   March in Europe/Berlin): a job at a fixed time inside it (`30 2 * * *`) runs
    ///   once, at the first instant after the jump (03:00 CEST). Several such times
    ///   collapse into that one run.
    /// - **Repeated hour** (fall back, 02:00–02:59 twice on the last Sunday of
    ///   October): a fixed-time job runs once, in the first pass (CEST).
    /// - Jobs whose minute or hour field begins with `*` (``followsAbsoluteTime``)
    ///   run as the clock shows: not at all for times inside a skipped hour, and in
    ///   both passes of a repeated hour (`*/15 * * * *` keeps its 15-minute rhythm).
    ///
    /// ```swift
    /// let berlin = TimeZone(identifier: "Europe/Berlin")!
    /// try CronExpression(parsing: "0 9 * * mon").next(after: now, in: berlin)
    /// ```
    public func next(after date: Date, in timeZone: TimeZone) -> Date? {
        let clock = WallClockTime(timeZone: timeZone)
        let after = date.timeIntervalSince1970
        let afterSecond = Int(after.rounded(.down))
        let searchStart = clock.local(at: afterSecond) - Self.maximumShift
        var dayNumber = Self.floorDivide(searchStart, 86_400)
        let lastDay = dayNumber + 366 * Self.searchYears
        var best: Int?
        var firstMatchLocal: Int?
        let fastPath = StableOffset(clock: clock, around: afterSecond, margin: Self.maximumShift)

        while dayNumber <= lastDay {
            let day = CivilDay(days: dayNumber)
            guard months.contains(day.month) else {
                dayNumber = day.firstOfNextMonth.days
                continue
            }
            if let firstMatchLocal, dayNumber * 86_400 > firstMatchLocal + Self.maximumShift { break }
            if matchesDay(month: day.month, day: day.day, weekday: CivilDay.weekday(ofDays: dayNumber)) {
                for hour in hours.values {
                    for minute in minutes.values {
                        let local = dayNumber * 86_400 + hour * 3600 + minute * 60
                        guard local >= searchStart else { continue }
                        if best == nil, let instant = fastPath?.instant(showing: local) {
                            // No offset change nearby: instants grow with local times, the first hit is the answer.
                            if Double(instant) > after { return Date(timeIntervalSince1970: TimeInterval(instant)) }
                            continue
                        }
                        if let firstMatchLocal, local > firstMatchLocal + Self.maximumShift { break }
                        for instant in instants(showing: local, clock) where Double(instant) > after {
                            best = min(best ?? instant, instant)
                            firstMatchLocal = firstMatchLocal ?? local
                        }
                    }
                }
            }
            dayNumber += 1
        }
        return best.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// The instants at which the job runs for one wall-clock time (see ``next(after:in:)``).
    private func instants(showing local: Int, _ clock: WallClockTime) -> [Int] {
        let instants = clock.instants(showing: local)
        if followsAbsoluteTime { return instants }
        if let first = instants.first { return [first] }
        return [clock.endOfGap(containing: local)]
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}

/// A stretch of time around a search start in which a time zone's offset does
/// not change, so local times map to instants by one subtraction.
private struct StableOffset {
    var offset: Int
    var start: Int
    var end: Double

    init?(clock: WallClockTime, around instant: Int, margin: Int) {
        let offset = clock.offset(at: instant)
        guard clock.offset(at: instant - margin) == offset else { return nil }
        let transition = clock.timeZone.nextDaylightSavingTimeTransition(
            after: Date(timeIntervalSince1970: TimeInterval(instant - margin))
        )
        self.offset = offset
        start = instant - margin
        end = transition?.timeIntervalSince1970 ?? .infinity
    }

    /// The single instant showing `local`, when it lies well inside the stretch.
    func instant(showing local: Int) -> Int? {
        let instant = local - offset
        guard instant >= start, Double(instant + CronExpression.maximumShift) < end else { return nil }
        return instant
    }
}
