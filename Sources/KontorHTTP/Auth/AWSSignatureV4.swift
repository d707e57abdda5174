import Crypto
import Foundation

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`) for one request, in headers: the
/// canonical request (method, path, sorted query, signed headers, SHA-256 of the
/// body), the string to sign over the credential scope
/// (`<yyyymmdd>/<region>/<service>/aws4_request`), and the HMAC chain of the
/// signing key. Pure: the time is a parameter.
///
/// Signed headers are `host`, `x-amz-date` and, with temporary credentials,
/// `x-amz-security-token`. Paths are encoded once more as sent (AWS's rule for
/// every service but S3).
///
/// ```swift
/// let signer = AWSSignatureV4(accessKeyID: "AKID…", secretAccessKey: "…", region: "eu-central-1", service: "ses")
/// let headers = try signer.headers(method: "POST", url: url, body: body, date: now)
/// // [X-Amz-Date: 20250101T120000Z, Authorization: AWS4-HMAC-SHA256 Credential=AKID…/20250101/eu-central-1/ses/aws4_request, …]
/// ```
public struct AWSSignatureV4: Sendable {
    public var accessKeyID: String
    public var secretAccessKey: String
    /// Temporary credentials' token (`X-Amz-Security-Token`); nil or empty for long-term keys.
    public var sessionToken: String?
    public var region: String
    public var service: String

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, region: String, service: String) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.region = region
        self.service = service
    }

    /// Why a URL cannot be signed.
    public struct URLError: Error, Sendable, Hashable {
        public var url: String
    }

    /// The headers to add to the request: `X-Amz-Date`, `X-Amz-Security-Token` (temporary
    /// credentials) and `Authorization`.
    public func headers(method: String, url: String, body: [UInt8], date: Date) throws(URLError) -> [(String, String)] {
        guard let components = URLComponents(string: url), let host = components.host else { throw URLError(url: url) }
        let amzDate = Self.amzDate(date)
        var signed: [(String, String)] = [("host", Self.hostHeader(host: host, port: components.port, scheme: components.scheme))]
        signed.append(("x-amz-date", amzDate))
        let token = sessionToken.flatMap { $0.isEmpty ? nil : $0 }
        if let token { signed.append(("x-amz-security-token", token)) }
        let signature = self.signature(
            method: method, path: components.percentEncodedPath, query: components.percentEncodedQuery ?? "",
            headers: signed, payloadHash: Self.hex(Array(SHA256.hash(data: body))), amzDate: amzDate)
        var headers: [(String, String)] = [("X-Amz-Date", amzDate)]
        if let token { headers.append(("X-Amz-Security-Token", token)) }
        let names = signed.map(\.0).sorted().joined(separator: ";")
        headers.append((
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=\(accessKeyID)/\(scope(amzDate)), SignedHeaders=\(names), Signature=\(signature)"
        ))
        return headers
    }

    /// The hex signature of a request whose path and query are as sent (percent-encoded).
    public func signature(
        method: String, path: String, query: String, headers: [(String, String)], payloadHash: String, amzDate: String
    ) -> String {
        let request = Self.canonicalRequest(method: method, path: path, query: query, headers: headers, payloadHash: payloadHash)
        let stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope(amzDate), Self.hex(Array(SHA256.hash(data: Array(request.utf8))))]
            .joined(separator: "\n")
        let key = signingKey(date: String(amzDate.prefix(8)))
        return Self.hex(Self.hmac(key, stringToSign))
    }

    /// The derived key: HMAC chain over date, region, service and `aws4_request`.
    public func signingKey(date: String) -> [UInt8] {
        let dateKey = Self.hmac(Array("AWS4\(secretAccessKey)".utf8), date)
        return Self.hmac(Self.hmac(Self.hmac(dateKey, region), service), "aws4_request")
    }

    /// `<method>\n<path>\n<query>\n<headers>\n\n<signed names>\n<payload hash>`.
    public static func canonicalRequest(
        method: String, path: String, query: String, headers: [(String, String)], payloadHash: String
    ) -> String {
        let sorted = headers.map { ($0.0.lowercased(), $0.1.trimmingCharacters(in: .whitespaces)) }.sorted { $0.0 < $1.0 }
        let canonicalHeaders = sorted.map { "\($0.0):\($0.1)\n" }.joined()
        return [
            method.uppercased(), canonicalPath(path), canonicalQuery(query), canonicalHeaders,
            sorted.map(\.0).joined(separator: ";"), payloadHash,
        ].joined(separator: "\n")
    }

    /// The path as sent, encoded once more (`%40` → `%2540`); `/` when empty.
    static func canonicalPath(_ path: String) -> String {
        path.isEmpty ? "/" : encode(path, keepingSlash: true)
    }

    /// Query parameters decoded, encoded per RFC 3986, sorted by name then value.
    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&").map { item -> (String, String) in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            func decoded(_ text: String) -> String { (text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding) ?? text }
            return (encode(decoded(parts[0]), keepingSlash: false), encode(decoded(parts.count > 1 ? parts[1] : ""), keepingSlash: false))
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// RFC 3986 percent-encoding: everything but `A-Z a-z 0-9 - _ . ~` (and `/` when kept).
    static func encode(_ text: String, keepingSlash: Bool) -> String {
        var out = ""
        for byte in text.utf8 {
            let unreserved = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x7E || (keepingSlash && byte == 0x2F)
            out += unreserved ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        return out
    }

    /// `host` or `host:port` when the port is not the scheme's default.
    static func hostHeader(host: String, port: Int?, scheme: String?) -> String {
        guard let port else { return host }
        let standard = scheme?.lowercased() == "https" ? 443 : 80
        return port == standard ? host : "\(host):\(port)"
    }

    private func scope(_ amzDate: String) -> String {
        "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    public static func amzDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0, parts.second ?? 0)
    }

    static func hmac(_ key: [UInt8], _ message: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: key)))
    }

    /// Lower-case hex.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
