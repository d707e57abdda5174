import Foundation
import KontorCore
import Synchronization

/// One delivery the receiver accepted.
public struct WebhookDelivery: Sendable, Hashable {
    /// Header values by lower-cased name.
    public var headers: [String: String]
    /// The body as JSON.
    public var body: JSONValue
    public var receivedAt: Date
}

/// What a ``WebhookReceiverEmulator`` was sent; thread-safe.
public final class WebhookInbox: Sendable {
    /// Records by `id`, as last pushed (removed by `remove` pushes and erase events).
    public let records = MemberStore<JSONValue>()
    let configuration: WebhookReceiverConfiguration
    let knobs: DestinationKnobs
    let log: RequestLog
    private let state = Mutex<(deliveries: [WebhookDelivery], erased: [String])>(([], []))

    init(configuration: WebhookReceiverConfiguration, knobs: DestinationKnobs, log: RequestLog) {
        self.configuration = configuration
        self.knobs = knobs
        self.log = log
    }

    /// Accepted deliveries, in order.
    public var deliveries: [WebhookDelivery] { state.withLock { $0.deliveries } }
    /// Ids named by erase events, in order.
    public var erasedIDs: [String] { state.withLock { $0.erased } }

    func receive(_ request: EmulatorRequest) throws(EmulatorRejection) -> EmulatorReply {
        guard let body = request.jsonBody(), body.objectValue != nil else {
            throw EmulatorRejection(WebhookReceiverDialect.error("the body must be a JSON object", status: 400))
        }
        if body["event"]?.stringValue == "erase" {
            let id = body["id"]?.stringValue ?? ""
            guard !id.isEmpty else { throw EmulatorRejection(WebhookReceiverDialect.error("erase needs an id", status: 400)) }
            records.remove(id)
            state.withLock { state in
                state.erased.append(id)
                state.deliveries.append(WebhookDelivery(headers: request.headers, body: body, receivedAt: request.receivedAt))
            }
            return .json(["received": 1, "errors": []])
        }
        guard let mode = body["mode"]?.stringValue, let items = body["records"]?.arrayValue else {
            throw EmulatorRejection(WebhookReceiverDialect.error("expected {mode, records} or {event: erase}", status: 400))
        }
        if let maximum = configuration.maxRecordsPerRequest {
            try BatchLimit(maximum: maximum, endpoint: "deliveries").check(items.count, log: log) {
                WebhookReceiverDialect.error("at most \(maximum) records per request", status: 413)
            }
        }
        var errors: [JSONValue] = []
        for item in items {
            guard let id = item["id"]?.stringValue, !id.isEmpty else {
                errors.append(["id": .null, "message": "record without id"])
                continue
            }
            if let reason = knobs.rejection(for: id) {
                errors.append(["id": .string(id), "message": .string(reason)])
                continue
            }
            if mode == "remove" { records.remove(id) } else { records.put(id, item) }
        }
        state.withLock { $0.deliveries.append(WebhookDelivery(headers: request.headers, body: body, receivedAt: request.receivedAt)) }
        return .json(["received": .int(items.count), "errors": .array(errors)])
    }
}
