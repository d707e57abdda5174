import KontorCore

extension YAMLNode {
    /// The location of the character at `offset` (0-based, in characters) of
    /// this scalar's value: used to point inside a `{{ }}` expression or a
    /// `${…}` reference.
    ///
    /// Exact for plain and single-line quoted scalars (the opening quote is
    /// skipped); block scalars and values spanning lines point at the scalar's
    /// start, because folding makes the value's offsets differ from the file's.
    public func location(atOffset offset: Int) -> SourceLocation {
        guard let scalar, offset > 0 else {
            return self.scalar.map { $0.isQuoted ? location.advanced(byColumns: 1) : location } ?? location
        }
        let text = scalar.source ?? scalar.value
        if scalar.isBlock || text.prefix(offset).contains("\n") { return location }
        return location.advanced(byColumns: offset + (scalar.isQuoted ? 1 : 0))
    }
}
