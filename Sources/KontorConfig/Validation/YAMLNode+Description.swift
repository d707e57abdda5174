import KontorCore

extension YAMLNode {
    /// How a diagnostic shows this value: `'soon'`, `42`, `true`, `a mapping`,
    /// `a list`, `nothing`. Quotes the text as written before interpolation,
    /// so a substituted secret never appears; long text is shortened.
    public var describedValue: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            let text = scalar.displayText.count > 60 ? scalar.displayText.prefix(57) + "..." : scalar.displayText
            switch scalar.resolved {
            case .null: return scalar.source == nil ? "nothing" : "'\(text)'"
            case .string: return "'\(text)'"
            default: return scalar.source == nil ? String(text) : "'\(text)'"
            }
        }
    }
}
