/// A problem in a cron expression, at a 0-based character offset inside its
/// text, so the loader can point at `file:line:column` of the bad token.
///
/// ```swift
/// do { _ = try CronExpression(parsing: "61 * * * *") }
/// catch { print(error) }   // at offset 0: minute value 61 out of range 0-59
/// ```
public struct CronError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem starts, in characters from the start of the expression.
    public var offset: Int
    /// What is wrong, naming the field (`minute`, `hour`, `day-of-month`, `month`, `day-of-week`).
    public var message: String

    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "at offset \(offset): \(message)" }
}
