/// The consent purposes a deployment tracks, and what holds for a profile
/// that never said yes or no.
///
/// ```yaml
/// consent: {purposes: [email, ads, personalisation], default: denied}
/// ```
public struct ConsentSettings: Sendable, Hashable, Decodable, SchemaDescribed {
    /// The status assumed when a profile has no recorded choice for a purpose.
    public enum DefaultStatus: String, Sendable, Hashable, Decodable, CaseIterable {
        case granted, denied
    }

    public var purposes: [String]
    /// `denied` unless set: activation waits for an explicit yes (DSGVO opt-in).
    public var defaultStatus: DefaultStatus

    public init(purposes: [String] = [], defaultStatus: DefaultStatus = .denied) {
        self.purposes = purposes
        self.defaultStatus = defaultStatus
    }

    private enum CodingKeys: String, CodingKey {
        case purposes
        case defaultStatus = "default"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            purposes: try container.decodeIfPresent([String].self, forKey: .purposes) ?? [],
            defaultStatus: try container.decodeIfPresent(DefaultStatus.self, forKey: .defaultStatus) ?? .denied)
    }

    public static let schema: Schema = .object([
        "purposes": Property(.array(.string()), "Consent purposes, e.g. email, ads, personalisation", default: []),
        "default": Property(
            .string(choices: DefaultStatus.allCases.map(\.rawValue)),
            "Status assumed when a profile made no choice", default: "denied"),
    ], description: "Consent purposes")
}
