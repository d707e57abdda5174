import Foundation
import KontorCore
import KontorHTTP
import KontorStore
import Logging
import ServiceLifecycle

/// Runs one ``DeliveryWorker`` per destination, each in its own task, so that
/// a destination that is down or slow never holds up another.
///
/// ```swift
/// let delivery = try await DeliveryService.make(destinations: compiled, outbox: store, transport: transport,
///                                               clock: SystemClock(), owner: nodeID)
/// let group = ServiceGroup(configuration: .init(services: [activation, delivery], logger: logger))
/// ```
public struct DeliveryService: Service {
    public let workers: [DeliveryWorker]

    public init(workers: [DeliveryWorker]) {
        self.workers = workers
    }

    /// Workers for `destinations`: per destination an authenticator from its plugin's `http.auth`,
    /// and the account's rate budget from `limiters`.
    public static func make(
        destinations: [ActivationDestination], outbox: any OutboxStore, transport: any HTTPTransport,
        clock: any KontorClock, owner: String, policy: DeliveryPolicy = .default, limiters: RateLimiterPool = RateLimiterPool(),
        jitter: DeliveryJitter = DeliveryJitter(), logger: Logger = Logger(label: "kontor.delivery")
    ) async throws(ActivationError) -> DeliveryService {
        var workers: [DeliveryWorker] = []
        for destination in destinations where destination.config.enabled {
            let sender = try await makeSender(
                for: destination, transport: transport, clock: clock, limiters: limiters)
            workers.append(DeliveryWorker(
                destination: destination, outbox: outbox, sender: sender, clock: clock, owner: owner, policy: policy,
                jitter: jitter, logger: logger))
        }
        return DeliveryService(workers: workers)
    }

    /// The sender of one destination: its authenticator and its account's rate budget.
    public static func makeSender(
        for destination: ActivationDestination, transport: any HTTPTransport, clock: any KontorClock,
        limiters: RateLimiterPool
    ) async throws(ActivationError) -> DeliverySender {
        let authenticator: any RequestAuthenticator
        do {
            let base = RequestDraft.text(of: (try? Template(parsing: destination.baseURL).render(
                in: EvaluationContext(variables: ["config": destination.settings], now: clock.now))) ?? .string(destination.baseURL))
            authenticator = try AuthenticatorFactory(transport: transport, clock: clock, timeout: destination.timeout)
                .make(destination.plugin.http?.auth, config: destination.settings, baseURL: base)
        } catch {
            throw ActivationError(.plugin, "destination '\(destination.name)': \(destination.redactor.redact("\(error)"))")
        }
        let limiter = try await limiters.limiter(plugin: destination.plugin, settings: destination.settings)
        return DeliverySender(
            destination: destination, transport: transport, authenticator: authenticator, limiter: limiter, clock: clock)
    }

    /// One delivery round for every destination, concurrently.
    public func runOnce(drain: Bool = true) async -> [String: Result<DeliveryReport, StoreError>] {
        await withTaskGroup(of: (String, Result<DeliveryReport, StoreError>).self) { group in
            for worker in workers {
                group.addTask {
                    do throws(StoreError) {
                        return (worker.destination.name, .success(try await worker.runOnce(drain: drain)))
                    } catch {
                        return (worker.destination.name, .failure(error))
                    }
                }
            }
            var results: [String: Result<DeliveryReport, StoreError>] = [:]
            for await (name, result) in group { results[name] = result }
            return results
        }
    }

    /// Runs every worker until graceful shutdown. With no destination configured it
    /// just waits for the shutdown: a service that returns early would stop the daemon.
    public func run() async throws {
        guard !workers.isEmpty else {
            try? await gracefulShutdown()
            return
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in workers {
                group.addTask { try await worker.run() }
            }
            try await group.waitForAll()
        }
    }
}
