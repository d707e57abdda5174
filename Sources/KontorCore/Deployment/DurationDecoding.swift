import Foundation

extension KeyedDecodingContainer {
    /// A duration written as text (`15m`, `400d`, `PT1S`), in seconds; `nil` when absent.
    func decodeDurationIfPresent(forKey key: Key) throws -> TimeInterval? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let seconds = DurationParser.seconds(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "expected a duration like '15m', got '\(text)'")
        }
        return seconds
    }
}
