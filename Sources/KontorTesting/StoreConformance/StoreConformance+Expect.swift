import KontorStore

extension StoreConformance {
    /// Fails with `message` unless `condition` holds.
    func expect(
        _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        if !condition { throw ConformanceFailure(message(), file: file, line: line) }
    }

    /// Fails unless `actual == expected`, saying what was compared.
    func expectEqual<T: Equatable>(
        _ actual: T, _ expected: T, _ what: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        if actual != expected {
            throw ConformanceFailure("\(what): expected \(expected), got \(actual)", file: file, line: line)
        }
    }

    /// Fails unless `body` throws a ``StoreError`` of `kind`; returns that error.
    @discardableResult
    func expectStoreError<T>(
        _ kind: StoreError.Kind, _ what: String, file: StaticString = #filePath, line: UInt = #line,
        _ body: () async throws -> T
    ) async throws -> StoreError {
        do {
            let value = try await body()
            throw ConformanceFailure("\(what): expected a \(kind) error, got \(value)", file: file, line: line)
        } catch let error as StoreError {
            if error.kind != kind {
                throw ConformanceFailure(
                    "\(what): expected a \(kind) error, got \(error.kind): \(error.message)", file: file, line: line)
            }
            if error.message.isEmpty {
                throw ConformanceFailure("\(what): the \(kind) error has no message", file: file, line: line)
            }
            return error
        }
    }
}
