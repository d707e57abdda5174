import KontorCore
import KontorHTTP
import XCTest

final class RequestDraftTests: XCTestCase {
    func testInjectionTargets() throws {
        var draft = RequestDraft(method: "POST", url: "https://api.test/v1/search?fixed=1")
        draft.inject(.int(100), at: .query("limit"))
        draft.inject(.string("a b&c"), at: .query("q"))
        draft.inject(.int(250), at: .query("limit"))
        draft.inject(.string("tok"), at: .header("X-Token"))
        draft.inject(.string("cursor-1"), at: .bodyJSON("paging.after"))
        draft.inject(.null, at: .query("skipped"))
        let request = try draft.build()
        XCTAssertEqual(request.url, "https://api.test/v1/search?fixed=1&q=a%20b%26c&limit=250")
        XCTAssertEqual(request.header("x-token"), "tok")
        XCTAssertEqual(request.header("Content-Type"), "application/json")
        XCTAssertEqual(String(decoding: request.body ?? [], as: UTF8.self), #"{"paging":{"after":"cursor-1"}}"#)
    }

    func testFormBody() throws {
        var draft = RequestDraft(method: "POST", url: "https://api.test/token")
        draft.inject(.string("x y"), at: .bodyForm("grant"))
        draft.inject(.bool(true), at: .bodyForm("flag"))
        let request = try draft.build()
        XCTAssertEqual(String(decoding: request.body ?? [], as: UTF8.self), "grant=x%20y&flag=true")
        XCTAssertEqual(request.header("Content-Type"), "application/x-www-form-urlencoded")
    }

    func testRemovingCredentialParameters() {
        var draft = RequestDraft(url: "https://api.test/items?page=2&api_key=SECRET&x=1", query: [QueryItem("api_key", "S2")])
        draft.removeQueryItems(named: ["api_key"])
        XCTAssertEqual(draft.fullURL, "https://api.test/items?page=2&x=1")
    }

    func testRelativeURLIsRejected() {
        XCTAssertThrowsError(try RequestDraft(url: "customers.json").build())
    }

    func testURLJoinAndResolveTable() {
        let joins: [(String, String, String)] = [
            ("https://s.test/admin/api/2024-10/", "customers.json", "https://s.test/admin/api/2024-10/customers.json"),
            ("https://s.test/admin/api/2024-10", "/customers.json", "https://s.test/admin/api/2024-10/customers.json"),
            ("https://s.test/api/", "", "https://s.test/api/"),
            ("https://s.test/api/", "https://other.test/x", "https://other.test/x"),
        ]
        for (base, path, expected) in joins { XCTAssertEqual(RequestURL.join(base: base, path: path), expected) }
        XCTAssertEqual(RequestURL.resolve("/next?p=2", against: "https://s.test/a/b?x=1"), "https://s.test/next?p=2")
        XCTAssertEqual(RequestURL.resolve("c?p=2", against: "https://s.test/a/b"), "https://s.test/a/c?p=2")
        XCTAssertEqual(RequestURL.path(of: "https://s.test:8080/admin/c.json?x=1"), "/admin/c.json")
    }

    func testPercentEncodingRoundTrip() {
        let text = "ä €/?&=+ x"
        XCTAssertEqual(PercentEncoding.decode(PercentEncoding.encode(text)), text)
        XCTAssertEqual(PercentEncoding.encode("a-b_c.d~e"), "a-b_c.d~e")
    }

    func testDisplayURLHidesCredentials() {
        let redactor = SecretRedactor(secrets: ["shpat_secret"])
        let shown = RequestFailure.displayURL(
            "https://s.test/c.json?api_key=k123&limit=5&token=shpat_secret", hiddenParameters: ["api_key"], redactor: redactor
        )
        XCTAssertEqual(shown, "https://s.test/c.json?api_key=***&limit=5&token=***")
    }
}
