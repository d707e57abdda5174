import KontorConfig
import KontorCore
import XCTest

/// Feeds thousands of deterministic mutations of a valid `connectors.yaml` to
/// the loader: each must give a model or diagnostics, never a crash or a hang.
final class FuzzTests: XCTestCase {
    /// SplitMix64: small, seeded, the same sequence on every platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let alphabet = Array(" \t:-{}[],'\"#&*!|>%@`$?\n~0123456789abcxyz_ü\u{0}\u{7F}\u{FEFF}")

    static func mutate(_ lines: [String], using random: inout SeededGenerator) -> String {
        var lines = lines
        for _ in 0..<Int.random(in: 1...3, using: &random) where !lines.isEmpty {
            let index = Int.random(in: 0..<lines.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0: lines.remove(at: index)
            case 1: lines.insert(lines[index], at: index)
            case 2: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &random))
            case 3:
                var characters = Array(lines[index])
                let position = Int.random(in: 0...characters.count, using: &random)
                characters.insert(alphabet.randomElement(using: &random) ?? "x", at: position)
                lines[index] = String(characters)
            case 4: lines[index] = String(repeating: " ", count: Int.random(in: 0...6, using: &random)) + lines[index].drop { $0 == " " }
            case 5: lines = Array(lines.prefix(index))
            default:
                let line = lines[index]
                lines[index] = String(line.prefix(Int.random(in: 0...line.count, using: &random)))
            }
        }
        return lines.joined(separator: "\n")
    }

    func testThousandsOfMutationsNeverCrash() throws {
        let url = try TestPlugins.fixturesURL().appendingPathComponent("valid/connectors.yaml")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var random = SeededGenerator(state: 20_251_123)
        var models = 0
        var failures = 0
        for _ in 0..<1_200 {
            let text = Self.mutate(lines, using: &random)
            let (loaded, diagnostics) = DeploymentLoader.check(
                text: text, file: "connectors.yaml", environment: TestPlugins.environment,
                pluginNames: TestPlugins.names, pluginLookup: TestPlugins.lookup)
            if loaded != nil {
                models += 1
            } else {
                failures += 1
                XCTAssertTrue(diagnostics.contains { $0.severity == .error }, "no model and no error for:\n\(text)")
                XCTAssertTrue(diagnostics.allSatisfy { $0.location == nil || $0.location!.line >= 1 }, text)
            }
        }
        XCTAssertEqual(models + failures, 1_200)
        XCTAssertGreaterThan(failures, 100)
    }
}
