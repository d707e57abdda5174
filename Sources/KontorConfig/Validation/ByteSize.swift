import Foundation

/// Parses byte sizes written in configuration: `500B`, `64KB`, `5MB`, `1GB`
/// (powers of 1000) and `64KiB`, `5MiB`, `1GiB` (powers of 1024).
public enum ByteSize {
    private static let units: [String: Int] = [
        "b": 1, "kb": 1000, "mb": 1_000_000, "gb": 1_000_000_000,
        "kib": 1024, "mib": 1_048_576, "gib": 1_073_741_824,
    ]

    /// The number of bytes, or `nil` when `text` is not a byte size.
    public static func bytes(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        guard let number = Double(digits), let multiplier = units[unit.isEmpty ? "b" : unit] else { return nil }
        let bytes = number * Double(multiplier)
        guard bytes.isFinite, bytes < 9e18 else { return nil }
        return Int(bytes)
    }
}
