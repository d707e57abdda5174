import XCTest

@testable import KontorCore

/// Parse-time and evaluation-time errors, with their offsets.
final class ExpressionErrorTests: XCTestCase {
    typealias Failure = ExpressionFixtures.Failure

    func testParseErrors() {
        let nested = String(repeating: "(", count: 70) + "1" + String(repeating: ")", count: 70)
        ExpressionFixtures.assertFailures([
            Failure("'abc", at: 0, "unterminated string"), Failure("x ~ \"abc", at: 4, "unterminated string"),
            Failure("1 +", at: 3, "expected a value"), Failure("1 2", at: 2, "unexpected '2'"),
            Failure("record.name | lenght", at: 14, "unknown filter 'lenght'; did you mean 'length'?"),
            Failure("now_utcc()", at: 0, "unknown function 'now_utcc'; did you mean 'now_utc'?"),
            Failure("'a'.lowerr()", at: 4, "unknown method 'lowerr'; did you mean 'lower'?"),
            Failure("x | replace('a')", at: 4, "missing its argument 'new'"),
            Failure("x | join(',', 'a', 'b')", at: 19, "takes at most 2 arguments"),
            Failure("x | join(sep=',')", at: 9, "has no argument 'sep'"),
            Failure("x is nonee", at: 5, "unknown test 'nonee'; did you mean 'none'?"),
            Failure("[1, 2", at: 5, "expected ']'"), Failure("x[1", at: 3, "expected ']'"),
            Failure("x | regex_search('(')", at: 17, "invalid regular expression"),
            Failure("x | hash('sha265')", at: 9, "did you mean 'sha256'?"),
            Failure("x | normalize('emial')", at: 14, "did you mean 'email'?"),
            Failure("a }} b", at: 2, "unexpected '}}'"), Failure(nested, at: 64, "nested too deeply"),
            Failure("a ? b", at: 2, "unexpected character '?'"), Failure("'\\x4'", at: 1, "invalid '\\x' escape"),
            Failure("x.(1)", at: 2, "expected a name after '.'"), Failure("x = 1", at: 2, "unexpected '='"),
            Failure("x | select(x)", at: 11, "must be a string literal"), Failure("x | map", at: 4, "map needs"),
            Failure("(x)(1)", at: 3, "only functions, methods and filters can be called"),
            Failure("max()", at: 0, "missing its argument"), Failure("x | 5", at: 4, "expected a filter name"),
            Failure("1 if", at: 4, "expected a value"), Failure("f(a=1, 2)", at: 0, "unknown function"),
            Failure("max(a=1, 2)", at: 9, "positional argument cannot follow"),
            Failure("99999999999999999999", at: 0, "too large"), Failure("{'a' 1}", at: 5, "expected ':'"),
        ])
    }

    func testEvaluationErrors() {
        ExpressionFixtures.assertFailures([
            Failure("1 / 0", at: 2, "division by zero"), Failure("1 // 0", at: 2, "division by zero"),
            Failure("1 % 0", at: 2, "division by zero"), Failure("1.0 / 0", at: 4, "division by zero"),
            Failure("1 < 'a'", at: 2, "cannot compare integer with string"),
            Failure("record.name < 1", at: 12, "cannot compare"), Failure("'a' + 1", at: 4, "unsupported operand types"),
            Failure("- 'a'", at: 0, "bad operand type"), Failure("1 in 5", at: 2, "cannot test membership"),
            Failure("1 in 'abc'", at: 2, "needs a string on the left"),
            Failure("9223372036854775807 + 1", at: 20, "integer overflow"), Failure("2 ** 64", at: 2, "integer overflow"),
            Failure("'x' * 10000000", at: 4, "too large"), Failure("str_to_datetime('not a date')", at: 0, "cannot read"),
            Failure("duration('xyz')", at: 0, "is not a duration"),
            Failure("record.id.lower()", at: 10, "integer has no method 'lower'"),
            Failure("record.tags[::0]", at: 11, "step cannot be zero"), Failure("5 | length", at: 4, "has no length"),
            Failure("'a' | base64decode", at: 6, "not valid base64"), Failure("max([])", at: 0, "empty list"),
            Failure("now_utc() + 1", at: 10, "unsupported operand types for +: datetime and integer"),
            Failure("5 | join", at: 4, "not iterable"), Failure("{[1]: 2}", at: 1, "dict key must be a string"),
            Failure("record.tags['a':]", at: 12, "slice indices must be integers"),
            Failure("3 is divisibleby 0", at: 5, "non-zero"), Failure("x | map(attribute=1.5)", at: 4, "attribute must be"),
            Failure("now_utc() + duration('P99999999D')", at: 10, "out of range"),
        ])
    }
}
