import Foundation
import KontorCore
import KontorHTTP

extension SQLSourceRunner {
    /// A driver's failure as a `PullError` that names the settings to check, with
    /// every secret and the URL's password hidden.
    ///
    /// ```text
    /// password authentication failed for user "kontor"; check the source's 'user', 'password' or 'url' setting
    /// ```
    func pullError(_ failure: SQLSourceFailure, settings: [String], address: String) -> PullError {
        let components = URLComponents(string: address)
        let redactor = SecretRedactor(secrets: secrets + [components?.password, components?.percentEncodedPassword].compactMap { $0 })
        func check(_ words: [String], in names: [String]) -> String {
            let matching = names.filter { name in words.contains { name.lowercased().contains($0) } }
            let chosen = matching.isEmpty ? names : matching
            return chosen.isEmpty ? "" : "; check the source's \(SQLQueryTemplate.list(chosen)) setting"
        }
        let message: String
        switch failure.kind {
        case .badURL:
            message = failure.message + check(["url", "host"], in: urlSettings)
        case .unreachable:
            message = failure.message + check(["url", "host", "port", "ssl"], in: urlSettings)
        case .authentication:
            message = failure.message + check(["url", "user", "password"], in: urlSettings)
        case .database:
            message = failure.message + check(["url", "database", "user"], in: urlSettings)
        case .query:
            message = failure.message + (settings.isEmpty ? "; check the stream's query" : check([], in: settings))
        case .timeout:
            message = failure.message + "; the plugin's sql.timeout limits one page's statement"
        }
        let text = redactor.redact(message)
        switch failure.kind {
        case .unreachable, .timeout:
            var safe = components
            safe?.password = nil
            let request = RequestFailure(
                method: "CONNECT", url: redactor.redact(safe?.string ?? "the database"), status: nil, failure: .transientError, message: text
            )
            return PullError(.request, request.description, request: request)
        case .badURL, .authentication, .database, .query:
            return PullError(.plugin, text)
        }
    }
}
