/// A five-field cron expression (`minute hour day-of-month month day-of-week`),
/// parsed once at load time and asked for its next run with
/// ``next(after:in:)``.
///
/// Accepted syntax, as in Vixie cron / cronie:
/// - `*`, numbers, ranges `1-5`, lists `1,15`, steps `*/15`, `10-50/10` and `5/15` (= `5-59/15`);
/// - month names `jan`–`dec` and day names `sun`–`sat`, case-insensitive; `0` and `7` are Sunday;
/// - the macros `@hourly`, `@daily` (`@midnight`), `@weekly`, `@monthly`, `@yearly` (`@annually`).
///
/// When both day fields are restricted (neither begins with `*`), a day matches
/// if **either** matches: `0 0 1,15 * mon` runs on the 1st, the 15th and every Monday.
///
/// ```swift
/// let cron = try CronExpression(parsing: "30 2 * * mon-fri")
/// let next = cron.next(after: now, in: TimeZone(identifier: "Europe/Berlin")!)
/// ```
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// The text the expression was parsed from.
    public let source: String

    let minutes: CronField
    let hours: CronField
    let daysOfMonth: CronField
    let months: CronField
    let daysOfWeek: CronField

    /// Parses `source`; throws the first problem with its character offset.
    public init(parsing source: String) throws(CronError) {
        let fields = try CronParser(source).parse()
        self.source = source
        minutes = fields[0]
        hours = fields[1]
        daysOfMonth = fields[2]
        months = fields[3]
        daysOfWeek = fields[4]
    }

    public var description: String { source }

    /// True when the minute or hour field begins with `*` (`*/15 * * * *`, `0 * * * *`).
    ///
    /// Such jobs follow absolute time across daylight-saving changes (they run in
    /// both copies of a repeated hour and not at all in a skipped one); jobs at
    /// fixed times run once per wall-clock time instead. See ``next(after:in:)``.
    public var followsAbsoluteTime: Bool {
        minutes.isStar || hours.isStar
    }

    /// The minutes (0–59) the expression allows, ascending.
    public var allowedMinutes: [Int] { minutes.values }
    /// The hours (0–23) the expression allows, ascending.
    public var allowedHours: [Int] { hours.values }
    /// The days of the month (1–31) the expression allows, ascending.
    public var allowedDaysOfMonth: [Int] { daysOfMonth.values }
    /// The months (1–12) the expression allows, ascending.
    public var allowedMonths: [Int] { months.values }
    /// The days of the week (0 = Sunday … 6 = Saturday) the expression allows, ascending.
    public var allowedDaysOfWeek: [Int] { daysOfWeek.values }

    /// Whether a calendar day matches the day-of-month, month and day-of-week fields
    /// (`weekday`: 0 = Sunday). Both day fields restricted: either may match.
    func matchesDay(month: Int, day: Int, weekday: Int) -> Bool {
        guard months.contains(month) else { return false }
        if daysOfMonth.isStar || daysOfWeek.isStar {
            return daysOfMonth.contains(day) && daysOfWeek.contains(weekday)
        }
        return daysOfMonth.contains(day) || daysOfWeek.contains(weekday)
    }
}
