import Hummingbird
import KontorCore
import KontorStore

/// `/healthz` and `/readyz`, for load balancers and orchestrators.
///
/// - `GET /healthz`: 200 `{"status": "ok"}` while the process serves HTTP
///   (liveness; it touches nothing else, so a slow store never gets the process killed).
/// - `GET /readyz`: 200 `{"status": "ready", …}` when the store answers, every
///   migration this build knows is applied, and the ingest writer accepts
///   messages; otherwise 503 with `code` `store_unavailable`,
///   `migrations_pending` or `shutting_down` (readiness: send no traffic yet).
struct HealthRoutes: Sendable {
    let store: any KontorStore
    let writer: GroupCommitWriter

    func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("healthz") { _, _ in JSONResponse.make(["status": "ok"]) }
        router.head("healthz") { _, _ in Response(status: .ok) }
        router.get("readyz") { _, _ in try await self.readiness() }
    }

    func readiness() async throws(APIError) -> Response {
        guard writer.isAccepting else {
            throw APIError(.serviceUnavailable, code: "shutting_down", "The server is shutting down.")
        }
        let info: StoreInfo
        do {
            info = try await store.storeInfo()
        } catch {
            throw APIError(
                .serviceUnavailable, code: "store_unavailable", "The store cannot be read: \(error.message)",
                retryAfter: IngestService.retryAfterSeconds)
        }
        guard info.pendingMigrations.isEmpty, !info.appliedMigrations.isEmpty else {
            let pending = info.pendingMigrations.isEmpty ? "all" : info.pendingMigrations.joined(separator: ", ")
            throw APIError(
                .serviceUnavailable, code: "migrations_pending",
                "The store has migrations to apply (\(pending)); `kontor run` applies them at start.")
        }
        return JSONResponse.make([
            "status": "ready", "store": .string(info.engine), "schemaVersion": .int(info.schemaVersion),
        ])
    }
}
