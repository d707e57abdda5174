import XCTest

@testable import KontorCore

/// Literals, access, operators, truthiness, conditionals and tests.
final class ExpressionBasicsTests: XCTestCase {
    typealias Case = ExpressionFixtures.Case

    func testLiterals() {
        ExpressionFixtures.assertValues([
            Case("1", 1), Case("-3", -3), Case("1.5", 1.5), Case("1e3", 1000.0), Case("1_000", 1000),
            Case("'a'", "a"), Case("\"b\"", "b"), Case("'it\\'s'", "it's"), Case("\"say \\\"hi\\\"\"", "say \"hi\""),
            Case("'line\\nbreak'", "line\nbreak"), Case("'tab\\there'", "tab\there"), Case("'\\u00e9'", "é"),
            Case("'\\x41'", "A"), Case("'\\d+'", "\\d+"), Case("'a' 'b'", "ab"), Case("'back\\\\slash'", "back\\slash"),
            Case("true", true), Case("True", true), Case("false", false), Case("False", false),
            Case("none", nil), Case("None", nil), Case("[1, 'a', none]", [1, "a", nil]),
            Case("{'a': 1, 'b': [2]}", ["a": 1, "b": [2]]), Case("{}", [:]), Case("[]", []), Case("(1, 2)", [1, 2]),
            Case("{'k': 1,}", ["k": 1]), Case("[1, 2,]", [1, 2]),
        ])
    }

    func testAccessAndMissingValues() {
        ExpressionFixtures.assertValues([
            Case("record.name", "Ada"), Case("record['name']", "Ada"), Case("record.tags[0]", "a"),
            Case("record.tags[-1]", "c"), Case("record.tags.1", "b"), Case("record.tags[5]", nil),
            Case("record.tags[-9]", nil), Case("record.missing", nil), Case("record.missing.deeper.still", nil),
            Case("record.missing[0]['x']", nil), Case("record.nested.x.y", 1), Case("record['nested']['x']['y']", 1),
            Case("record.tags[1:3]", ["b", "c"]), Case("record.tags[:2]", ["a", "b"]),
            Case("record.tags[::-1]", ["c", "b", "a"]), Case("record.tags[-2:]", ["b", "c"]),
            Case("'hello'[1:4]", "ell"), Case("'hello'[-1]", "o"), Case("'hello'[::2]", "hlo"),
            Case("unknown_variable", nil), Case("record.items[1].x", "q"), Case("record.name.first", nil),
            Case("stream_slice.list_id ~ stream_slice.start_time", "L12024-01-01"),
        ])
    }

    func testGetMethod() {
        ExpressionFixtures.assertValues([
            Case("record.get('name')", "Ada"), Case("record.get('missing')", nil),
            Case("record.get('missing', 'dflt')", "dflt"), Case("record.get('missing', {}).get('x')", nil),
            Case("record.nothing.get('x')", nil), Case("record.missing.get('x', 1)", nil),
            Case("config.get('page_size', 10)", 50), Case("record.nested.get('x').get('y')", 1),
        ])
    }

    func testArithmetic() {
        ExpressionFixtures.assertValues([
            Case("7 / 2", 3.5), Case("6 / 3", 2.0), Case("7 // 2", 3), Case("-7 // 2", -4), Case("7 % 3", 1),
            Case("-7 % 3", 2), Case("7 % -3", -2), Case("7.5 // 2", 3.0), Case("-7.5 % 2", 0.5), Case("2 ** 10", 1024),
            Case("2 ** -1", 0.5), Case("1 + 2 * 3", 7), Case("(1 + 2) * 3", 9), Case("10 - 2 - 3", 5),
            Case("2 * 3 ** 2", 18), Case("2 + 3 * 4 - 1", 13), Case("1 + 1.5", 2.5), Case("'a' + 'b'", "ab"),
            Case("[1] + [2]", [1, 2]), Case("'ab' * 3", "ababab"), Case("3 * 'ab'", "ababab"), Case("[0] * 3", [0, 0, 0]),
            Case("'a' ~ 1 ~ none ~ true", "a1true"), Case("1 ~ 2", "12"), Case("2 * 3 ~ 4", "64"), Case("- record.id", -7),
            Case("-(1 + 2)", -3), Case("true + 1", 2), Case("record.price * 2", 5.0), Case("'v' ~ 3.0", "v3.0"),
            Case("'x' ~ [1, 'a']", "x[1,\"a\"]"),
        ])
    }

    func testComparisonsAndMembership() {
        ExpressionFixtures.assertValues([
            Case("1 == 1.0", true), Case("1 != 2", true), Case("'a' < 'b'", true), Case("1 < 2 < 3", true),
            Case("1 < 3 < 2", false), Case("3 > 2 >= 2", true), Case("'a' in 'abc'", true), Case("'z' in 'abc'", false),
            Case("1 in [1, 2]", true), Case("3 not in [1, 2]", true), Case("'name' in record", true),
            Case("'nope' in record", false), Case("'a' in record.missing", false), Case("[1, 2] == [1, 2.0]", true),
            Case("{'a': 1} == {'a': 1}", true), Case("none == record.missing", true), Case("'1' == 1", false),
            Case("[1, 2] < [1, 3]", true), Case("1 + 2 == 3", true), Case("'a' ~ 'b' == 'ab'", true),
        ])
    }

    func testTruthinessAndBooleanOperators() {
        ExpressionFixtures.assertValues([
            Case("not ''", true), Case("not 0", true), Case("not 0.0", true), Case("not []", true), Case("not {}", true),
            Case("not none", true), Case("not 'a'", false), Case("not record.empty", true),
            Case("not record.obj_empty", true), Case("not record.list_empty", true), Case("'' or 'x'", "x"),
            Case("0 or []", []), Case("'a' and 'b'", "b"), Case("0 and 1/0", 0), Case("true or 1/0", true),
            Case("not 1 == 2", true), Case("true and false or true", true), Case("not true and false", false),
            Case("config.start_date or '2012-01-01'", "2024-01-15T10:20:30Z"),
            Case("record.missing or 'fallback'", "fallback"),
        ])
    }

    func testConditionals() {
        ExpressionFixtures.assertValues([
            Case("'y' if record.id > 5 else 'n'", "y"), Case("'y' if record.zero else 'n'", "n"),
            Case("'y' if false", nil), Case("1 if false else 2 if true else 3", 2),
        ])
    }

    func testTests() {
        ExpressionFixtures.assertValues([
            Case("record.nothing is none", true), Case("record.missing is none", true),
            Case("record.name is not none", true), Case("record.missing is defined", false),
            Case("record.nothing is defined", true), Case("record.missing is undefined", true),
            Case("record.name is string", true), Case("record.id is number", true), Case("record.price is number", true),
            Case("record.name is number", false), Case("record.nested is mapping", true),
            Case("record.tags is mapping", false), Case("record.tags is sequence", true), Case("record.id is integer", true),
            Case("record.price is integer", false), Case("config.flag is true", true), Case("config.flag is false", false),
            Case("4 is even", true), Case("3 is odd", true), Case("9 is divisibleby 3", true),
            Case("9 is divisibleby(4)", false), Case("not record.missing is defined", true), Case("1 is equalto 1", true),
            Case("record.id is gt(5)", true),
        ])
    }

    func testMethods() {
        ExpressionFixtures.assertValues([
            Case("'a,b,c'.split(',')", ["a", "b", "c"]), Case("' a  b '.split()", ["a", "b"]),
            Case("'a,b,c'.split(',', 1)", ["a", "b,c"]), Case("'  x  '.strip()", "x"), Case("'xxhixx'.strip('x')", "hi"),
            Case("'  x  '.lstrip()", "x  "), Case("'/path/'.rstrip('/')", "/path"), Case("'hello'.startswith('he')", true),
            Case("'hello'.endswith(['x', 'lo'])", true), Case("'Hello'.lower()", "hello"), Case("'Hello'.upper()", "HELLO"),
            Case("'a-b-c'.replace('-', '+')", "a+b+c"), Case("'a-b-c'.replace('-', '+', 1)", "a+b-c"),
            Case("{'b': 2, 'a': 1}.keys()", ["a", "b"]), Case("{'b': 2, 'a': 1}.values()", [1, 2]),
            Case("{'a': 1}.items()", [["a", 1]]), Case("','.join(record.tags)", "a,b,c"),
            Case("'hello world'.title()", "Hello World"),
        ])
    }
}
