import Foundation
import KontorCore

/// Parsing response bodies.
public enum ResponseBody {
    /// The body as JSON, or `nil` when it is empty or not JSON.
    public static func json(_ bytes: [UInt8]) -> JSONValue? {
        guard let first = bytes.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return nil }
        // Only objects, arrays and strings are worth a parse attempt; HTML and plain text are not JSON.
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "\"") else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }
}
