/// `{"@hash": {"value": <v>, "algo": "sha256", "digest": "hex", "normalize": "email",
/// "default_country": <v>}}`: trims, normalises (optional) and hashes a value.
///
/// Smart hashing: a value that already has the digest's length and alphabet
/// passes through unchanged. A blank value, or one a normaliser rejects, gives
/// undefined; `null` stays `null`; arrays are hashed element by element.
struct HashDirective: MappingDirective {
    let step: PIIStep

    static func compile(_ options: JSONValue, at path: [String], in compiler: inout MappingCompiler) -> Self? {
        let keys = ["value", "algo", "digest", "normalize", "default_country"]
        guard let options = MappingOptions(options, at: path, allowed: keys, in: &compiler) else { return nil }
        let value = options.mapping("value", required: true, in: &compiler)
        let algo = options.string("algo", choices: HashAlgorithm.allCases.map(\.rawValue), in: &compiler)
        let digest = options.string("digest", choices: DigestEncoding.allCases.map(\.rawValue), in: &compiler)
        let normalizers = options.normalizers("normalize", in: &compiler)
        if options.has("normalize"), normalizers == nil { return nil }
        let country = options.mapping("default_country", in: &compiler)
        guard let value else { return nil }
        let field = PIIField(
            normalize: normalizers ?? [], hash: algo.flatMap(HashAlgorithm.init(rawValue:)) ?? .sha256,
            digest: digest.flatMap(DigestEncoding.init(rawValue:)) ?? .hex)
        return HashDirective(step: PIIStep(field: field, value: value, defaultCountry: country))
    }

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        try step.apply(to: input)
    }
}
