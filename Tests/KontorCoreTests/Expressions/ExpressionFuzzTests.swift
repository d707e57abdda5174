import XCTest

@testable import KontorCore

/// Deterministic mutations of valid expressions: each must give a value or an
/// `ExpressionError`, never a crash or a hang.
final class ExpressionFuzzTests: XCTestCase {
    /// SplitMix64: a tiny seeded generator, so every run sees the same inputs.
    private struct SplitMix64 {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
    }

    private static let seeds = [
        "record.name | lower ~ '-' ~ record.id", "record.get('tags', [])[1:3] | join(',')",
        "'y' if record.id > 5 and not record.empty else 'n'", "now_utc() - duration('P1D')",
        "format_datetime(config.start_date, '%Y-%m-%d')", "record.items | selectattr('a', 'equalto', 1) | map(attribute='x') | list",
        "[1, 2, 3] | sum + 7 // 2 % 3 ** 2", "{'a': record.tags, 'b': none}.items()", "'a,b'.split(',')[-1].upper()",
        "record.email | normalize('email') | sha256", "'x1y22' | regex_replace('\\d+', '#')", "1 < 2 < 3 in [true]",
        "record.missing is not defined or record.nothing is none", "max(1, record.price, -3.5) * 'ab' | length",
        "str_to_datetime('2024-01-15T10:20:30Z').strftime('%s %j')", "day_delta(-3, '%Y') ~ today_utc()",
        "(record.tags + ['d'])[::-1] | unique | first", "'%s' | urlencode ~ ('a b' | base64encode | base64decode)",
        "record.nested.x.y / record.zero if record.zero else 0", "timestamp('2024-01-01') // 86400",
        "record.tags | select('in', ['a', 'c']) | tojson", "-record.price ** 2 | abs | round(1)",
    ]

    private static let alphabet = Array("abcxyz019_.,:;|~+-*/%<>=!()[]{}'\"\\ \n#@$^&?`") + ["é", "€"]

    func testMutatedExpressionsNeverCrash() {
        var random = SplitMix64(state: 0x4B4F_4E54_4F52)
        let scope = ExpressionScope("fuzz", variables: ["record", "config"])
        var parsed = 0
        var evaluated = 0
        for _ in 0..<1500 {
            var characters = Array(Self.seeds[random.below(Self.seeds.count)])
            for _ in 0..<(1 + random.below(3)) { mutate(&characters, &random) }
            let source = String(characters)
            guard let expression = try? Expression(parsing: source) else { continue }
            parsed += 1
            _ = expression.check(scope: scope)
            _ = expression.memberAccesses(of: "record")
            _ = expression.isBooleanValued()
            if (try? expression.evaluate(in: ExpressionFixtures.context)) != nil { evaluated += 1 }
            _ = try? Template(parsing: "t {{ " + source + " }} t").render(in: ExpressionFixtures.context)
        }
        XCTAssertGreaterThan(parsed, 200, "mutations should leave many expressions parseable")
        XCTAssertGreaterThan(evaluated, 100)
    }

    private func mutate(_ characters: inout [Character], _ random: inout SplitMix64) {
        let position = random.below(characters.count + 1)
        switch random.below(6) {
        case 0 where !characters.isEmpty && position < characters.count: characters.remove(at: position)
        case 1: characters.insert(Self.alphabet[random.below(Self.alphabet.count)], at: position)
        case 2 where position < characters.count: characters[position] = Self.alphabet[random.below(Self.alphabet.count)]
        case 3:
            let length = random.below(8)
            let end = min(characters.count, position + length)
            characters.insert(contentsOf: characters[position..<end], at: position)
        case 4: characters = Array(characters[..<position])
        default:
            let other = random.below(characters.count + 1)
            let (low, high) = (min(position, other), max(position, other))
            characters = Array(characters[high...] + characters[low..<high] + characters[..<low])
        }
    }

    func testPathologicalNestingIsAnError() {
        let sources = [
            String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
            String(repeating: "[", count: 10_000), String(repeating: "not ", count: 10_000) + "x",
            String(repeating: "-", count: 10_000) + "1", "a" + String(repeating: ".b", count: 5_000),
            "1" + String(repeating: " + 1", count: 5_000), "x" + String(repeating: " | lower", count: 5_000),
            String(repeating: "{'a': ", count: 5_000), "1" + String(repeating: " if x else 1", count: 5_000),
            "x" + String(repeating: "[0]", count: 5_000),
        ]
        for source in sources {
            XCTAssertThrowsError(try Expression(parsing: source), String(source.prefix(20))) { error in
                XCTAssertNotNil(error as? ExpressionError)
            }
        }
        XCTAssertNoThrow(try Expression(parsing: "1" + String(repeating: " + 1", count: 100)))
        XCTAssertNoThrow(try Expression(parsing: String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60)))
    }

    func testLongInputsStayBounded() throws {
        let long = "'" + String(repeating: "ab", count: 50_000) + "'"
        XCTAssertEqual(try Expression(parsing: long + " | length").evaluate(in: ExpressionFixtures.context), 100_000)
        XCTAssertThrowsError(try Expression(parsing: long + " * 100").evaluate(in: ExpressionFixtures.context))
        XCTAssertEqual(try Expression(parsing: "'ab'[9223372036854775807:]").evaluate(in: ExpressionFixtures.context), "")
        XCTAssertEqual(
            try Expression(parsing: "[1, 2, 3][-9223372036854775807::9223372036854775807]").evaluate(in: ExpressionFixtures.context),
            [1])
    }
}
