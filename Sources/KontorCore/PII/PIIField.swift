/// How one destination field prepares personal data: trim → normalisers →
/// hash (skipped when the value already looks hashed) → digest.
///
/// It is built from an action field's `pii:`, `normalize:`, `hash:` and
/// `digest:` keys, and used by the `@hash` mapping directive.
///
/// ```swift
/// let phone = PIIField(kind: .phone, normalize: [.digits], hash: .sha256, defaultCountry: "DE")
/// phone.apply("0151 12345678")  // sha256("4915112345678")
/// ```
public struct PIIField: Sendable, Hashable {
    public var normalizers: [Normalizer]
    public var hash: HashAlgorithm?
    public var digest: DigestEncoding
    /// The country of national phone numbers and zips (alpha-2, alpha-3 or name).
    public var defaultCountry: String?

    /// - Parameters:
    ///   - kind: chooses the default normalisers when `normalize` is `nil`.
    ///   - normalize: normalisers run in order; an empty list only trims.
    ///   - hash: the hash to apply after normalising; `nil` sends the normalised value.
    public init(
        kind: PIIKind? = nil, normalize: [Normalizer]? = nil, hash: HashAlgorithm? = nil,
        digest: DigestEncoding = .hex, defaultCountry: String? = nil
    ) {
        self.normalizers = normalize ?? kind?.defaultNormalizers ?? []
        self.hash = hash
        self.digest = digest
        self.defaultCountry = defaultCountry
    }

    /// The prepared value; `nil` when the value is blank or a normaliser rejects it.
    public func apply(_ value: String) -> String? {
        var text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        if let hash, PIIHasher.isAlreadyHashed(text, algorithm: hash, digest: digest) { return text }
        for normalizer in normalizers {
            guard let normalized = normalizer.normalize(text, defaultCountry: defaultCountry) else { return nil }
            text = normalized
        }
        guard let hash else { return text }
        return PIIHasher.hash(text, algorithm: hash, digest: digest)
    }

    /// `apply` on JSON: strings, numbers and booleans as text, arrays element by element (rejected
    /// elements dropped); `null` stays `null`; an object gives `nil`.
    public func apply(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .null: return .null
        case .array(let items): return .array(items.compactMap { apply($0) })
        case .object: return nil
        default: return value.scalarText.flatMap { apply($0) }.map(JSONValue.string)
        }
    }
}
