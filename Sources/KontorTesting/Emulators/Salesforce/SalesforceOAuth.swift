import Foundation
import KontorCore

/// `POST /services/oauth2/token` with `grant_type=refresh_token` (the web-server flow's refresh, as a
/// connected app uses it): the session token and the org's `instance_url`, or OAuth's error body.
struct SalesforceOAuth {
    let configuration: SalesforceConfiguration

    var endpoint: EmulatorEndpoint {
        EmulatorEndpoint("POST", "/services/oauth2/token", name: "oauth_token") { try token($0) }
    }

    func token(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let form = QueryParameters(raw: String(decoding: request.body, as: UTF8.self))
        guard form["grant_type"] == "refresh_token" else {
            throw EmulatorRejection(Self.error("unsupported_grant_type", "grant type not supported"))
        }
        guard form["client_id"] == configuration.clientID, form["client_secret"] == configuration.clientSecret else {
            throw EmulatorRejection(Self.error("invalid_client", "invalid client credentials"))
        }
        guard form["refresh_token"] == configuration.refreshToken else {
            throw EmulatorRejection(Self.error("invalid_grant", "expired access/refresh token"))
        }
        let issued = String(EmulatorTimestamp.epochMilliseconds(request.receivedAt))
        return .json([
            "access_token": .string(configuration.accessToken), "instance_url": .string(request.origin),
            "id": .string("\(request.origin)/id/00Demulator000001AAA/005emulator00001AAA"), "token_type": "Bearer",
            "issued_at": .string(issued), "signature": .string(Data(issued.utf8).base64EncodedString()),
        ])
    }

    /// OAuth's `{"error", "error_description"}` with status 400.
    static func error(_ code: String, _ description: String) -> EmulatorReply {
        .json(["error": .string(code), "error_description": .string(description)], status: 400)
    }
}
