import Foundation
import Hummingbird
import HummingbirdTesting
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorServer
import KontorStore
import Logging
import XCTest

/// A deployment with two computed traits and three segments, a store with
/// one known person (Ada), and an application serving the personalisation API.
enum PersonalizationFixture {
    static let readKey = "rk_test_public_1"
    static let origin = "https://shop.example"
    static let now = Date(timeIntervalSince1970: 1_714_564_800)  // 2024-05-01T12:00:00Z

    static func settings(personalize: PersonalizeSettings = PersonalizeSettings()) -> ServerSettings {
        ServerSettings(
            listen: "127.0.0.1:0", writeKeys: [Fixture.writeKey], readKeys: [readKey], allowedOrigins: [origin],
            exposeTraits: ["first_name", "order_count", "preferences.coffee", "missing_trait"],
            personalize: personalize)
    }

    static func deployment(settings: ServerSettings = settings()) -> Deployment {
        Deployment(
            server: settings,
            consent: ConsentSettings(purposes: ["personalisation"]),
            traits: [
                "order_count": ComputedTrait(.count, .init(event: "Order Completed")),
                "lifetime_value": ComputedTrait(.sum, .init(event: "Order Completed", property: "total")),
            ],
            segments: [
                "buyers": SegmentDefinition(whereRule: "computed.order_count >= 1"),
                "big_spenders": SegmentDefinition(whereRule: "computed.lifetime_value >= 100"),
                "coffee_lovers": SegmentDefinition(whereRule: "traits.preferences.coffee == 'Lavazza'"),
            ])
    }

    static func model(_ deployment: Deployment = deployment()) throws -> ProfileModel {
        try ProfileModel(deployment)
    }

    /// Ada: user `u-1`, email `ada@example.com`, first name, a coffee preference and one order of 120.
    static let ada: [Message] = [
        Message(
            type: .identify, messageId: "m-1", timestamp: now.addingTimeInterval(-3600), userId: "u-1",
            anonymousId: "anon-ada",
            traits: [
                "email": "Ada@Example.com", "first_name": "Ada", "last_name": "Lovelace",
                "preferences": ["coffee": "Lavazza", "tea": "none"],
            ]),
        Message(
            type: .track, messageId: "m-2", timestamp: now.addingTimeInterval(-1800), userId: "u-1",
            event: "Order Completed", properties: ["total": 120]),
    ]

    /// Appends `messages` and brings profiles and segments up to date; returns the build summary.
    @discardableResult
    static func ingest(_ messages: [Message], into store: SQLiteStore, model: ProfileModel) async throws -> BuildSummary {
        _ = try await store.append(messages, source: "test")
        let clock = FixedClock(now: now)
        let summary = try await ProfileBuilder(store: store, model: model, clock: clock).catchUp()
        _ = try await SegmentEngine(store: store, model: model, clock: clock).evaluateDirty()
        return summary
    }

    /// A store holding Ada.
    static func store(model: ProfileModel) async throws -> SQLiteStore {
        let store = try await Fixture.store()
        try await ingest(ada, into: store, model: model)
        return store
    }

    static func service(
        store: SQLiteStore, settings: ServerSettings = settings(), cache: PersonalizationCache? = nil
    ) throws -> PersonalizationService {
        let model = try model(deployment(settings: settings))
        return PersonalizationService(
            settings: settings, store: store, model: model, clock: FixedClock(now: now),
            cache: cache ?? PersonalizationCache(settings.personalize))
    }

    static func application(
        service: PersonalizationService, store: SQLiteStore, settings: ServerSettings = settings()
    ) throws -> Application<RouterResponder<BasicRequestContext>> {
        var logger = Logger(label: "kontor.personalize.test")
        logger.logLevel = .critical
        let server = try KontorApplication(
            settings: settings, store: store, clock: FixedClock(now: now), logger: logger)
        service.addRoutes(to: server.router)
        return server.application()
    }

    static func bearer(_ key: String = readKey) -> HTTPFields {
        [.authorization: "Bearer \(key)"]
    }
}

extension TestClientProtocol {
    /// `GET /v1/personalize?<query>` with the test read key (unless told otherwise).
    func personalize(_ query: String, headers: HTTPFields = PersonalizationFixture.bearer()) async throws -> TestResponse {
        try await executeRequest(uri: "/v1/personalize?\(query)", method: .get, headers: headers, body: nil)
    }
}
