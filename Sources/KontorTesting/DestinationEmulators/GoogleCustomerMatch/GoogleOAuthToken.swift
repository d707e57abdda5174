import Foundation
import KontorCore

/// `POST /token` (Google's `https://oauth2.googleapis.com/token`): a form with
/// `grant_type=refresh_token`, `client_id`, `client_secret`, `refresh_token` → `{access_token, expires_in, token_type}`,
/// so `oauth2_refresh` auth works against the emulator (set the plugin's `token_url` to `<baseURL>/token`).
struct GoogleOAuthToken {
    static let path = "/token"
    let configuration: GoogleAdsConfiguration

    func respond(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        let form = QueryParameters(raw: String(decoding: request.body, as: UTF8.self))
        var clientID = form["client_id"]
        var clientSecret = form["client_secret"]
        if let basic = request.basicCredentials { (clientID, clientSecret) = (basic.user, basic.password) }
        guard form["grant_type"] == "refresh_token" else {
            throw EmulatorRejection(.json(["error": "unsupported_grant_type", "error_description": "Invalid grant_type"], status: 400))
        }
        guard clientID == configuration.clientID, clientSecret == configuration.clientSecret else {
            throw EmulatorRejection(.json(["error": "invalid_client", "error_description": "The OAuth client was not found."], status: 401))
        }
        guard form["refresh_token"] == configuration.refreshToken else {
            throw EmulatorRejection(.json(["error": "invalid_grant", "error_description": "Token has been expired or revoked."], status: 400))
        }
        return .json([
            "access_token": .string(configuration.accessToken), "expires_in": 3599, "token_type": "Bearer",
            "scope": "https://www.googleapis.com/auth/adwords",
        ])
    }
}
