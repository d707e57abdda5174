/// `IN (?, ?, …)` lists kept under SQLite's limit on bound variables.
enum SQLList {
    static let chunkSize = 500

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    static func chunks<T>(_ values: [T]) -> [ArraySlice<T>] {
        stride(from: 0, to: values.count, by: chunkSize).map { values[$0..<min($0 + chunkSize, values.count)] }
    }
}
