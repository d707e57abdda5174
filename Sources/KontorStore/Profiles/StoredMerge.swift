import Foundation
import KontorCore

/// The id of one recorded merge (`kontor profiles unmerge 12`).
public struct MergeID: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// Parses a merge id as typed on the command line: `12` or `#12`.
    public init?(_ text: String) {
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard let value = Int64(digits), value > 0 else { return nil }
        rawValue = value
    }

    public static func < (lhs: MergeID, rhs: MergeID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}

/// A merge as the `merges` table keeps it: the full record (what, why, which
/// message) and whether it was undone.
public struct StoredMerge: Sendable, Hashable {
    public var id: MergeID
    public var record: MergeRecord
    /// When the merge was undone, or `nil` while it holds.
    public var unmergedAt: Date?

    public init(id: MergeID, record: MergeRecord, unmergedAt: Date? = nil) {
        self.id = id
        self.record = record
        self.unmergedAt = unmergedAt
    }

    /// The survivor's id.
    public var into: ProfileID { record.survivor.id }
    /// The ids of the profiles absorbed by the merge, oldest first.
    public var absorbed: [ProfileID] { record.absorbed.map(\.id) }
}
