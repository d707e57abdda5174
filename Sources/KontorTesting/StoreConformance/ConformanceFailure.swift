/// A store conformance check that did not hold, pointing at the line of the
/// suite that found it.
///
/// The suite does not import XCTest; an engine's test case turns the failure
/// into a test failure:
///
/// ```swift
/// do { try await suite.checkDedupeWithinBatch() }
/// catch let failure as ConformanceFailure { XCTFail(failure.message, file: failure.file, line: failure.line) }
/// ```
public struct ConformanceFailure: Error, CustomStringConvertible {
    public let message: String
    public let file: StaticString
    public let line: UInt

    public init(_ message: String, file: StaticString = #filePath, line: UInt = #line) {
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line): \(message)" }
}
