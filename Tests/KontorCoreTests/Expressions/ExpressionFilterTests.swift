import XCTest

@testable import KontorCore

/// Filters, with and without arguments, and their precedence.
final class ExpressionFilterTests: XCTestCase {
    typealias Case = ExpressionFixtures.Case

    func testConversionFilters() {
        ExpressionFixtures.assertValues([
            Case("'42' | int", 42), Case("'3.7' | int", 3), Case("'abc' | int", 0), Case("'abc' | int(5)", 5),
            Case("3.9 | int", 3), Case("'ff' | int(base=16)", 255), Case("none | int", 0), Case("'2.5' | float", 2.5),
            Case("'x' | float", 0.0), Case("5 | float", 5.0), Case("5 | string", "5"), Case("[1, 'a'] | string", "[1,\"a\"]"),
            Case("true | string", "true"), Case("record.missing | string", ""), Case("(1 + 2) | string", "3"),
        ])
    }

    func testTextFilters() {
        ExpressionFixtures.assertValues([
            Case("'AbC' | lower", "abc"), Case("'AbC' | upper", "ABC"), Case("'  pad  ' | trim", "pad"),
            Case("'--x--' | trim('-')", "x"), Case("'aXbXc' | replace('X', '-')", "a-b-c"),
            Case("'aXbXc' | replace('X', '-', 1)", "a-bXc"), Case("'hello there' | capitalize", "Hello there"),
            Case("record.name | lower | upper", "ADA"), Case("'x' ~ record.tags | length", "x3"), Case("-1 | abs", 1),
            Case("'a b&c' | urlencode", "a%20b%26c"), Case("{'q': 'a b', 'n': 1} | urlencode", "n=1&q=a+b"),
            Case("'a/b' | urlencode", "a/b"), Case("'é' | urlencode", "%C3%A9"),
        ])
    }

    func testDefaultFilter() {
        ExpressionFixtures.assertValues([
            Case("record.missing | default('d')", "d"), Case("record.nothing | default('d')", "d"),
            Case("record.empty | default('d')", ""), Case("record.empty | default('d', true)", "d"),
            Case("record.zero | default(5, boolean=true)", 5), Case("record.name | d('x')", "Ada"),
            Case("record.missing.deep | default([])", []),
        ])
    }

    func testCollectionFilters() {
        ExpressionFixtures.assertValues([
            Case("record.tags | length", 3), Case("'héllo' | length", 5), Case("record.nested | length", 1),
            Case("record.missing | length", 0), Case("record.tags | count", 3), Case("'ab' | list", ["a", "b"]),
            Case("record.tags | join(',')", "a,b,c"), Case("record.tags | join", "abc"),
            Case("record.items | join(',', attribute='x')", "p,q,r"), Case("[1, none, 'x'] | join('-')", "1--x"),
            Case("record.tags | first", "a"), Case("record.tags | last", "c"), Case("[] | first", nil),
            Case("[1, 2, 1, 3, 2] | unique", [1, 2, 3]), Case("['A', 'a', 'b'] | unique", ["A", "b"]),
            Case("['A', 'a'] | unique(case_sensitive=true)", ["A", "a"]),
            Case("[0, 1, '', 'x', none] | select", [1, "x"]), Case("[1, 2, 3, 4] | select('odd')", [1, 3]),
            Case("[1, 2, 3, 4] | reject('odd')", [2, 4]), Case("[1, 2, 3, 4] | select('gt', 2)", [3, 4]),
            Case("record.items | selectattr('a', 'equalto', 1) | map(attribute='x') | list", ["p", "r"]),
            Case("record.items | rejectattr('a', 'equalto', 1) | map(attribute='x')", ["q"]),
            Case("record.items | selectattr('x') | length", 3), Case("record.items | map(attribute='x')", ["p", "q", "r"]),
            Case("record.items | map(attribute='zz', default=0)", [0, 0, 0]),
            Case("record.tags | map('upper')", ["A", "B", "C"]), Case("['a-b'] | map('replace', '-', '+')", ["a+b"]),
            Case("[1, 2, 3] | sum", 6), Case("record.items | sum(attribute='a')", 4), Case("[1.5, 2] | sum", 3.5),
            Case("[3, 1, 2] | max", 3), Case("[3, 1, 2] | min", 1), Case("['b', 'A', 'c'] | min", "A"),
            Case("record.items | max(attribute='a') | tojson", "{\"a\":2,\"x\":\"q\"}"),
        ])
    }

    func testEncodingFilters() {
        ExpressionFixtures.assertValues([
            Case("{'b': [1, 2], 'a': 'x'} | tojson", "{\"a\":\"x\",\"b\":[1,2]}"),
            Case("'say \"hi\"' | tojson", "\"say \\\"hi\\\"\""), Case("none | tojson", "null"),
            Case("'order-1234-x' | regex_search('order-(\\d+)')", "1234"), Case("'abc' | regex_search('z(\\d)')", ""),
            Case("'abc' | regex_search('b')", "b"), Case("'a1b22c333' | regex_replace('\\d+', '#')", "a#b#c#"),
            Case("'John Smith' | regex_replace('(\\w+) (\\w+)', '\\\\2, \\\\1')", "Smith, John"),
            Case("'John Smith' | regex_replace('(?P<first>\\w+) (?P<last>\\w+)', '\\\\g<last>')", "Smith"),
            Case("'cost: 5' | regex_replace('\\d', '$')", "cost: $"), Case("'user:pass' | base64encode", "dXNlcjpwYXNz"),
            Case("'dXNlcjpwYXNz' | base64decode", "user:pass"), Case("'dXNlcjpwYXNz' | base64decode | base64encode", "dXNlcjpwYXNz"),
            Case("2.5 | round", 3.0), Case("2.567 | round(2)", 2.57), Case("2.1 | round(0, 'ceil')", 3.0),
        ])
    }

    func testPIIFilters() {
        let sha256 = "b5fc85e55755f9e0d030a10ab4429b6b2944855f9a0d60077fe832becbc41d72"  // sha256("ada@example.com")
        let md5 = "3e3417d7ef77d5932a6734b916515ed5"  // md5("ada@example.com")
        ExpressionFixtures.assertValues([
            Case("record.email | normalize('email')", "ada@example.com"),
            Case("record.email | normalize('email') | sha256", .string(sha256)),
            Case("record.email | normalize('email') | hash('sha256')", .string(sha256)),
            Case("record.email | normalize('email') | md5", .string(md5)),
            Case("record.email | normalize('email') | hash", .string(md5)),
            Case("'abc' | hash('sha256')", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            Case("'ab' | hash('sha256', salt='c')", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            Case("record.missing | sha256", nil), Case("record.missing | normalize('email')", nil),
            Case("'\(sha256)' | sha256", .string(sha256)),
        ])
        let digest = try? Expression(parsing: "record.email | normalize('email') | sha256").evaluate(in: ExpressionFixtures.context)
        let hex = digest?.stringValue ?? ""
        XCTAssertEqual(hex.count, 64)
        XCTAssertTrue(hex.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }
}
