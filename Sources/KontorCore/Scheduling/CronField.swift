/// The allowed values of one cron field, as a bit set (bit `n` = value `n`).
struct CronField: Sendable, Hashable {
    var bits: UInt64
    /// The field's text began with `*` (`*`, `*/15`). Vixie cron uses this
    /// flag for the day-of-month/day-of-week rule and for DST handling.
    var isStar: Bool

    func contains(_ value: Int) -> Bool {
        value >= 0 && value < 64 && bits & (1 << UInt64(value)) != 0
    }

    /// The allowed values in ascending order.
    var values: [Int] {
        (0..<64).filter { contains($0) }
    }
}

/// What a cron field accepts: its name (for messages), its range and its names.
struct CronFieldKind: Sendable {
    var name: String
    var range: ClosedRange<Int>
    /// Three-letter names, lower-case; `names[i]` means `range.lowerBound + i`
    /// (months: `jan` = 1; days of the week: `sun` = 0).
    var names: [String]

    static let minute = CronFieldKind(name: "minute", range: 0...59, names: [])
    static let hour = CronFieldKind(name: "hour", range: 0...23, names: [])
    static let dayOfMonth = CronFieldKind(name: "day-of-month", range: 1...31, names: [])
    static let month = CronFieldKind(
        name: "month", range: 1...12,
        names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
    /// 0 and 7 both mean Sunday.
    static let dayOfWeek = CronFieldKind(
        name: "day-of-week", range: 0...7,
        names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    )

    /// The five fields in the order they are written.
    static let all: [CronFieldKind] = [.minute, .hour, .dayOfMonth, .month, .dayOfWeek]

    /// The value `*` stands for (Sunday once, as 0, for the day of the week).
    var starRange: ClosedRange<Int> {
        name == CronFieldKind.dayOfWeek.name ? 0...6 : range
    }
}
