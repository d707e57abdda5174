/// The text encoding of a file (`file.encoding`): UTF-8 (the default), or the
/// single-byte encodings older till and loyalty systems still export.
///
/// Invalid UTF-8 becomes U+FFFD rather than failing the row: one mangled
/// name should not stop an import.
import Foundation

enum FileTextEncoding: Sendable, Hashable {
    case utf8
    case latin1
    case windows1252

    /// The encoding named by `file.encoding`; `nil` for a name Kontor cannot read.
    init?(name: String?) {
        switch (name ?? "utf-8").lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1": self = .latin1
        case "windows-1252", "cp1252", "win-1252": self = .windows1252
        default: return nil
        }
    }

    /// The text of `bytes`.
    func string(_ bytes: some Collection<UInt8>) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .latin1:
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .windows1252:
            return String(String.UnicodeScalarView(bytes.map(Self.windows1252Scalar)))
        }
    }

    /// Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, „, smart quotes, …).
    private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        guard byte >= 0x80, byte <= 0x9F else { return Unicode.Scalar(byte) }
        let value = high[Int(byte - 0x80)]
        return Unicode.Scalar(value) ?? Unicode.Scalar(byte)
    }

    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
