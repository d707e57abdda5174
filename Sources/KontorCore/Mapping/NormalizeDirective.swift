/// `{"@normalize": {"value": <v>, "as": "phone_e164", "default_country": "DE"}}`:
/// trims and normalises a value (`as` may list several normalisers, run in
/// order). A value a normaliser rejects gives undefined; `null` stays `null`;
/// arrays are normalised element by element.
struct NormalizeDirective: MappingDirective {
    let step: PIIStep

    static func compile(_ options: JSONValue, at path: [String], in compiler: inout MappingCompiler) -> Self? {
        let keys = ["value", "as", "default_country"]
        guard let options = MappingOptions(options, at: path, allowed: keys, in: &compiler) else { return nil }
        let value = options.mapping("value", required: true, in: &compiler)
        let normalizers = options.normalizers("as", required: true, in: &compiler)
        let country = options.mapping("default_country", in: &compiler)
        guard let value, let normalizers else { return nil }
        let step = PIIStep(field: PIIField(normalize: normalizers), value: value, defaultCountry: country)
        return NormalizeDirective(step: step)
    }

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        try step.apply(to: input)
    }
}
