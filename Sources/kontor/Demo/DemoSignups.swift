import Foundation
import KontorHTTP

/// Stage "pop-up sign-ups": the website's newsletter pop-up posts to `POST /forms/{source}`
/// (the `form` plugin), from the shop's page (`Origin`), with the newsletter box ticked.
/// Some sign-ups are existing shop customers (their profiles merge), some are new visitors.
struct DemoSignups {
    var server: DemoServer
    var source: String = DemoConfiguration.popupSource

    /// Posts one sign-up per person; returns how many the server accepted.
    func send(_ people: [(email: String, firstName: String)]) async -> Int {
        var accepted = 0
        for person in people {
            let body: [String: Any] = [
                "email": person.email, "first_name": person.firstName, "newsletter": "on", "personalise": "on",
                "form_id": "newsletter-popup", "page_url": DemoConfiguration.siteOrigin + "/running",
            ]
            let response = await server.send(
                "POST", "/forms/\(source)", json: body, headers: [HTTPHeader("Origin", DemoConfiguration.siteOrigin)])
            if let response, (200..<300).contains(response.status) { accepted += 1 }
        }
        return accepted
    }
}
