import KontorCore

/// Decodes `application/x-www-form-urlencoded` text into a JSON object, the
/// way web frameworks read HTML form posts.
///
/// `+` is a space and `%XX` a byte; a name given twice collects its values in
/// an array; `answers[size]=M` nests (`{"answers": {"size": "M"}}`) and
/// `wishlist[]=a&wishlist[]=b` makes an array. Values stay strings.
///
/// ```swift
/// FormURLEncoding.decode("email=a%40b.example&answers[size]=M&newsletter=on")
/// // {"email": "a@b.example", "answers": {"size": "M"}, "newsletter": "on"}
/// ```
enum FormURLEncoding {
    static func decode(_ text: String) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = unescape(parts[0])
            guard !name.isEmpty else { continue }
            let value = JSONValue.string(parts.count > 1 ? unescape(parts[1]) : "")
            let (key, path) = split(name)
            object[key] = insert(value, at: path[...], into: object[key])
        }
        return .object(object)
    }

    /// `a[b][]` → ("a", ["b", ""]).
    private static func split(_ name: String) -> (String, [String]) {
        guard let open = name.firstIndex(of: "["), name.hasSuffix("]") else { return (name, []) }
        let key = String(name[..<open])
        let inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
        let path = inner.components(separatedBy: "][")
        return key.isEmpty ? (name, []) : (key, path)
    }

    private static func insert(_ value: JSONValue, at path: ArraySlice<String>, into existing: JSONValue?) -> JSONValue {
        guard let segment = path.first else {
            switch existing {
            case nil: return value
            case .array(let items)?: return .array(items + [value])
            case let other?: return .array([other, value])
            }
        }
        if segment.isEmpty {
            var items = existing?.arrayValue ?? existing.map { [$0] } ?? []
            items.append(insert(value, at: path.dropFirst(), into: nil))
            return .array(items)
        }
        var object = existing?.objectValue ?? [:]
        object[segment] = insert(value, at: path.dropFirst(), into: object[segment])
        return .object(object)
    }

    private static func unescape(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let high = iterator.next(), low = iterator.next()
                if let high, let low, let h = hexValue(high), let l = hexValue(low) {
                    bytes.append(h << 4 | l)
                } else {
                    bytes.append(byte)
                    if let high { bytes.append(high) }
                    if let low { bytes.append(low) }
                }
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
