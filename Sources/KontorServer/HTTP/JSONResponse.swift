import Hummingbird
import KontorCore

/// Builds `application/json` responses from ``JSONValue``s.
enum JSONResponse {
    /// `{"success": true}`: the body Segment's tracking API answers accepted calls with.
    static let success: JSONValue = ["success": true]

    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: value.serialized())))
    }
}
