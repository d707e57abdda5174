import Foundation
import KontorCore

/// The slice of an incremental stream one pass reads: a time window of a
/// datetime cursor, everything after a counter value, or everything.
enum SyncWindow: Sendable, Hashable {
    case all
    case time(start: Date, end: Date)
    case counter(after: JSONValue?)

    /// The window as stored in a resume checkpoint.
    func json(format: DateFormat) -> JSONValue {
        switch self {
        case .all: .null
        case .time(let start, let end): ["start": .string(DateFormat.rfc3339.string(from: start)), "end": .string(DateFormat.rfc3339.string(from: end))]
        case .counter(let after): ["after": after ?? .null]
        }
    }

    init?(json: JSONValue?) {
        guard let object = json?.objectValue else { return nil }
        if let start = object["start"].flatMap(DateFormat.rfc3339.date(from:)),
           let end = object["end"].flatMap(DateFormat.rfc3339.date(from:)) {
            self = .time(start: start, end: end)
        } else if let after = object["after"] {
            self = .counter(after: after.isNull ? nil : after)
        } else {
            return nil
        }
    }
}
