import Foundation
import KontorHTTP

/// Stage "website events": the shop's site sends Segment-style calls with the write key:
/// anonymous visitors view products (`/v1/track`), later they log in (`/v1/identify` with
/// their e-mail), which merges each visitor's anonymous profile into the customer's.
struct DemoSegmentCalls {
    var server: DemoServer
    var writeKey: String = DemoConfiguration.writeKey

    /// Anonymous product views, one per visitor (`demo-visitor-1` …); returns how many the server accepted.
    func track(visitors: Int) async -> Int {
        var accepted = 0
        for index in 1...max(1, visitors) {
            let body: [String: Any] = [
                "anonymousId": "demo-visitor-\(index)", "event": "Product Viewed",
                "properties": ["category": "running", "name": "Trail shoe"],
            ]
            if await post("/v1/track", body) { accepted += 1 }
        }
        return accepted
    }

    /// The visitors log in: `demo-visitor-N` identifies with the N-th e-mail; returns how many the server accepted.
    func identify(emails: [String]) async -> Int {
        var accepted = 0
        for (index, email) in emails.enumerated() {
            let body: [String: Any] = ["anonymousId": "demo-visitor-\(index + 1)", "traits": ["email": email]]
            if await post("/v1/identify", body) { accepted += 1 }
        }
        return accepted
    }

    private func post(_ path: String, _ body: [String: Any]) async -> Bool {
        let authorization = HTTPHeader("Authorization", "Basic " + Data("\(writeKey):".utf8).base64EncodedString())
        let response = await server.send("POST", path, json: body, headers: [authorization])
        return response.map { (200..<300).contains($0.status) } ?? false
    }
}
