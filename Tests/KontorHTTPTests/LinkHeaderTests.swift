import KontorHTTP
import XCTest

final class LinkHeaderTests: XCTestCase {
    func testNextURLTable() {
        let cases: [(header: String, rel: String, expected: String?)] = [
            // Shopify: next and previous in one header.
            (#"<https://s.test/admin/c.json?limit=2&page_info=abc>; rel="next", <https://s.test/admin/c.json?limit=2&page_info=xyz>; rel="previous""#,
             "next", "https://s.test/admin/c.json?limit=2&page_info=abc"),
            (#"<https://s.test/admin/c.json?limit=2&page_info=xyz>; rel="previous", <https://s.test/admin/c.json?page_info=abc>; rel="next""#,
             "previous", "https://s.test/admin/c.json?limit=2&page_info=xyz"),
            (#"<https://s.test/admin/c.json?page_info=xyz>; rel="previous""#, "next", nil),
            // Unquoted rel, extra spaces, upper case.
            (#"  <https://w.test/wp-json/wc/v3/orders?page=3> ;  rel=Next"#, "next", "https://w.test/wp-json/wc/v3/orders?page=3"),
            // Several relation types in one rel.
            (#"<https://a.test/p?page=9>; rel="last next""#, "next", "https://a.test/p?page=9"),
            // Quoted parameter holding a comma and a semicolon before the next link.
            (#"<https://a.test/1>; title="a, b; c"; rel="prev", <https://a.test/3>; rel="next""#, "next", "https://a.test/3"),
            // Commas inside the target.
            (#"<https://a.test/list?ids=1,2,3&page=2>; rel="next""#, "next", "https://a.test/list?ids=1,2,3&page=2"),
            // Escaped quote inside a quoted value.
            (#"<https://a.test/2>; title="say \"hi\", ok"; rel="next""#, "next", "https://a.test/2"),
            // First occurrence of rel wins (RFC 8288 §3.3).
            (#"<https://a.test/x>; rel="prev"; rel="next""#, "next", nil),
            ("", "next", nil),
            ("garbage without brackets", "next", nil),
        ]
        for (header, rel, expected) in cases {
            XCTAssertEqual(LinkHeader(parsing: header).url(rel: rel), expected, header)
        }
    }

    func testParametersAreUnquotedAndLowercasedNames() {
        let links = LinkHeader(parsing: #"<https://a.test/2>; REL="next"; Title="Page 2""#).links
        XCTAssertEqual(links.count, 1)
        XCTAssertEqual(links[0].parameters["rel"], "next")
        XCTAssertEqual(links[0].parameters["title"], "Page 2")
    }

    func testRepeatedHeadersAreJoined() {
        let header = LinkHeader(parsing: [#"<https://a.test/1>; rel="prev""#, #"<https://a.test/3>; rel="next""#])
        XCTAssertEqual(header.links.map(\.target), ["https://a.test/1", "https://a.test/3"])
        XCTAssertEqual(header.url(rel: "NEXT"), "https://a.test/3")
    }
}
