import XCTest

@testable import KontorTesting

final class FaultPlanTests: XCTestCase {
    private func fired(_ plan: FaultPlan, endpoint: String = "customers", requests: Int) -> [Int] {
        (1...requests).compactMap { number in plan.fault(forEndpoint: endpoint) == nil ? nil : number }
    }

    func testTriggersFireOnTheConfiguredRequests() {
        let table: [(FaultTrigger, Int?, [Int])] = [
            (.requests([2, 3]), nil, [2, 3]),
            (.everyNth(3), nil, [3, 6, 9]),
            (.always, 2, [1, 2]),
            (.requests([1, 5, 9]), 2, [1, 5]),
            (.everyNth(0), nil, []),
        ]
        for (trigger, limit, expected) in table {
            let plan = FaultPlan()
            plan.add(FaultRule(.serverError(status: 503), on: trigger, limit: limit))
            XCTAssertEqual(fired(plan, requests: 10), expected, "\(trigger) limit \(String(describing: limit))")
        }
    }

    func testShareIsDeterministicAndRoughlyTheShare() {
        let first = FaultPlan(seed: 7)
        let second = FaultPlan(seed: 7)
        first.add(FaultRule(.rateLimited, on: .share(0.25)))
        second.add(FaultRule(.rateLimited, on: .share(0.25)))
        let a = fired(first, requests: 400)
        XCTAssertEqual(a, fired(second, requests: 400))
        XCTAssertTrue((60...140).contains(a.count), "got \(a.count) of 400")
    }

    func testEndpointFilterCountsOnlyThatEndpoint() {
        let plan = FaultPlan()
        plan.add(FaultRule(.truncatedBody, on: .requests([2]), endpoint: "orders"))
        XCTAssertNil(plan.fault(forEndpoint: "customers"))
        XCTAssertNil(plan.fault(forEndpoint: "orders"))
        XCTAssertNil(plan.fault(forEndpoint: "customers"))
        XCTAssertEqual(plan.fault(forEndpoint: "orders"), .truncatedBody)
    }

    func testFirstMatchingRuleWinsAndRemoveAllClears() {
        let plan = FaultPlan()
        plan.add(FaultRule(.unauthorized, on: .requests([1])))
        plan.add(FaultRule(.serverError(status: 500), on: .always))
        XCTAssertEqual(plan.fault(forEndpoint: "x"), .unauthorized)
        XCTAssertEqual(plan.fault(forEndpoint: "x"), .serverError(status: 500))
        XCTAssertEqual(plan.rules.count, 2)
        plan.removeAll()
        XCTAssertNil(plan.fault(forEndpoint: "x"))
    }
}
