import Foundation
import KontorCore
import KontorHTTP
import KontorRuntime
import KontorSQLite
import KontorStore
import KontorTesting
import Logging
import Synchronization

/// Segment members held in memory, changed by the test between runs.
final class StaticMembers: SegmentMembersSource {
    struct Person: Sendable {
        var id: String
        var email: String
        var firstName: String
        var consent = true
    }

    let people = Mutex<[Person]>([])

    func set(_ people: [Person]) { self.people.withLock { $0 = people } }
    func update(_ body: (inout [Person]) -> Void) { people.withLock { body(&$0) } }

    func members(of segments: [String], consentPurpose: String?) async throws -> [SegmentMember] {
        people.withLock { $0 }.sorted { $0.id < $1.id }.map { person in
            let view: JSONValue = [
                "traits": ["email": .string(person.email), "first_name": .string(person.firstName)],
                "profile": ["id": .string(person.id)], "segment": .string(segments.first ?? ""),
            ]
            return SegmentMember(profileID: person.id, view: view, consented: consentPurpose == nil || person.consent)
        }
    }

    /// `count` people `p0001`… with emails `person1@example.com`….
    static func crowd(_ count: Int) -> [Person] {
        (1...count).map { Person(id: String(format: "p%05d", $0), email: "Person\($0)@Example.com", firstName: "Name\($0)") }
    }
}

/// A Mailchimp destination over a fake audience, a SQLite store in memory and a manual clock.
struct ActivationFixture {
    static let plugin = """
        {"format": "kontor/v1", "name": "mailchimp", "kind": "destination",
         "spec": {"api_key": {"type": "secret"}, "list_id": {"type": "string"},
                  "double_opt_in": {"type": "boolean", "default": false}},
         "http": {"base_url": "https://{{ config.api_key.split('-') | last }}.api.mailchimp.com/3.0/",
                  "auth": {"type": "basic", "username": "anystring", "password": "{{ config.api_key }}"},
                  "concurrency": 4,
                  "retry": {"backoff": [{"type": "header_seconds", "header": "Retry-After", "max": "5m"},
                                        {"type": "exponential", "factor": "5s", "max": "5m"}],
                            "rules": [{"status": [401, 403], "action": "fail", "failure": "config_error", "message": "Check the API key"}]}},
         "actions": {"members": {
            "modes": ["add", "upsert", "remove", "mirror"],
            "fields": {"email_address": {"type": "string", "required": true, "pii": "email"},
                       "status": {"type": "string", "default": {"@template": "{{ 'pending' if config.double_opt_in else 'subscribed' }}"}},
                       "merge_fields": {"type": "object"}},
            "batch": {"size": 500, "max_bytes": "10MB", "max_wait": "30s"},
            "request": {"method": "POST", "path": "lists/{{ config.list_id }}",
                        "body_json": {"members": "$batch", "update_existing": true, "sync_tags": false}},
            "result": {"errors": {"path": "errors", "key": "email_address", "field": "email_address", "message": "error", "code": "error_code"}},
            "per_mode": {"remove": {"request": {"method": "DELETE", "path": "lists/{{ config.list_id }}/members/{{ record.email_address | lower | md5 }}"},
                                    "batch": {"size": 1}, "result": {"success_status": [204, 404]}}}}}}
        """

    let clock: ManualClock
    let store: SQLiteStore
    let members = StaticMembers()
    let audience: FakeMailchimp
    let destination: ActivationDestination
    let service: ActivationService
    let worker: DeliveryWorker

    /// - Parameters:
    ///   - baseURL: where the destination sends (default: the in-process audience's made-up host).
    ///   - transport: what sends (default: the in-process ``FakeMailchimp``).
    init(
        name: String = "newsletter", mode: ActionMode = .mirror, consent: String? = "email", batchSize: Int? = nil,
        clock: ManualClock = ManualClock(now: Date(timeIntervalSince1970: 1_750_000_000)), baseURL: String? = nil,
        transport: (any HTTPTransport)? = nil
    ) async throws {
        self.clock = clock
        store = try SQLiteStore.inMemory()
        try await store.migrate()
        audience = FakeMailchimp(clock: clock)
        destination = try Self.destination(name: name, mode: mode, consent: consent, batchSize: batchSize, baseURL: baseURL)
        var logger = Logger(label: "kontor.test")
        logger.logLevel = .critical
        service = ActivationService(destinations: [destination], members: members, outbox: store, clock: clock, logger: logger)
        let sender = try await DeliveryService.makeSender(
            for: destination, transport: transport ?? audience, clock: clock, limiters: RateLimiterPool())
        worker = DeliveryWorker(
            destination: destination, outbox: store, sender: sender, clock: clock, owner: "test",
            policy: DeliveryPolicy(maxAttempts: 5, minimumWindow: 3600), jitter: DeliveryJitter(seed: 42), logger: logger)
    }

    static func destination(
        name: String, mode: ActionMode = .mirror, consent: String? = "email", batchSize: Int? = nil, baseURL: String? = nil
    ) throws -> ActivationDestination {
        let plugin = try JSONDecoder().decode(PluginDefinition.self, from: Data(Self.plugin.utf8))
        let config = DestinationConfig(
            plugin: "mailchimp", config: ["api_key": "k-us1", "list_id": "L1"], action: "members", mode: mode,
            segments: ["fans"], consent: consent,
            mapping: ["email_address": "$.traits.email", "merge_fields": ["FNAME": "$.traits.first_name"]],
            baseURL: baseURL ?? "http://\(name).mailchimp.test/3.0/", batch: batchSize.map { DestinationConfig.BatchOverride(size: $0) })
        return try ActivationDestination(name: name, config: config, plugin: plugin)
    }

    /// Plans the destination and returns the stored result.
    @discardableResult
    func plan() async throws -> ActivationRun {
        try await service.plan(destination)
    }

    /// Delivery rounds until nothing is pending or `rounds` is used up, moving the clock to the
    /// next due job between rounds. Returns the summed report.
    @discardableResult
    func deliverAll(rounds: Int = 200) async throws -> DeliveryReport {
        var total = DeliveryReport(destination: destination.name)
        for _ in 0..<rounds {
            total.add(try await worker.runOnce())
            guard let next = try await store.list(destination: destination.name, state: .pending, limit: 1).first else { break }
            let due = max(next.attempts.nextAttemptAt ?? clock.now, worker.hold.until ?? clock.now)
            if due > clock.now { clock.advance(to: due) }
        }
        return total
    }

    func pending() async throws -> [OutboxJob] {
        try await store.list(destination: destination.name, state: .pending, limit: 100_000)
    }

    func dead() async throws -> [OutboxJob] {
        try await store.list(destination: destination.name, state: .dead, limit: 100_000)
    }

    /// The emails of `people`, as the pipeline normalises them.
    static func emails(_ people: [StaticMembers.Person]) -> Set<String> {
        Set(people.map { $0.email.lowercased() })
    }
}
