/// `{"@literal": "$.not.a.path"}`: the value exactly as written. Nothing
/// inside is compiled: no directives, no `$.` or `{{ }}` shorthands.
struct LiteralDirective: MappingDirective {
    let value: JSONValue

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? { value }
}
