import Foundation
import KontorCore
import KontorHTTP
import Synchronization

/// A small in-process shop API: customers sorted by id, `updated_at_min`
/// (inclusive), `limit`, Link-header paging with an opaque `page_info`, and
/// knobs to touch records and to break a given request's body.
final class FakeShop: Sendable {
    struct Customer: Sendable {
        var id: Int
        var updatedAt: Date
    }

    private let state: Mutex<(customers: [Customer], malformedRequests: Set<Int>)>
    let base = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01

    init(count: Int) {
        let base = self.base
        state = Mutex(((1...count).map { Customer(id: $0, updatedAt: base.addingTimeInterval(Double($0) * 60)) }, []))
    }

    /// Gives `ids` a new `updated_at`.
    func touch(_ ids: [Int], at date: Date) {
        state.withLock { state in
            for index in state.customers.indices where ids.contains(state.customers[index].id) { state.customers[index].updatedAt = date }
        }
    }

    /// Request number `number` (1-based, counted by the transport) gets a cut body.
    func breakRequest(_ number: Int) {
        state.withLock { _ = $0.malformedRequests.insert(number) }
    }

    func transport() -> FakeTransport {
        FakeTransport { request, number in self.answer(request, number: number) }
    }

    private func answer(_ request: HTTPRequestData, number: Int) -> HTTPResponseData {
        let (customers, broken) = state.withLock { ($0.customers, $0.malformedRequests.contains(number)) }
        var offset = 0
        var minimum = request.query("updated_at_min")
        if let info = request.query("page_info") {
            let parts = info.split(separator: "~", maxSplits: 1).map(String.init)
            offset = Int(parts[0]) ?? 0
            minimum = parts.count > 1 ? parts[1] : nil
        }
        let limit = Int(request.query("limit") ?? "50") ?? 50
        let floor = minimum.flatMap { DateFormat.rfc3339.date(from: $0) } ?? .distantPast
        let matching = customers.filter { $0.updatedAt >= floor }
        let slice = matching.dropFirst(offset).prefix(limit)
        let records = JSONValue.array(slice.map {
            ["id": .int($0.id), "email": .string("c\($0.id)@example.com"), "updated_at": .string(DateFormat.rfc3339.string(from: $0.updatedAt))]
        })
        var headers: [HTTPHeader] = []
        if offset + limit < matching.count {
            let info = "\(offset + limit)~\(minimum ?? "")"
            headers.append(HTTPHeader("Link", #"<https://shop.test/admin/customers.json?limit=\#(limit)&page_info=\#(PercentEncoding.encode(info))>; rel="next""#))
        }
        var response = FakeTransport.json(["customers": records], headers: headers)
        if broken { response.body = Array(response.body.prefix(response.body.count / 2)) }
        return response
    }
}
