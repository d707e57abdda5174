import Foundation
import KontorCore
import XCTest

@testable import KontorTesting

final class TypeformEmulatorTests: XCTestCase {
    private let auth = ["Authorization": "Bearer tfp_emulator"]

    private func start(count: Int = 100, configuration: TypeformConfiguration = .init(requestsPerSecond: 1000), clock: SteppingClock = SteppingClock()) async throws -> TypeformEmulator {
        try await TypeformEmulator.start(dataSet: CustomerDataSet(seed: 51, count: count), configuration: configuration, clock: clock)
    }

    private func url(_ forms: TypeformEmulator, _ query: String) -> String {
        forms.baseURL.absoluteString + "/forms/kTf0rm01/responses?" + query
    }

    func testAfterTokenPagingYieldsEveryResponseOnce() async throws {
        let forms = try await start()
        var query = "page_size=40&sort=submitted_at,asc"
        var tokens: [String] = []
        var submitted: [String] = []
        while true {
            let reply = try await LoopbackClient.get(url(forms, query), headers: auth)
            XCTAssertEqual(reply.status, 200)
            let items = reply.json["items"]?.arrayValue ?? []
            if items.isEmpty { break }
            tokens += items.compactMap { $0["token"]?.stringValue }
            submitted += items.compactMap { $0["submitted_at"]?.stringValue }
            query = "page_size=40&after=" + (tokens.last ?? "")
        }
        await forms.stop()
        XCTAssertEqual(tokens.count, 100)
        XCTAssertEqual(Set(tokens).count, 100)
        XCTAssertEqual(submitted, submitted.sorted())
    }

    func testPageSizeCapAndAuthAndUnknownForm() async throws {
        let forms = try await start(count: 3)
        let tooBig = try await LoopbackClient.get(url(forms, "page_size=1001"), headers: auth)
        let unauthorized = try await LoopbackClient.get(url(forms, ""), headers: ["Authorization": "Bearer x"])
        let unknown = try await LoopbackClient.get(forms.baseURL.absoluteString + "/forms/nope/responses", headers: auth)
        await forms.stop()
        XCTAssertEqual(tooBig.status, 400)
        XCTAssertEqual(tooBig.json["code"], "VALIDATION_ERROR")
        XCTAssertEqual(tooBig.json["details"]?[0]?["field"], "page_size")
        XCTAssertEqual(unauthorized.status, 401)
        XCTAssertEqual(unauthorized.json["code"], "AUTHENTICATION_FAILED")
        XCTAssertEqual(unknown.status, 404)
        XCTAssertEqual(unknown.json["code"], "FORM_NOT_FOUND")
    }

    func testSinceReturnsOnlyResubmittedResponsesWithEveryAnswerType() async throws {
        let forms = try await start(count: 60)
        let touched = forms.data.touch(5)
        let since = EmulatorTimestamp.format(forms.data.snapshot.baseDate, .zulu)
        let reply = try await LoopbackClient.get(url(forms, "since=\(since)&page_size=1000"), headers: auth)
        await forms.stop()
        let items = reply.json["items"]?.arrayValue ?? []
        XCTAssertEqual(reply.json["total_items"]?.intValue, 5)
        XCTAssertEqual(Set(items.compactMap { $0["hidden"]?["customer_id"]?.stringValue }), Set(touched.map(String.init)))
        let types = Set(items.flatMap { $0["answers"]?.arrayValue ?? [] }.compactMap { $0["type"]?.stringValue })
        XCTAssertTrue(["email", "text", "choice", "choices", "number", "boolean"].allSatisfy(types.contains), "\(types)")
        let fieldTypes = Set(items.flatMap { $0["answers"]?.arrayValue ?? [] }.compactMap { $0["field"]?["type"]?.stringValue })
        XCTAssertTrue(fieldTypes.contains("opinion_scale"))
        let emails = Set(forms.data.snapshot.people.filter { touched.contains($0.id) }.map(\.email))
        let answered = items.compactMap { item in item["answers"]?.arrayValue?.first { $0["type"] == "email" }?["email"]?.stringValue }
        XCTAssertEqual(Set(answered), emails)
    }

    func testRateLimitAnswers429() async throws {
        let clock = SteppingClock()
        let forms = try await start(count: 2, configuration: TypeformConfiguration(), clock: clock)
        var statuses: [Int] = []
        for _ in 1...3 { statuses.append(try await LoopbackClient.get(url(forms, ""), headers: auth).status) }
        clock.advance(by: 1)
        statuses.append(try await LoopbackClient.get(url(forms, ""), headers: auth).status)
        await forms.stop()
        XCTAssertEqual(statuses, [200, 200, 429, 200])
        XCTAssertEqual(forms.log.throttledResponses, 1)
    }
}
