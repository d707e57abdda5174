import KontorCore
import XCTest

@testable import KontorServer

final class FormURLEncodingTests: XCTestCase {
    func testDecodingTable() {
        let cases: [(String, JSONValue)] = [
            ("email=a%40b.example", ["email": "a@b.example"]),
            ("name=Bo+Li&x=", ["name": "Bo Li", "x": ""]),
            ("tag=a&tag=b&tag=c", ["tag": ["a", "b", "c"]]),
            ("answers%5Bsize%5D=M&answers[fit]=slim", ["answers": ["size": "M", "fit": "slim"]]),
            ("wish[]=a&wish[]=b", ["wish": ["a", "b"]]),
            ("a[b][c]=1", ["a": ["b": ["c": "1"]]]),
            ("bad=%zz%4", ["bad": "%zz%4"]),
            ("flag&=x&&", ["flag": ""]),
            ("city=K%C3%B6ln", ["city": "Köln"]),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(FormURLEncoding.decode(text), expected, text)
        }
    }
}
