import Foundation
import Hummingbird
import KontorRuntime
import KontorStore

/// The admin API: read-only JSON about the deployment for operators and
/// scripts, behind the admin token (`Authorization: Bearer <server.admin_token>`).
///
/// | route | answer |
/// |---|---|
/// | `GET /admin/api/status` | everything below at once (``AdminStatus``) |
/// | `GET /admin/api/sources` | `{"sources": [...]}` with last and next runs |
/// | `GET /admin/api/sources/{name}/runs?limit=20` | `{"runs": [...]}`, newest first |
/// | `GET /admin/api/destinations` | `{"destinations": [...]}` with queue depth and dead letters |
/// | `GET /admin/api/segments` | `{"profiles": n, "segments": [...]}` with sizes |
/// | `GET /admin/api/dead-letters?destination=&limit=50` | `{"deadLetters": [...]}`, newest first, without payloads |
/// | `GET /admin/api/errors` | `{"recentErrors": [...]}` |
///
/// Without a token 401, with `server.admin_token` unset 403 `admin_disabled`;
/// a store that cannot be read 503. Dates are ISO 8601, keys as in `kontor status --json`.
public struct AdminService: Sendable {
    let token: AdminToken
    let admin: AdminReporter

    public init(adminToken: String?, reporter: AdminReporter) {
        self.token = AdminToken(adminToken)
        self.admin = reporter
    }

    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        let api = router.group("admin/api")
            .add(middleware: JSONErrorMiddleware())
            .add(middleware: AdminAuthMiddleware(token: token))
        api.get("status") { _, _ in try self.encode(try await self.read { try await self.admin.status() }) }
        api.get("sources") { _, _ in
            let report = try await self.read { try await self.admin.reporter.report() }
            return try self.encode(["sources": report.sources])
        }
        api.get("sources/{name}/runs") { request, context in
            try await self.runs(of: try context.parameters.require("name"), request: request)
        }
        api.get("destinations") { _, _ in
            let report = try await self.read { try await self.admin.reporter.report() }
            return try self.encode(["destinations": report.destinations])
        }
        api.get("segments") { _, _ in
            let report = try await self.read { try await self.admin.reporter.report() }
            return try self.encode(SegmentList(profiles: report.profiles, segments: report.segments))
        }
        api.get("dead-letters") { request, _ in try await self.deadLetters(request) }
        api.get("errors") { _, _ in
            let errors = try await self.read {
                try await RecentError.read(from: self.admin.store, limit: AdminReporter.recentErrorLimit)
            }
            return try self.encode(["recentErrors": errors])
        }
    }

    private struct SegmentList: Encodable {
        var profiles: Int
        var segments: [SegmentStatus]
    }

    private func runs(of source: String, request: Request) async throws -> Response {
        guard admin.reporter.deployment.sources[source] != nil else {
            throw APIError(.notFound, code: "unknown_source", "No source '\(source)' is configured.", field: "name")
        }
        let limit = try Self.limit(request, default: 20)
        let runs = try await read { try await self.admin.store.recentRuns(name: source, limit: limit) }
        return try encode(["runs": runs.map(RunSummary.init)])
    }

    private func deadLetters(_ request: Request) async throws -> Response {
        let destination = request.uri.queryParameters["destination"].map(String.init)
        if let destination, admin.reporter.deployment.destinations[destination] == nil {
            throw APIError(
                .notFound, code: "unknown_destination", "No destination '\(destination)' is configured.",
                field: "destination")
        }
        let limit = try Self.limit(request, default: 50)
        let jobs = try await read { try await self.admin.store.list(destination: destination, state: .dead, limit: limit) }
        return try encode(["deadLetters": jobs.map(DeadLetterSummary.init)])
    }

    /// `?limit=` between 1 and 1000.
    static func limit(_ request: Request, default fallback: Int) throws(APIError) -> Int {
        guard let text = request.uri.queryParameters["limit"] else { return fallback }
        guard let limit = Int(text), (1...1000).contains(limit) else {
            throw APIError(.badRequest, code: "invalid_parameter", "limit must be a number from 1 to 1000.", field: "limit")
        }
        return limit
    }

    /// Runs a store read; its failure becomes 503.
    private func read<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(
                .serviceUnavailable, code: "store_unavailable", "The store cannot be read now. Retry later.",
                retryAfter: 5)
        }
    }

    private func encode(_ value: some Encodable) throws -> Response {
        let data = try StatusReport.encoder().encode(value)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
