import Foundation
import KontorRuntime
import Logging
import Synchronization

@testable import KontorPostgres

/// The real PostgreSQL driver whose sessions lose the connection on page `failingPage`
/// (counted from 1 over the run): a run that dies in the middle, at a known page.
struct FailingDriver: SQLSourceDriver {
    let failingPage: Int
    var name: String { "postgres" }

    func connect(url: String, timeout: Duration, logger: Logger) async throws(SQLSourceFailure) -> any SQLSourceSession {
        FailingSession(base: try await PostgresSQLDriver().connect(url: url, timeout: timeout, logger: logger), failingPage: failingPage)
    }
}

private final class FailingSession: SQLSourceSession {
    let base: any SQLSourceSession
    let failingPage: Int
    private let pages = Mutex(0)

    init(base: any SQLSourceSession, failingPage: Int) {
        self.base = base
        self.failingPage = failingPage
    }

    func rows(_ request: SQLPageRequest) async throws(SQLSourceFailure) -> [SQLRow] {
        let page = pages.withLock { count in
            count += 1
            return count
        }
        if page == failingPage { throw SQLSourceFailure(.unreachable, "the connection to PostgreSQL failed: connection reset by peer") }
        return try await base.rows(request)
    }

    func close() async {
        await base.close()
    }
}
