import Foundation
import KontorCore

/// The `connectors.yaml` of the demo: the emulated shop and survey as scheduled
/// sources, a pop-up form and the Segment-style API as inbound sources, computed
/// traits, four segments (one gated by e-mail consent), and the e-mail tool, the ad
/// platform and the website as destinations. Commented, so a newcomer can copy it.
struct DemoConfiguration {
    static let writeKey = "demo-write-key"
    static let readKey = "demo-read-key"
    static let adminToken = "demo-admin-token"
    /// The page the pop-up form "runs on" (sent as `Origin`).
    static let siteOrigin = "http://shop.demo.localhost"
    /// The inbound source the pop-up posts to (`POST /forms/popup`).
    static let popupSource = "popup"

    var emulators: DemoEmulators
    var listen: String
    /// Absolute plugin folder, so the file also works from any other folder.
    var pluginDirectory: String

    func text() -> String {
        let shopToken = emulators.shop.configuration.accessToken
        let surveyToken = emulators.survey.configuration.accessToken
        let surveyForm = emulators.survey.configuration.formID
        let (email, ads, website) = (emulators.email, emulators.ads, emulators.website)
        return """
            # Written by `kontor demo`. Every third-party service below is an emulator on this
            # machine, with generated people; swap the base_url/config lines for your real accounts
            # (and secrets for ${secret:…} references) to make it yours. See docs/getting-started.md.
            kontor: 1
            store: sqlite:kontor.db
            plugins: [\(quoted(pluginDirectory))]

            server:
              listen: \(quoted(listen))
              write_keys: [\(Self.writeKey)]          # Segment-style /v1/identify, /v1/track …
              read_keys: [\(Self.readKey)]            # GET /v1/personalize
              admin_token: \(Self.adminToken)         # admin API and the status page at /admin/
              allowed_origins: [\(quoted(Self.siteOrigin))]
              expose_traits: [first_name, favourite_sport]
              personalize: {segments: [sports_fans, repeat_buyers, big_spenders]}

            # Identifiers that join records into one person, strongest first.
            identity:
              keys: [user_id, email, phone, shopify_customer_id, anonymous_id]

            consent:
              purposes: [email, ads, personalisation]

            sources:
              # The web shop: customers and orders, then every 20 seconds what changed since.
              shop:
                plugin: shopify
                base_url: \(emulators.shop.apiBaseURL().absoluteString)/
                config:
                  shop: kontor-demo
                  access_token: "${secret:DEMO_SHOPIFY_TOKEN:-\(shopToken)}"
                  webhook_secret: "${secret:DEMO_SHOPIFY_WEBHOOK_SECRET:-demo-shop-webhook-secret}"   # signs /hooks/shop
                  page_size: 50
                streams: [customers, orders]
                schedule: {every: 20s}
              # The survey tool: favourite sport and interests become traits, the newsletter answer consent.
              survey:
                plugin: typeform
                base_url: \(emulators.survey.baseURL.absoluteString)/
                config:
                  access_token: "${secret:DEMO_TYPEFORM_TOKEN:-\(surveyToken)}"
                  form_ids: [\(surveyForm)]
                  trait_fields: {favourite_sport: favourite_sport, interests: interests}
                  consent_fields: {newsletter: email}
                  webhook_secret: "${secret:DEMO_TYPEFORM_WEBHOOK_SECRET:-demo-survey-webhook-secret}"
                schedule: {every: 30s}
              # The website's newsletter pop-up posts to /forms/popup (zero-party data).
              \(Self.popupSource):
                plugin: form
                config:
                  allowed_origins: [\(quoted(Self.siteOrigin))]
                  consent: {newsletter: email, personalise: personalisation}
                  redirect: \(quoted(Self.siteOrigin + "/thanks"))    # where a plain HTML post lands afterwards

            # Computed from events, per profile.
            traits:
              order_count:    {count: {event: Order Completed}}
              lifetime_value: {sum: {event: Order Completed, property: total}}

            segments:
              repeat_buyers:
                description: Bought twice or more
                where: "computed.order_count >= 2"
              big_spenders:
                description: Spent 300 or more in total
                where: "computed.lifetime_value >= 300"
              sports_fans:
                description: Told the survey their favourite sport
                where: "traits.favourite_sport in ['Running', 'Cycling', 'Yoga', 'Swimming']"
              newsletter:
                description: Agreed to e-mails (shop, survey or pop-up)
                where: "consent.email"

            destinations:
              # The e-mail tool: the newsletter audience, mirrored (leavers are archived).
              email_tool:
                plugin: mailchimp
                base_url: \(email.apiBaseURL)
                config:
                  api_key: "${secret:DEMO_MAILCHIMP_KEY:-\(email.configuration.apiKey)}"
                  list_id: \(quoted(email.configuration.listIDs.first ?? ""))
                action: members
                mode: mirror
                segments: [newsletter]
                consent: email
                mapping:
                  email_address: $.traits.email
                  status: subscribed
                  merge_fields: {FNAME: $.traits.first_name, LNAME: $.traits.last_name}
                batch: {max_wait: 1s}
                schedule: {every: 10s}           # plan changes every 10 s (default: every 30 s)
              # The ad platform: repeat buyers as a custom audience (identifiers hashed before sending).
              ad_platform:
                plugin: meta_custom_audiences
                config:
                  access_token: "${secret:DEMO_META_TOKEN:-\(ads.configuration.accessToken)}"
                  audience_id: \(quoted(ads.configuration.audienceIDs.first ?? ""))
                  api_version: v26.0
                  base_url: \(ads.baseURL.absoluteString)/        # the emulator instead of graph.facebook.com
                action: audience_members
                mode: mirror
                segments: [repeat_buyers]
                mapping:
                  email: $.traits.email
                  first_name: $.traits.first_name
                  last_name: $.traits.last_name
                batch: {max_wait: 1s}
                schedule: {every: 10s}           # plan changes every 10 s (default: every 30 s)
              # The website's personalisation backend: signed JSON pushes of segment changes.
              website:
                plugin: webhook
                config:
                  url: \(website.url)
                  secret: "${secret:DEMO_WEBHOOK_SECRET:-\(website.configuration.secret)}"   # signs every push
                action: push
                mode: mirror
                segments: [sports_fans, big_spenders]
                mapping:
                  id: $.profile.id
                  email: $.traits.email
                  traits: {first_name: $.traits.first_name, favourite_sport: $.traits.favourite_sport}
                  segments: ["{{ segment }}"]
                batch: {max_wait: 1s}
                schedule: {every: 10s}           # plan changes every 10 s (default: every 30 s)

            """
    }

    private func quoted(_ text: String) -> String {
        JSONValue.string(text).serialized()
    }
}
