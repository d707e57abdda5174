/// A typed field of an action, with the PII handling it needs before sending.
///
/// Run order for a value (`PIIField`): trim → the `pii` kind's normalisers (or `normalize`)
/// → `hash` (skipped when the value already looks hashed) → `digest`.
///
/// ```yaml
/// email: {type: string, required: true, pii: email, hash: sha256}
/// phone: {type: string, pii: phone, normalize: digits, hash: sha256}
/// ```
public struct ActionField: Sendable, Decodable {
    public enum FieldType: String, Sendable, Decodable, CaseIterable {
        case string, integer, number, boolean, datetime, object, array
    }

    public var type: FieldType
    /// Stored in an array: a struct cannot hold itself directly.
    private var itemStorage: [ActionField]
    public var required: Bool?
    public var `default`: JSONValue?
    public var format: String?
    public var choices: [JSONValue]?
    public var pii: PIIKind?
    public var normalize: [Normalizer]?
    public var hash: HashAlgorithm?
    public var digest: DigestEncoding?
    public var allowNull: Bool?
    public var title: String?
    public var description: String?

    enum CodingKeys: String, CodingKey {
        case type, items, required, `default`, format, choices, pii, normalize, hash, digest
        case allowNull = "allow_null", title, description
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(FieldType.self, forKey: .type)
        itemStorage = try c.decodeIfPresent(ActionField.self, forKey: .items).map { [$0] } ?? []
        required = try c.decodeIfPresent(Bool.self, forKey: .required)
        `default` = try c.decodeIfPresent(JSONValue.self, forKey: .default)
        format = try c.decodeIfPresent(String.self, forKey: .format)
        choices = try c.decodeIfPresent([JSONValue].self, forKey: .choices)
        pii = try c.decodeIfPresent(PIIKind.self, forKey: .pii)
        if let list = try? c.decodeIfPresent([Normalizer].self, forKey: .normalize) {
            normalize = list
        } else {
            normalize = try c.decodeIfPresent(Normalizer.self, forKey: .normalize).map { [$0] }
        }
        hash = try c.decodeIfPresent(HashAlgorithm.self, forKey: .hash)
        digest = try c.decodeIfPresent(DigestEncoding.self, forKey: .digest)
        allowNull = try c.decodeIfPresent(Bool.self, forKey: .allowNull)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description)
    }

    /// The normalisers applied, in order: `normalize` if given, else the PII kind's default.
    public var effectiveNormalizers: [Normalizer] {
        normalize ?? pii?.defaultNormalizers ?? []
    }

    /// The element field of an array field.
    public var items: ActionField? { itemStorage.first }

    /// True when a sync mapping must give this field.
    public var isRequired: Bool { required ?? false }

    public static var objectSchema: Schema {
        let normalizer = Schema.string(choices: Normalizer.allCases.map(\.rawValue))
        return .object([
            "type": .required(.string(choices: FieldType.allCases.map(\.rawValue))),
            "items": .init(.reference("ActionField"), "Element field of an array"),
            "required": .init(.boolean, "A sync mapping must give it", default: false),
            "default": .init(.mapping(scope: PluginScopes.action), "Value when the mapping gives none"),
            "format": .init(.string(), "email | uri | date-time | …"),
            "choices": .init(.array(.any, minItems: 1), "Allowed values"),
            "pii": .init(.string(choices: PIIKind.allCases.map(\.rawValue)), "Personal data kind; implies a normaliser"),
            "normalize": .init(.either([normalizer, .array(normalizer, minItems: 1)]), "Normalisers, overriding pii's"),
            "hash": .init(.string(choices: HashAlgorithm.allCases.map(\.rawValue)), "Hash the normalised value"),
            "digest": .init(.string(choices: DigestEncoding.allCases.map(\.rawValue)), "Digest encoding", default: "hex"),
            "allow_null": .init(.boolean, "Send null instead of dropping the key", default: false),
            "title": .init(.string()),
            "description": .init(.string()),
        ], description: "A typed action field")
    }
}
