import Foundation

/// Parses the byte sizes used in configuration (`batch.max_bytes: 5MB`).
///
/// Units are binary and case-insensitive: `1 KB` = `1 KiB` = `1 K` = 1024 bytes,
/// `1 MB` = 1024², `1 GB` = 1024³, as in nginx and most configuration files.
/// When an API states a decimal limit ("5 MB" meaning 5,000,000 bytes), write
/// the limit in bytes or a little lower (`4.7MB`). A bare number, or `B`, is
/// bytes; a fraction (`1.5MB`) is rounded down to whole bytes.
///
/// ```swift
/// ByteSizeParser.bytes("500KB")  // 512_000
/// ByteSizeParser.bytes("5MB")    // 5_242_880
/// ByteSizeParser.bytes("5 mb")   // 5_242_880
/// ByteSizeParser.bytes("five")   // nil
/// ```
public enum ByteSizeParser {
    /// The size in bytes, or `nil` when `text` is not a byte size (or overflows `Int`).
    public static func bytes(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let numberEnd = trimmed.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? trimmed.endIndex
        let numberText = trimmed[..<numberEnd]
        let unitText = trimmed[numberEnd...].trimmingCharacters(in: .whitespaces).lowercased()
        guard !numberText.isEmpty, numberText.first != ".", let number = Double(numberText),
              let multiplier = multipliers[unitText]
        else { return nil }
        let total = (number * Double(multiplier)).rounded(.down)
        guard total.isFinite, total < Double(Int.max) else { return nil }
        return Int(total)
    }

    /// The unit spellings and their size in bytes.
    public static let multipliers: [String: Int] = [
        "": 1, "b": 1,
        "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
        "m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20,
        "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
    ]
}
