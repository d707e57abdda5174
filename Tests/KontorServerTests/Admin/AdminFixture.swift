import Foundation
import Hummingbird
import HummingbirdTesting
import KontorCore
import KontorRuntime
import KontorSQLite
import KontorServer
import KontorStore
import Logging

/// A deployment with three sources, two destinations and three segments, and a
/// store seeded with profiles, runs (one failed), queued jobs and a dead letter.
enum AdminFixture {
    static let token = "adm_test_9f8e7d6c5b4a"
    static let now = PersonalizationFixture.now
    static let crmError = "HTTP 401 from api.hubapi.com: <b>invalid</b> credentials & \"expired\" token"
    static let deadReason = "HTTP 400 from us21.api.mailchimp.com: Invalid Resource (merge field FNAME)"

    static func deployment(adminToken: String? = token) -> Deployment {
        var settings = PersonalizationFixture.settings()
        settings.adminToken = adminToken
        var deployment = PersonalizationFixture.deployment(settings: settings)
        deployment.sources = [
            "shop": SourceConfig(plugin: "shopify", streams: ["customers", "orders"], schedule: .every("15m", jitter: nil)),
            "crm": SourceConfig(plugin: "hubspot", schedule: .cron("0 6 * * *", timezone: "Europe/Berlin", jitter: nil)),
            "popup": SourceConfig(plugin: "form"),
        ]
        deployment.destinations = [
            "newsletter": DestinationConfig(plugin: "mailchimp", action: "members", mode: .mirror, segments: ["buyers"]),
            "retargeting": DestinationConfig(
                plugin: "meta_custom_audiences", action: "audience", mode: .add, segments: ["big_spenders"]),
        ]
        return deployment
    }

    /// Ada plus 24 more people (every third a buyer), a successful pull of `shop`, a failed
    /// one of `crm`, and three `newsletter` jobs: one dead, one waiting for a retry, one in flight.
    static func store(deployment: Deployment = deployment()) async throws -> SQLiteStore {
        let model = try ProfileModel(deployment)
        let store = try await PersonalizationFixture.store(model: model)
        var messages: [Message] = []
        for index in 2...25 {
            messages.append(Message(
                type: .identify, messageId: "id-\(index)", timestamp: now, userId: "u-\(index)",
                traits: ["first_name": .string("Person \(index)")]))
            if index % 3 == 0 {
                messages.append(Message(
                    type: .track, messageId: "order-\(index)", timestamp: now, userId: "u-\(index)",
                    event: "Order Completed", properties: ["total": 30]))
            }
        }
        try await PersonalizationFixture.ingest(messages, into: store, model: model)

        let shop = try await store.startRun(kind: .sync, name: "shop", at: now.addingTimeInterval(-1260))
        try await store.finishRun(
            shop, status: .succeeded, counts: ["records": 1200, "messages": 1180], error: nil,
            at: now.addingTimeInterval(-1200))
        let crm = try await store.startRun(kind: .sync, name: "crm", at: now.addingTimeInterval(-600))
        try await store.finishRun(crm, status: .failed, counts: [:], error: crmError, at: now.addingTimeInterval(-590))
        try await store.setNextRun(name: "source:shop", at: now.addingTimeInterval(900))

        let jobs = ["p-a", "p-b", "p-c"].map { id -> PlannedJob in
            let payload: JSONValue = ["email_address": .string("\(id)@example.com")]
            return PlannedJob(
                destination: "newsletter", profileID: id, operation: .add, payload: payload,
                payloadHash: PayloadHash.of(payload))
        }
        let plan = ActivationPlan(
            destination: "newsletter", jobs: jobs,
            stateChanges: jobs.map {
                .put(DestinationStateEntry(profileID: $0.profileID, payloadHash: $0.payloadHash, payload: $0.payload))
            })
        _ = try await store.commitPlan(destination: "newsletter", now: now.addingTimeInterval(-300)) { _ in plan }
        let claimed = try await store.claim(
            destination: "newsletter", owner: "worker-1", limit: 10, leaseFor: 3600, now: now.addingTimeInterval(-200))
        let attempts = DeliveryAttempts(count: 5, firstAttemptAt: now.addingTimeInterval(-200))
        _ = try await store.settle(
            [
                OutboxSettlement(
                    jobID: claimed[0].id, decision: .deadLetter(reason: deadReason), attempts: attempts, error: deadReason),
                OutboxSettlement(
                    jobID: claimed[1].id, decision: .retry(at: now.addingTimeInterval(600)), attempts: attempts,
                    error: "HTTP 503"),
            ], owner: "worker-1", now: now.addingTimeInterval(-100))
        return store
    }

    /// The server of `kontor run` with the personalisation API, the admin API and the status page.
    static func application(
        store: SQLiteStore, deployment: Deployment = deployment(), clock: any KontorClock = FixedClock(now: now)
    ) throws -> Application<RouterResponder<BasicRequestContext>> {
        var logger = Logger(label: "kontor.admin.test")
        logger.logLevel = .critical
        let server = try KontorApplication(settings: deployment.server, store: store, clock: clock, logger: logger)
        let personalization = PersonalizationService(
            settings: deployment.server, store: store, model: try ProfileModel(deployment), clock: clock,
            cache: PersonalizationCache(deployment.server.personalize))
        personalization.addRoutes(to: server.router)
        let reporter = AdminReporter(
            reporter: StatusReporter(deployment: deployment, store: store, clock: clock), cache: personalization.cache)
        AdminService(adminToken: deployment.server.adminToken, reporter: reporter).addRoutes(to: server.router)
        StatusPage(adminToken: deployment.server.adminToken, reporter: reporter).addRoutes(to: server.router)
        return server.application()
    }

    static func bearer(_ token: String = token) -> HTTPFields {
        [.authorization: "Bearer \(token)"]
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
}
