import Foundation

extension DateFormat {
    /// The date a mapped value denotes in `format`, or, without a format, in the first form that fits:
    /// numbers are epoch seconds (milliseconds from 10^11 on), strings RFC 3339 / ISO 8601,
    /// `YYYY-MM-DD` or epoch digits.
    static func date(from value: JSONValue, format: DateFormat?) -> Date? {
        if let format { return format.date(from: value) }
        switch value {
        case .int, .double:
            guard let number = value.doubleValue else { return nil }
            return abs(number) >= 1e11 ? DateFormat.unixMilliseconds.date(from: value) : DateFormat.unix.date(from: value)
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let date = DateFormat.rfc3339.date(from: trimmed) ?? DateFormat.date.date(from: trimmed) { return date }
            if let number = Double(trimmed) { return date(from: .double(number), format: nil) }
            return nil
        default:
            return nil
        }
    }

    /// Compiles a `DateFormat` option, reporting unknown strftime directives at `path`.
    static func compile(_ text: String, at path: [String], in compiler: inout MappingCompiler) -> DateFormat? {
        let format = DateFormat(text)
        for problem in format.problems { compiler.fail(path, "invalid date format '\(text)': \(problem)") }
        return format.problems.isEmpty ? format : nil
    }
}
