/// Jinja's `urlencode` filter: text is percent-encoded (keeping `/`), an object
/// becomes `k=v&k2=v2` with sorted keys and form encoding (`+` for spaces).
enum URLEncoding {
    static func encode(_ value: ExpressionValue) -> String {
        switch value {
        case .json(.object(let object)):
            return object.keys.sorted().map { key in
                quote(key, form: true) + "=" + quote(ExpressionValue.json(object[key] ?? .null).text, form: true)
            }.joined(separator: "&")
        case .json(.array(let items)) where items.allSatisfy({ $0.arrayValue?.count == 2 }):
            return items.compactMap(\.arrayValue).map { pair in
                quote(ExpressionValue.json(pair[0]).text, form: true) + "="
                    + quote(ExpressionValue.json(pair[1]).text, form: true)
            }.joined(separator: "&")
        default:
            return quote(value.text, form: false)
        }
    }

    /// Percent-encodes UTF-8 bytes outside `A-Z a-z 0-9 _ . - ~` (and `/` unless `form`).
    static func quote(_ text: String, form: Bool) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where !form:
                output += "/"
            case UInt8(ascii: " ") where form:
                output += "+"
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return output
    }
}
