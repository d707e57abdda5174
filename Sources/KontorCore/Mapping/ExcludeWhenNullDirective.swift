/// `{"@excludeWhenNull": {"@path": "$.a"}}`: the value, but `null` becomes
/// undefined so the key is left out.
struct ExcludeWhenNullDirective: MappingDirective {
    let value: MappingNode

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        let result = try value.apply(to: input)
        return result?.isNull == true ? nil : result
    }
}
