/// `{"@template": "Hello {{ record.first_name }}"}`: renders a template of the
/// expression language against the mapping's variables. As in mapping-kit a
/// missing value renders as `""` (a single `{{ }}` that yields `none` gives `""`).
struct TemplateDirective: MappingDirective {
    let template: Template
    let path: [String]

    func apply(to input: MappingInput) throws(MappingError) -> JSONValue? {
        let value: JSONValue
        do {
            value = try template.render(in: input.context)
        } catch {
            throw MappingError(path: path, error.message, expressionOffset: error.offset)
        }
        return value.isNull ? .string("") : value
    }
}
