import Foundation

/// Segment-shaped request bodies for `kontor bench ingest`: a ~500-byte `track`
/// event with nested properties and context, alone (`/v1/track`) or `size` to a
/// `/v1/batch`. Every event gets a new `messageId`, so nothing is deduplicated away.
struct BenchIngestBodies: Sendable {
    /// Events per `/v1/batch` body.
    var batchSize: Int

    /// The body of request `number` of client `client` in run `run`, and how many events it carries.
    func body(batch: Bool, run: String, client: Int, number: Int) -> (bytes: [UInt8], events: Int) {
        let prefix = "\(run)-\(client)-\(number)"
        guard batch else { return (Array(Self.event(id: prefix, user: number + client).utf8), 1) }
        var text = #"{"sentAt":"2026-05-01T12:00:01.000Z","batch":["#
        text.reserveCapacity(batchSize * 520 + 64)
        for index in 0..<batchSize {
            if index > 0 { text += "," }
            text += Self.event(id: "\(prefix)-\(index)", user: number * batchSize + index)
        }
        text += "]}"
        return (Array(text.utf8), batchSize)
    }

    static func event(id: String, user: Int) -> String {
        #"{"type":"track","messageId":"\#(id)","userId":"user-\#(user % 50_000)","event":"Order Completed","#
            + #""timestamp":"2026-05-01T12:00:00.000Z","properties":{"order_id":"o-\#(id)","total":42.5,"currency":"EUR","#
            + #""products":[{"sku":"SKU-1042","name":"Espresso beans 1 kg","price":19.9,"quantity":2}],"coupon":null},"#
            + #""context":{"library":{"name":"analytics-python","version":"2.3.3"},"ip":"203.0.113.7","#
            + #""userAgent":"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0","locale":"de-DE"}}"#
    }
}
