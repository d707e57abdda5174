/// The functions (Airbyte "macros") an expression may call.
enum ExpressionFunction: String, Sendable, CaseIterable {
    case nowUTC = "now_utc", todayUTC = "today_utc", formatDatetime = "format_datetime"
    case strToDatetime = "str_to_datetime", duration, dayDelta = "day_delta", timestamp, max, min

    var signature: CallSignature {
        switch self {
        case .nowUTC, .todayUTC: return .none
        case .formatDatetime: return CallSignature(["dt", "format", "input_format"], required: 2)
        case .strToDatetime: return CallSignature(["s", "input_format"], required: 1)
        case .duration: return CallSignature(["datestring"], required: 1)
        case .dayDelta: return CallSignature(["num_days", "format"], required: 1)
        case .timestamp: return CallSignature(["dt"], required: 1)
        case .max, .min: return CallSignature(["first"], required: 1, variadic: true)
        }
    }

    /// The parameter whose literal value is a strftime pattern, compiled at parse time.
    var patternParameter: Int? {
        switch self {
        case .formatDatetime: return 1
        case .dayDelta: return 1
        default: return nil
        }
    }

    var returnsBoolean: Bool? {
        switch self {
        case .max, .min: return nil
        default: return false
        }
    }
}

extension ExpressionEvaluator {
    static let dayDeltaPattern = StrftimePattern("%Y-%m-%dT%H:%M:%S.%f%z")

    func callFunction(_ call: ResolvedCall<ExpressionFunction>) throws(ExpressionError) -> ExpressionValue {
        let arguments = try arguments(call)
        func pattern(_ index: Int) throws(ExpressionError) -> StrftimePattern {
            if case .pattern(let pattern) = call.extra { return pattern }
            if call.callee == .dayDelta, arguments[index] == nil { return Self.dayDeltaPattern }
            return StrftimePattern(try arguments.string(index, "format"))
        }
        switch call.callee {
        case .nowUTC: return .dateTime(try now(arguments))
        case .todayUTC: return .date(try now(arguments).fields.daysSinceEpoch)
        case .formatDatetime:
            let inputFormat = arguments[2].flatMap(\.stringValue)
            let time = try Self.dateTime(from: arguments[0] ?? .none, inputFormat: inputFormat, arguments)
            return .string(Strftime.format(time, pattern: try pattern(1)))
        case .strToDatetime:
            let inputFormat = arguments[1].flatMap(\.stringValue)
            return .dateTime(try Self.dateTime(from: arguments[0] ?? .none, inputFormat: inputFormat, arguments).inUTC)
        case .duration:
            let value = arguments[0] ?? .none
            if case .duration = value { return value }
            guard let text = value.stringValue, let seconds = DurationParser.seconds(text),
                seconds.isFinite, abs(seconds) < 9e12
            else { throw arguments.error("duration: '\(value.text)' is not a duration such as 'P1D' or 'PT1H'") }
            return .duration(Int64((seconds * 1_000_000).rounded()))
        case .dayDelta:
            guard let days = arguments[0]?.numberValue, abs(days) < 3_000_000,
                let moved = try now(arguments).adding(microseconds: Int64((days * 86_400_000_000).rounded()))
            else { throw arguments.error("day_delta needs a number of days within the calendar") }
            return .string(Strftime.format(moved, pattern: try pattern(1)))
        case .timestamp:
            let value = arguments[0] ?? .none
            if let number = value.numberValue {
                guard let whole = Self.checkedInteger(number) else { throw arguments.error("timestamp out of range") }
                return .int(whole)
            }
            return .double(try Self.dateTime(from: value, inputFormat: nil, arguments).timestamp)
        case .max, .min:
            var candidates = [arguments[0] ?? .none] + arguments.rest
            if candidates.count == 1 { candidates = try Self.items(of: candidates[0], offset: call.offset) }
            guard var best = candidates.first else { throw arguments.error("\(call.callee.rawValue)() of an empty list") }
            for candidate in candidates.dropFirst() {
                let order = try candidate.compare(to: best, offset: call.offset)
                if call.callee == .max ? order > 0 : order < 0 { best = candidate }
            }
            return best
        }
    }

    private func now(_ arguments: CallArguments) throws(ExpressionError) -> ZonedDateTime {
        guard let now = ZonedDateTime(date: context.now) else { throw arguments.error("the current time is out of range") }
        return now
    }

    /// A datetime from a datetime, a date, epoch seconds, or text (ISO 8601, or `inputFormat`).
    static func dateTime(
        from value: ExpressionValue, inputFormat: String?, _ arguments: CallArguments
    ) throws(ExpressionError) -> ZonedDateTime {
        if let time = value.zonedDateTime { return time }
        if let seconds = value.numberValue {
            guard seconds.isFinite, abs(seconds) < 2.5e11, let time = ZonedDateTime(microseconds: Int64(seconds * 1_000_000))
            else { throw arguments.error("timestamp \(value.text) is out of range") }
            return time
        }
        guard let text = value.stringValue else { throw arguments.error("cannot read a datetime from \(value.typeName)") }
        let parsed =
            inputFormat.map { StrftimeParser.parse(text, pattern: StrftimePattern($0)) }
            ?? DateFormat.parseISO8601(text)
        guard let parsed else {
            let expected = inputFormat.map { "'\($0)'" } ?? "ISO 8601"
            throw arguments.error("cannot read '\(text)' as a datetime in \(expected)")
        }
        return parsed
    }
}
