import Foundation
import KontorCore

/// Builds the authenticator a plugin's `http.auth` describes, for one source
/// or destination instance: templates are rendered over its `config` once.
///
/// ```swift
/// let auth = try AuthenticatorFactory(transport: transport, clock: clock)
///     .make(plugin.http?.auth, config: config, baseURL: "https://api.test/")
/// ```
public struct AuthenticatorFactory: Sendable {
    public var transport: any HTTPTransport
    public var clock: any KontorClock
    public var timeout: Duration
    /// Called with a refresh token an OAuth issuer rotated in, to save it in the instance's config.
    public var onRotatedRefreshToken: (@Sendable (String) async -> Void)?

    public init(
        transport: any HTTPTransport, clock: any KontorClock, timeout: Duration = .seconds(30),
        onRotatedRefreshToken: (@Sendable (String) async -> Void)? = nil
    ) {
        self.transport = transport
        self.clock = clock
        self.timeout = timeout
        self.onRotatedRefreshToken = onRotatedRefreshToken
    }

    /// The authenticator for `auth` (none when `nil`). `baseURL` resolves a
    /// session login's relative `path`.
    public func make(_ auth: Auth?, config: JSONValue, baseURL: String) throws(AuthError) -> any RequestAuthenticator {
        let context = EvaluationContext(variables: ["config": config], now: clock.now)
        func render(_ text: String, _ field: String) throws(AuthError) -> String {
            do {
                return RequestDraft.text(of: try Template(parsing: text).render(in: context))
            } catch {
                throw AuthError("auth.\(field): \(error.message)")
            }
        }
        switch auth ?? .none {
        case .none:
            return StaticAuthenticator.none
        case .bearer(let token):
            return StaticAuthenticator.bearer(token: try render(token, "token"))
        case .basic(let username, let password):
            return StaticAuthenticator.basic(
                username: try render(username, "username"), password: try password.map { text throws(AuthError) in try render(text, "password") } ?? ""
            )
        case .apiKey(let target, let value):
            return StaticAuthenticator(placements: [CredentialPlacement(target, try render(value, "value"))])
        case .oauth2Refresh(let settings):
            let fetcher = OAuth2TokenFetcher(
                tokenURL: try render(settings.tokenURL, "token_url"), clientID: try render(settings.clientID, "client_id"),
                clientSecret: try render(settings.clientSecret, "client_secret"),
                grant: .refreshToken(try render(settings.refreshToken, "refresh_token"), grantType: settings.grantType ?? "refresh_token"),
                scopes: settings.scopes ?? [], tokenField: settings.tokenField ?? "access_token",
                expiresField: settings.expiresField ?? "expires_in", transport: transport, timeout: timeout
            )
            return bearerTokens(from: fetcher, rotation: settings.rotateRefreshToken == true ? onRotatedRefreshToken : nil)
        case .oauth2ClientCredentials(let settings):
            let fetcher = OAuth2TokenFetcher(
                tokenURL: try render(settings.tokenURL, "token_url"), clientID: try render(settings.clientID, "client_id"),
                clientSecret: try render(settings.clientSecret, "client_secret"), grant: .clientCredentials,
                scopes: settings.scopes ?? [], transport: transport, timeout: timeout
            )
            return bearerTokens(from: fetcher, rotation: nil)
        case .session(let settings):
            return try session(settings, config: config, baseURL: baseURL, context: context)
        case .select(let key, let options):
            let chosen = FieldPath(parsing: key).segments.reduce(Optional(config)) { $0?[$1] }
            let name = chosen.map(RequestDraft.text(of:)) ?? ""
            guard let option = options[name] else {
                let known = options.keys.sorted()
                let hint = NearestName.suggest(for: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
                throw AuthError("config.\(key) is '\(name)', which selects no auth; choose one of \(known.joined(separator: ", "))\(hint)")
            }
            return try make(option, config: config, baseURL: baseURL)
        case .awsSigV4(let settings):
            let token = try settings.sessionToken.map { text throws(AuthError) in try render(text, "session_token") }
            let signer = AWSSignatureV4(
                accessKeyID: try render(settings.accessKeyID, "access_key_id"),
                secretAccessKey: try render(settings.secretAccessKey, "secret_access_key"), sessionToken: token,
                region: try render(settings.region, "region"), service: settings.service)
            return AWSSigV4Authenticator(signer: signer, clock: clock)
        case .hmacSignature(let settings):
            return HMACSignatureAuthenticator(
                header: settings.header, algorithm: settings.algorithm, encoding: settings.encoding,
                prefix: settings.prefix ?? "", secret: try render(settings.secret, "secret"),
                timestampHeader: settings.timestampHeader, clock: clock)
        }
    }

    private func bearerTokens(from fetcher: OAuth2TokenFetcher, rotation: (@Sendable (String) async -> Void)?) -> TokenAuthenticator {
        TokenAuthenticator(fetcher: fetcher, clock: clock, onRotatedRefreshToken: rotation) { token in
            CredentialPlacement(.header("Authorization"), "Bearer \(token)")
        }
    }

    private func session(
        _ settings: SessionAuth, config: JSONValue, baseURL: String, context: EvaluationContext
    ) throws(AuthError) -> TokenAuthenticator {
        let login: HTTPRequestData
        do {
            login = try CompiledRequest(settings.login, baseURL: baseURL).render(in: context).build()
        } catch {
            throw AuthError("auth.login: \(error.description)")
        }
        let lifetime = settings.expires.flatMap(DurationParser.seconds)
        let secrets = (login.body.map { [String(decoding: $0, as: UTF8.self)] } ?? []) + login.headers.map(\.value)
        let fetcher = SessionTokenFetcher(
            login: login, tokenPath: settings.tokenPath, lifetime: lifetime, secrets: secrets, transport: transport, timeout: timeout
        )
        let use = settings.use
        let names: Set<String> = if case .query(let name) = use.in { [name] } else { [] }
        return TokenAuthenticator(fetcher: fetcher, clock: clock, queryParameterNames: names) { token in
            CredentialPlacement(use.in, (use.prefix ?? "") + token)
        }
    }
}
