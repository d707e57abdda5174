/// `{"@datetime": {"value": <v>, "from": "unix", "to": "rfc3339"}}`: rewrites
/// a date from one `DateFormat` (`rfc3339`, `unix`, `unix_ms`, `date` or a
/// strftime pattern) to another. Without `from` the input form is detected
/// (numbers are epoch seconds, strings ISO 8601). `unix` and `unix_ms` give
/// integers, the others strings. A value that is not a date is a per-record error.
struct DateTimeDirective: MappingDirective {
    let value: MappingNode
    let from: DateFormat?
    let to: DateFormat
    let path: [String]

    static func compile(_ options: JSONValue, at path: [String], in compiler: inout MappingCompiler) -> Self? {
        guard let options = MappingOptions(options, at: path, allowed: ["value", "from", "to"], in: &compiler) else { return nil }
        let value = options.mapping("value", required: true, in: &compiler)
        let fromText = options.string("from", in: &compiler)
        let from = fromText.flatMap { DateFormat.compile($0, at: path + ["from"], in: &compiler) }
        let to = options.string("to", required: true, in: &compiler).flatMap { DateFormat.compile($0, at: path + ["to"], in: &compiler) }
        guard let value, let to, fromText == nil || from != nil else { return nil }
        return DateTimeDirective(value: value, from: from, to: to, path: path)
    }

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        guard let result = try value.apply(to: input) else { return nil }
        if result.isNull { return .null }
        guard let date = DateFormat.date(from: result, format: from) else {
            let expected = from.map { " in format '\($0.text)'" } ?? ""
            throw MappingError(path: path, "@datetime: \(result.jsonText) is not a date\(expected)")
        }
        return to.value(from: date)
    }
}
