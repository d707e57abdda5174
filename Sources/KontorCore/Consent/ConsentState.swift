import Foundation

/// A profile's consent: the full history of choices per purpose, and the
/// current status (the latest choice by timestamp).
///
/// Order-independent: history is kept sorted by `ConsentEntry` order and the
/// same choice from the same message is kept once, so replaying or merging
/// gives the same state.
///
/// ```swift
/// var consent = ConsentState()
/// consent.record(ConsentEntry(purpose: "email", granted: true, source: "popup", at: t1, messageID: "m1"))
/// consent.isGranted("email", default: .denied)   // true
/// ```
public struct ConsentState: Sendable, Hashable, Codable {
    /// Every choice, oldest first.
    public private(set) var history: [ConsentEntry]

    public init(history: [ConsentEntry] = []) {
        self.history = []
        for entry in history { record(entry) }
    }

    /// Adds a choice (ignored when the same message already recorded it).
    public mutating func record(_ entry: ConsentEntry) {
        guard !history.contains(entry) else { return }
        let index = history.firstIndex { entry < $0 } ?? history.endIndex
        history.insert(entry, at: index)
    }

    /// The latest choice for `purpose`, if any.
    public func latest(_ purpose: String) -> ConsentEntry? {
        history.last { $0.purpose == purpose }
    }

    /// Whether `purpose` is granted now; `defaultStatus` when the profile never chose.
    public func isGranted(_ purpose: String, default defaultStatus: ConsentSettings.DefaultStatus = .denied) -> Bool {
        latest(purpose)?.granted ?? (defaultStatus == .granted)
    }

    /// Purpose → granted for every purpose of `settings`, as segment rules see it (`consent.email`).
    public func view(_ settings: ConsentSettings) -> [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: settings.purposes.map { ($0, JSONValue.bool(isGranted($0, default: settings.defaultStatus))) })
    }

    /// The state of a profile that absorbed `other`.
    public func merged(with other: ConsentState) -> ConsentState {
        var result = self
        for entry in other.history { result.record(entry) }
        return result
    }
}
