import Foundation
import KontorCore
import KontorHTTP
import XCTest

@testable import KontorRuntime

final class PaginatorTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 0)

    private func paginator(_ json: String) throws -> Paginator {
        try Paginator(JSONDecoder().decode(Paginate.self, from: Data(json.utf8)), config: ["size": 50], now: now)
    }

    private func page(_ count: Int, json: JSONValue = .null, link: String? = nil) -> Paginator.Page {
        Paginator.Page(
            json: json, headers: link.map { [HTTPHeader("Link", $0)] } ?? [], recordCount: count,
            lastRecord: count > 0 ? ["id": .int(count)] : nil, requestURL: "https://api.test/v1/items?x=1"
        )
    }

    func testStopConditionsTable() throws {
        let cursor = #"{"type":"cursor","value":"{{ response.next }}","token_param":{"query":"after"},"page_size":"{{ config.size }}"}"#
        let cases: [(paginate: String, page: Paginator.Page, current: PageToken, expected: PageToken?)] = [
            (cursor, page(50, json: ["next": "n2"]), .first, .token("n2")),
            (cursor, page(49, json: ["next": "n2"]), .first, nil),  // short page
            (cursor, page(50, json: ["next": nil]), .first, nil),  // missing token
            (cursor, page(50, json: ["next": ""]), .first, nil),  // empty token
            (cursor, page(0, json: ["next": "n2"]), .first, nil),  // empty page
            (cursor, page(50, json: ["next": "n2"]), .token("n2"), nil),  // repeated token
            (#"{"type":"cursor","value":"{{ last_record.id }}","stop_when":"{{ last_page_size < 3 }}","token_param":{"query":"after"}}"#,
             page(2), .first, nil),
            (#"{"type":"cursor","value":"{{ last_record.id }}","token_param":{"query":"after"}}"#, page(7), .first, .token(7)),
            (#"{"type":"next_url","value":"{{ response.next }}"}"#, page(3, json: ["next": "/v1/items?p=2"]), .first, .url("https://api.test/v1/items?p=2")),
            (#"{"type":"next_url","value":"{{ response.next }}"}"#, page(3, json: [:]), .first, nil),
            (#"{"type":"next_url","value":"{{ response.next }}","stop_when":"{{ response.done }}"}"#,
             page(3, json: ["next": "https://x.test/2", "done": true]), .first, nil),
            (#"{"type":"link_header"}"#, page(3, link: #"<https://api.test/v1/items?page_info=b>; rel="next""#), .first, .url("https://api.test/v1/items?page_info=b")),
            (#"{"type":"link_header"}"#, page(3, link: #"<https://api.test/v1/items?page_info=a>; rel="previous""#), .first, nil),
            (#"{"type":"link_header","rel":"after"}"#, page(3, link: #"<https://api.test/z>; rel="after""#), .first, .url("https://api.test/z")),
            (#"{"type":"offset","page_size":10,"offset_param":{"query":"offset"}}"#, page(10), .first, .offset(10)),
            (#"{"type":"offset","page_size":10,"offset_param":{"query":"offset"}}"#, page(10), .offset(30), .offset(40)),
            (#"{"type":"offset","page_size":10,"offset_param":{"query":"offset"}}"#, page(9), .offset(30), nil),
            (#"{"type":"page","page_size":10,"page_param":{"query":"page"}}"#, page(10), .page(1), .page(2)),
            (#"{"type":"page","page_size":10,"page_param":{"query":"page"}}"#, page(4), .page(2), nil),
            (#"{"type":"page","start":0,"page_param":{"query":"page"}}"#, page(4), .page(0), .page(1)),
            (#"{"type":"page","start":0,"page_param":{"query":"page"}}"#, page(0), .page(5), nil),
            (#"{"type":"none"}"#, page(100), .first, nil),
        ]
        for (index, testCase) in cases.enumerated() {
            let next = try paginator(testCase.paginate).next(after: testCase.page, current: testCase.current, variables: [:], now: now)
            XCTAssertEqual(next, testCase.expected, "case \(index): \(testCase.paginate)")
        }
    }

    func testApplyingTokens() throws {
        var draft = RequestDraft(url: "https://api.test/v1/items", query: [QueryItem("updated_at_min", "2024-01-01")])
        let link = try paginator(#"{"type":"link_header"}"#)
        link.apply(.url("https://api.test/v1/items?page_info=abc&limit=50"), to: &draft)
        XCTAssertEqual(draft.fullURL, "https://api.test/v1/items?page_info=abc&limit=50", "the API's URL as given, no filters next to it")

        var first = RequestDraft(url: "https://api.test/v1/items")
        let page = try paginator(#"{"type":"page","page_size":"{{ config.size }}","page_param":{"query":"page"},"size_param":{"query":"per_page"}}"#)
        page.apply(page.first, to: &first)
        XCTAssertEqual(first.fullURL, "https://api.test/v1/items?per_page=50&page=1")
    }

    func testPageTokenRoundTripsThroughJSON() {
        for token in [PageToken.first, .token("abc"), .token(42), .url("https://x.test/?a=1"), .offset(20), .page(3)] {
            XCTAssertEqual(PageToken(json: token.json), token)
        }
    }
}
