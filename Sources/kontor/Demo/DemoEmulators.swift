import Foundation
import KontorTesting

/// The third-party services of the demo, emulated on loopback with generated
/// data: a shop (Shopify), a survey tool (Typeform), an email tool (Mailchimp),
/// an ad platform (Meta Custom Audiences) and the website's personalisation
/// endpoint (a webhook receiver).
///
/// The shop's customers and the survey's respondents are two ``CustomerDataSet``s
/// with different seeds: about a third of each comes from the shared population,
/// so the same people (same e-mail) answer the survey and buy in the shop, and
/// their profiles merge.
struct DemoEmulators {
    static let customers = 120
    static let respondents = 60

    let shop: ShopifyEmulator
    let survey: TypeformEmulator
    let email: MailchimpEmulator
    let ads: MetaAudienceEmulator
    let website: WebhookReceiverEmulator

    /// Starts all five; stops the ones already started when one fails.
    static func start() async throws -> DemoEmulators {
        let shop = try await ShopifyEmulator.start(dataSet: CustomerDataSet(seed: 7, count: customers))
        shop.host.origin = shop.baseURL.absoluteString
        var started: [() async -> Void] = [{ await shop.stop() }]
        do {
            let survey = try await TypeformEmulator.start(dataSet: CustomerDataSet(seed: 8, count: respondents))
            started.append { await survey.stop() }
            let email = try await MailchimpEmulator.start()
            started.append { await email.stop() }
            let ads = try await MetaAudienceEmulator.start()
            started.append { await ads.stop() }
            let website = try await WebhookReceiverEmulator.start()
            return DemoEmulators(shop: shop, survey: survey, email: email, ads: ads, website: website)
        } catch {
            for stop in started { await stop() }
            throw CommandFailure(message: "kontor demo: cannot start the emulators: \(error)")
        }
    }

    /// E-mail addresses of shop customers, for the pop-up sign-ups and personalisation questions.
    var shopEmails: [String] { shop.data.snapshot.people.map(\.email) }

    func stop() async {
        await shop.stop()
        await survey.stop()
        await email.stop()
        await ads.stop()
        await website.stop()
    }
}
