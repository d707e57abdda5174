import Foundation

/// A schedule as written in `connectors.yaml`: `{every: 15m}`,
/// `{cron: "0 6 * * *", timezone: Europe/Berlin, jitter: 30s}` or `manual`.
///
/// It keeps the text so the deployment loader can check the cron expression
/// and time zone with positions; `schedule()` turns it into the scheduler's
/// `Schedule`. (`Schedule` itself is not `Decodable`; this is its YAML form,
/// validated by `Schedule.schema`.)
public enum ScheduleSpec: Sendable, Hashable, Decodable, SchemaDescribed {
    case every(String, jitter: String?)
    case cron(String, timezone: String?, jitter: String?)
    case manual

    public static var schema: Schema { Schedule.schema }

    private enum CodingKeys: String, CodingKey {
        case every, cron, timezone, jitter
    }

    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            guard text == "manual" else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath, debugDescription: "expected 'manual', {every: …} or {cron: …}, got '\(text)'"))
            }
            self = .manual
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let jitter = try container.decodeIfPresent(String.self, forKey: .jitter)
        if let every = try container.decodeIfPresent(String.self, forKey: .every) {
            self = .every(every, jitter: jitter)
        } else if let cron = try container.decodeIfPresent(String.self, forKey: .cron) {
            self = .cron(cron, timezone: try container.decodeIfPresent(String.self, forKey: .timezone), jitter: jitter)
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "a schedule needs 'every' or 'cron', or is 'manual'"))
        }
    }

    /// The scheduler's form; throws the first problem (see `problems()` for all of them).
    public func schedule() throws(ScheduleSpecError) -> Schedule {
        if let problem = problems().first { throw problem }
        switch self {
        case .manual:
            return .manual
        case let .every(interval, jitter):
            return .every(DurationParser.seconds(interval) ?? 0, jitter: jitter.flatMap(DurationParser.seconds))
        case let .cron(text, timezone, jitter):
            do {
                return .cron(
                    try CronExpression(parsing: text), timeZone: TimeZone(identifier: timezone ?? "UTC") ?? .gmt,
                    jitter: jitter.flatMap(DurationParser.seconds))
            } catch {
                throw ScheduleSpecError(field: "cron", message: error.message, offset: error.offset)
            }
        }
    }

    /// Every problem of this schedule, each naming its key (`every`, `cron`, `timezone`, `jitter`).
    public func problems() -> [ScheduleSpecError] {
        var problems: [ScheduleSpecError] = []
        switch self {
        case .manual:
            return []
        case let .every(interval, jitter):
            if (DurationParser.seconds(interval) ?? 0) <= 0 {
                problems.append(.init(field: "every", message: "expected a positive duration like '15m', got '\(interval)'"))
            }
            problems += Self.jitterProblems(jitter)
        case let .cron(text, timezone, jitter):
            do {
                _ = try CronExpression(parsing: text)
            } catch {
                problems.append(.init(field: "cron", message: "invalid cron expression: \(error.message)", offset: error.offset))
            }
            if let timezone, TimeZone(identifier: timezone) == nil {
                problems.append(.init(
                    field: "timezone", message: "unknown time zone '\(timezone)'",
                    suggestion: NearestName.suggest(for: timezone, among: TimeZone.knownTimeZoneIdentifiers)))
            }
            problems += Self.jitterProblems(jitter)
        }
        return problems
    }

    private static func jitterProblems(_ text: String?) -> [ScheduleSpecError] {
        guard let text, (DurationParser.seconds(text) ?? -1) < 0 else { return [] }
        return [.init(field: "jitter", message: "expected a duration like '30s', got '\(text)'")]
    }
}

/// Why a `ScheduleSpec` is not a valid `Schedule`, and which key is at fault.
public struct ScheduleSpecError: Error, Sendable, Hashable {
    public var field: String
    public var message: String
    public var suggestion: String?
    /// A character offset inside the value (the bad token of a cron expression).
    public var offset: Int?

    public init(field: String, message: String, suggestion: String? = nil, offset: Int? = nil) {
        self.field = field
        self.message = message
        self.suggestion = suggestion
        self.offset = offset
    }
}
