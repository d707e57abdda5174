import Foundation
import KontorCore

/// The `aws_sigv4` auth kind: every request is signed with AWS Signature
/// Version 4 (``AWSSignatureV4``) at the clock's time, over the body that
/// ``RequestDraft/build()`` produces. Static keys: nothing to refresh.
///
/// ```swift
/// let auth = AWSSigV4Authenticator(signer: AWSSignatureV4(accessKeyID: "AKID…", secretAccessKey: "…",
///                                                         region: "eu-central-1", service: "ses"), clock: SystemClock())
/// let signed = try await auth.authenticate(draft)   // X-Amz-Date and Authorization set
/// ```
public struct AWSSigV4Authenticator: RequestAuthenticator {
    public let signer: AWSSignatureV4
    public let clock: any KontorClock

    public init(signer: AWSSignatureV4, clock: any KontorClock) {
        self.signer = signer
        self.clock = clock
    }

    public func authenticate(_ draft: RequestDraft) async throws(AuthError) -> AuthenticatedDraft {
        var draft = draft
        let request: HTTPRequestData
        do {
            request = try draft.build()
        } catch {
            throw AuthError("cannot sign the request: \(error.description)")
        }
        let headers: [(String, String)]
        do {
            headers = try signer.headers(method: request.method, url: request.url, body: request.body ?? [], date: clock.now)
        } catch {
            throw AuthError("cannot sign the request: '\(RequestURL.withoutQuery(error.url))' is not a URL with a host")
        }
        for (name, value) in headers { draft.setHeader(name, value) }
        return AuthenticatedDraft(draft)
    }

    public func refresh(generation: Int) async throws(AuthError) -> Bool { false }

    public var queryParameterNames: Set<String> { [] }

    public func secrets() async -> [String] {
        [signer.secretAccessKey] + (signer.sessionToken.map { $0.isEmpty ? [] : [$0] } ?? [])
    }
}
