import Foundation
import Synchronization

/// The live, mutable data set behind a running emulator; thread-safe.
///
/// Tests touch records through it while the server runs:
///
/// ```swift
/// let touched = shopify.data.touch(5)
/// ```
public final class DataSetStore: Sendable {
    private let state: Mutex<CustomerDataSet>
    /// Indices into `orders` by customer id, built on first use; touches keep it valid.
    private let orderIndex = Mutex<[Int: [Int]]?>(nil)

    public init(_ dataSet: CustomerDataSet) {
        state = Mutex(dataSet)
    }

    /// A copy of the current data (cheap: copy-on-write arrays).
    public var snapshot: CustomerDataSet { state.withLock { $0 } }

    /// See ``CustomerDataSet/touch(_:at:)``.
    @discardableResult
    public func touch(_ count: Int, at date: Date? = nil) -> [Int] {
        state.withLock { $0.touch(count, at: date) }
    }

    /// See ``CustomerDataSet/touchOrders(_:at:)``.
    @discardableResult
    public func touchOrders(_ count: Int, at date: Date? = nil) -> [Int] {
        state.withLock { $0.touchOrders(count, at: date) }
    }

    /// Replaces the data set.
    public func replace(with dataSet: CustomerDataSet) {
        state.withLock { $0 = dataSet }
        orderIndex.withLock { $0 = nil }
    }

    /// The positions in ``CustomerDataSet/orders`` of each customer's orders, by customer id
    /// (built once, not per request: a shop of a million customers has more orders still).
    func orderIndicesByCustomer() -> [Int: [Int]] {
        if let index = orderIndex.withLock({ $0 }) { return index }
        let orders = snapshot.orders
        var index: [Int: [Int]] = [:]
        for position in orders.indices { index[orders[position].customerID, default: []].append(position) }
        orderIndex.withLock { $0 = index }
        return index
    }
}
