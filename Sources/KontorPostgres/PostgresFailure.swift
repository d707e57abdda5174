import KontorRuntime
import PostgresNIO

/// Turns PostgresNIO's errors into ``SQLSourceFailure``s a person can act on:
/// the server's message and SQLSTATE, or what went wrong with the connection.
/// PostgresNIO's own descriptions are generic on purpose; the server's message
/// names users, tables and columns, never a password.
enum PostgresFailure {
    /// A failure while connecting and logging in to `address`.
    static func connecting(_ error: any Error, to address: PostgresURL) -> SQLSourceFailure {
        let place = "PostgreSQL at \(address.host):\(address.port)"
        guard let error = error as? PSQLError else {
            return SQLSourceFailure(.unreachable, "cannot connect to \(place): \(brief(error))")
        }
        switch error.code {
        case .server:
            return server(error, place: place)
        case .sslUnsupported:
            return SQLSourceFailure(.unreachable, "\(place) does not offer TLS; use sslmode=prefer or sslmode=disable in the url")
        case .authMechanismRequiresPassword:
            return SQLSourceFailure(.authentication, "\(place) asks user '\(address.username)' for a password and none is set")
        case .unsupportedAuthMechanism, .saslError:
            return SQLSourceFailure(.authentication, "\(place) refused the login of user '\(address.username)' (\(error.code))")
        default:
            let reason = error.underlying.map(brief) ?? "\(error.code)"
            return SQLSourceFailure(.unreachable, "cannot connect to \(place): \(reason)")
        }
    }

    /// A failure while a page's statement ran.
    static func querying(_ error: any Error) -> SQLSourceFailure {
        guard let error = error as? PSQLError else {
            return SQLSourceFailure(.unreachable, "the connection to PostgreSQL failed: \(brief(error))")
        }
        switch error.code {
        case .server:
            return server(error, place: "PostgreSQL")
        case .queryCancelled:
            return SQLSourceFailure(.timeout, "the query was cancelled")
        default:
            let reason = error.underlying.map(brief) ?? "\(error.code)"
            return SQLSourceFailure(.unreachable, "the connection to PostgreSQL failed: \(reason)")
        }
    }

    /// An error the server sent: its message, detail and hint, with the SQLSTATE deciding the kind.
    private static func server(_ error: PSQLError, place: String) -> SQLSourceFailure {
        let state = error.serverInfo?[.sqlState] ?? ""
        var message = error.serverInfo?[.message] ?? "the server refused the request"
        if let detail = error.serverInfo?[.detail] { message += " (\(detail))" }
        if let hint = error.serverInfo?[.hint] { message += "; hint: \(hint)" }
        message += state.isEmpty ? "" : " [SQLSTATE \(state)]"
        switch state {
        case "28P01", "28000":
            return SQLSourceFailure(.authentication, "\(place) refused the login: \(message)")
        case "3D000":
            return SQLSourceFailure(.database, "\(place): \(message)")
        case "42501" where place != "PostgreSQL":
            return SQLSourceFailure(.database, "\(place): \(message)")
        case "57014":
            return SQLSourceFailure(.timeout, "the query ran too long: \(message)")
        case "53300", "57P01", "57P02", "57P03":
            return SQLSourceFailure(.unreachable, "\(place) is not available: \(message)")
        default:
            return SQLSourceFailure(.query, "the query failed: \(message)")
        }
    }

    /// A short description of a lower-level (NIO, system) error.
    private static func brief(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.localizedCaseInsensitiveContains("connection refused") { return "connection refused" }
        if text.localizedCaseInsensitiveContains("timed out") || text.localizedCaseInsensitiveContains("timeout") {
            return "connection timed out"
        }
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
