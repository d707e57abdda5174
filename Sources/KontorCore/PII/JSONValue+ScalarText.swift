extension JSONValue {
    /// The text of a string, number or boolean; `nil` for null, arrays and objects.
    ///
    /// Integral doubles print without a fraction (`4915112345678.0` → `"4915112345678"`), as
    /// JavaScript's `String(x)` does, so numbers read from spreadsheets normalise like the text.
    var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .double(let number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
            return String(number)
        case .null, .array, .object: return nil
        }
    }
}
