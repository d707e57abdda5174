import Foundation

/// Maps a local wall-clock time in a time zone to the instants that show it,
/// which around daylight-saving changes may be none (a skipped hour) or two
/// (a repeated hour).
///
/// Times are whole seconds: `local` counts seconds since 1970-01-01T00:00 *as
/// if the wall clock were UTC*; instants count seconds since the Unix epoch.
struct WallClockTime {
    var timeZone: TimeZone

    /// The UTC offset in seconds at an instant.
    func offset(at instant: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// The wall-clock time (local seconds) shown at an instant.
    func local(at instant: Int) -> Int {
        instant + offset(at: instant)
    }

    /// Every instant that shows `local`, ascending: usually one, two in a
    /// repeated hour, none in a skipped one. Assumes offsets do not change more
    /// than once within twelve hours.
    func instants(showing local: Int) -> [Int] {
        let offsets = Set([offset(at: local - 43_200), offset(at: local + 43_200)])
        return offsets.map { local - $0 }.filter { offset(at: $0) == local - $0 }.sorted()
    }

    /// The first instant after a skipped stretch of wall-clock time that
    /// contains `local`: the moment the clocks jumped forward.
    func endOfGap(containing local: Int) -> Int {
        let before = offset(at: local - 43_200)
        let after = offset(at: local + 43_200)
        // The jump lies between the two readings of `local`; find the first second with the new offset.
        var low = local - max(before, after)
        var high = local - min(before, after)
        let lowOffset = offset(at: low)
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if offset(at: middle) == lowOffset { low = middle } else { high = middle }
        }
        return high
    }
}
