extension ExpressionValue {
    /// The value as text in a mixed template, `~`, `join` and string methods:
    /// `none` and `undefined` give `""`, booleans `true`/`false`, numbers as
    /// Python prints them (`3.0`), lists and objects as compact JSON with sorted keys.
    var text: String {
        switch self {
        case .undefined, .json(.null): return ""
        case .json(.string(let value)): return value
        case .json(let value): return JSONText.write(value)
        case .dateTime, .date, .duration: return json.stringValue ?? JSONText.write(json)
        }
    }
}

/// Compact JSON text with sorted keys (the `tojson` filter and list/object rendering).
enum JSONText {
    static func write(_ value: JSONValue) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    static func write(_ value: JSONValue, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number): output += number.isFinite ? pythonText(number) : "null"
        case .string(let text): writeString(text, to: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                write(item, to: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                writeString(key, to: &output)
                output += ":"
                write(object[key] ?? .null, to: &output)
            }
            output += "}"
        }
    }

    static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// A double as Python's `repr` writes it: `3.0`, `0.1`, `1e+16`, `inf`, `nan`.
    static func pythonText(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        if number == number.rounded(), abs(number) < 1e16 {
            return String(Int(number)) + ".0"
        }
        return String(number)
    }
}
