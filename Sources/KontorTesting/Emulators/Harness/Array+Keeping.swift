extension Array {
    /// `filter` with a predicate that throws an API error (typed, unlike `rethrows`).
    func keeping(_ predicate: (Element) throws(EmulatorRejection) -> Bool) throws(EmulatorRejection) -> [Element] {
        var kept: [Element] = []
        for element in self {
            if try predicate(element) { kept.append(element) }
        }
        return kept
    }
}
