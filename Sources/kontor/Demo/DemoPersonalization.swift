import Foundation
import KontorHTTP

/// Stage "personalisation": the website asks `GET /v1/personalize?email=…` with a read key
/// which segments and traits to personalise a page with.
struct DemoPersonalization {
    var server: DemoServer
    var readKey: String = DemoConfiguration.readKey

    /// The answer for `email`: the response body when the server answered 200, else `nil`.
    func ask(email: String) async -> String? {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "+&=")
        let query = email.addingPercentEncoding(withAllowedCharacters: allowed) ?? email
        let headers = [HTTPHeader("Authorization", "Bearer \(readKey)"), HTTPHeader("Origin", DemoConfiguration.siteOrigin)]
        let response = await server.send("GET", "/v1/personalize?email=\(query)", headers: headers)
        guard let response, response.status == 200 else { return nil }
        return response.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
