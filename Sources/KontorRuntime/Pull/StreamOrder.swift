/// The order streams run in: every parent before the streams partitioned by it.
enum StreamOrder {
    /// `names` plus the parents they need, parents first; ties keep alphabetical order.
    /// Throws on a cycle, naming the streams in it.
    static func resolve(_ names: [String], parents: (String) -> [String]) throws(PullError) -> [String] {
        var ordered: [String] = []
        var visiting: [String] = []
        var done: Set<String> = []
        func visit(_ name: String) throws(PullError) {
            if done.contains(name) { return }
            if let start = visiting.firstIndex(of: name) {
                let cycle = (visiting[start...] + [name]).joined(separator: " → ")
                throw PullError(.plugin, "stream partitions form a cycle: \(cycle)")
            }
            visiting.append(name)
            for parent in parents(name).sorted() { try visit(parent) }
            visiting.removeLast()
            done.insert(name)
            ordered.append(name)
        }
        for name in names.sorted() { try visit(name) }
        return ordered
    }
}
