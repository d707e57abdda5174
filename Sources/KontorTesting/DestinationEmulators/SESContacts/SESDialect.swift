import Foundation
import KontorCore
import Synchronization

/// SES v2 (rest-json): a SigV4 `Authorization` header checked for presence and shape
/// (`AWS4-HMAC-SHA256 Credential=<key>/<yyyymmdd>/<region>/ses/aws4_request, SignedHeaders=…, Signature=<64 hex>`
/// with `X-Amz-Date`), `{"message"}` bodies with the type in `x-amzn-ErrorType`, and 429
/// `TooManyRequestsException` above the request rate.
final class SESDialect: EmulatorDialect {
    let configuration: SESConfiguration
    private let window: Mutex<SlidingWindow>

    init(configuration: SESConfiguration) {
        self.configuration = configuration
        window = Mutex(SlidingWindow(limit: configuration.requestsPerSecond, window: 1))
    }

    static func error(_ type: String, _ message: String, status: Int) -> EmulatorReply {
        .json(["message": .string(message)], status: status, headers: [("x-amzn-ErrorType", type), ("x-amzn-RequestId", UUID().uuidString.lowercased())])
    }

    func authenticate(_ request: EmulatorRequest) -> EmulatorReply? {
        guard let header = request.header("authorization") else {
            return Self.error("MissingAuthenticationTokenException", "Missing Authentication Token", status: 403)
        }
        guard let signature = SigV4Header(header), request.header("x-amz-date").map(SigV4Header.isAmzDate) == true else {
            return Self.error("IncompleteSignatureException", "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature', and X-Amz-Date must be yyyyMMdd'T'HHmmss'Z'.", status: 403)
        }
        guard signature.accessKeyID == configuration.accessKeyID else { return unauthorizedReply(request) }
        guard signature.region == configuration.region, signature.service == "ses" else {
            return Self.error("InvalidSignatureException", "Credential should be scoped to a valid region and the service 'ses'.", status: 403)
        }
        return nil
    }

    func unauthorizedReply(_ request: EmulatorRequest) -> EmulatorReply {
        Self.error("UnrecognizedClientException", "The security token included in the request is invalid.", status: 403)
    }

    func throttledReply(_ request: EmulatorRequest, endpoint: String) -> EmulatorReply {
        Self.error("TooManyRequestsException", "Too Many Requests", status: 429)
    }

    func serverErrorReply(status: Int, request: EmulatorRequest) -> EmulatorReply {
        Self.error(status == 503 ? "ServiceUnavailable" : "InternalFailure", "The request processing has failed because of an unknown error.", status: status)
    }

    func admit(_ request: EmulatorRequest, endpoint: String) -> Admission {
        window.withLock { $0.take(at: request.receivedAt).admitted } ? .admitted(headers: []) : .throttled(throttledReply(request, endpoint: endpoint))
    }
}

/// The parts of a SigV4 `Authorization` header (shape only; the signature is not recomputed).
struct SigV4Header {
    var accessKeyID: String
    var date: String
    var region: String
    var service: String
    var signedHeaders: [String]

    init?(_ header: String) {
        guard header.hasPrefix("AWS4-HMAC-SHA256 ") else { return nil }
        var parts: [String: String] = [:]
        for piece in header.dropFirst("AWS4-HMAC-SHA256 ".count).split(separator: ",") {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { parts[String(pair[0])] = String(pair[1]) }
        }
        let scope = (parts["Credential"] ?? "").split(separator: "/").map(String.init)
        guard scope.count == 5, scope[4] == "aws4_request", scope[1].count == 8, scope[1].allSatisfy(\.isNumber),
            let signed = parts["SignedHeaders"], signed.split(separator: ";").contains("host"),
            let signature = parts["Signature"], Digests.isSHA256Hex(signature), signature == signature.lowercased()
        else { return nil }
        accessKeyID = scope[0]
        date = scope[1]
        region = scope[2]
        service = scope[3]
        signedHeaders = signed.split(separator: ";").map(String.init)
    }

    /// `20250101T120000Z`.
    static func isAmzDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return false }
        return (bytes[0..<8] + bytes[9..<15]).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
