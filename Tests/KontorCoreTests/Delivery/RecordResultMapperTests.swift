import Foundation
import KontorCore
import XCTest

final class RecordResultMapperTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_750_000_000)

    private func mapper(_ resultJSON: String?, invalidCount: String? = nil) throws -> RecordResultMapper {
        let result = try resultJSON.map { try JSONDecoder().decode(ActionResult.self, from: Data($0.utf8)) }
        return RecordResultMapper(result: result, invalidCountPath: invalidCount.map(FieldPath.init(parsing:)))
    }

    private func body(_ json: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
    }

    private func perRecord(_ outcome: BatchOutcome, file: StaticString = #filePath, line: UInt = #line) -> RecordResults? {
        guard case .perRecord(let results) = outcome else {
            XCTFail("expected per-record results, got \(outcome)", file: file, line: line)
            return nil
        }
        return results
    }

    private let emails: [JSONValue] = ["a@x.io", "b@x.io", "c@x.io", "d@x.io"].map { ["email_address": .string($0)] }

    // MARK: - API shapes

    func testMailchimpErrorsMatchedByEmail() throws {
        let mapper = try mapper(#"{"errors": {"path": "errors", "key": "email_address", "field": "email_address", "message": "error", "code": "error_code", "retry_codes": ["ERROR_TEMPORARY"]}}"#)
        let response = HTTPResponseFacts(status: 200, body: try body("""
            {"new_members": [{"email_address": "a@x.io"}], "updated_members": [], "error_count": 2, "total_created": 1,
             "errors": [{"email_address": "B@X.io ", "error": "b@x.io looks fake or invalid", "error_code": "ERROR_GENERIC", "field": "email_address"},
                        {"email_address": "d@x.io", "error": "try again", "error_code": "ERROR_TEMPORARY"},
                        {"email_address": "zz@x.io", "error": "not in this batch", "error_code": "ERROR_GENERIC"}]}
            """))
        let results = try XCTUnwrap(perRecord(mapper.map(response, records: emails, now: now)))
        XCTAssertEqual(results.outcomes, [
            .delivered,
            .failed(RecordFailure("b@x.io looks fake or invalid", code: "ERROR_GENERIC")),
            .delivered,
            .retry(RecordFailure("try again", code: "ERROR_TEMPORARY")),
        ])
        XCTAssertEqual(results.unmatchedErrors.map(\.message), ["not in this batch"])
    }

    func testHubSpotMultiStatusContextIDs() throws {
        let mapper = try mapper(#"{"errors": {"path": "errors", "key": "context.ids", "field": "id", "message": "message", "code": "category"}}"#)
        let records: [JSONValue] = ["a@x.io", "b@x.io", "c@x.io"].map { ["id": .string($0), "idProperty": "email"] }
        let response = HTTPResponseFacts(status: 207, body: try body("""
            {"status": "COMPLETE", "results": [{"id": "1"}], "numErrors": 1,
             "errors": [{"status": "error", "category": "VALIDATION_ERROR", "message": "Property values were not valid",
                         "context": {"ids": ["b@x.io", "c@x.io"]}}]}
            """))
        let results = try XCTUnwrap(perRecord(mapper.map(response, records: records, now: now)))
        let failure = RecordFailure("Property values were not valid", code: "VALIDATION_ERROR")
        XCTAssertEqual(results.outcomes, [.delivered, .failed(failure), .failed(failure)])
    }

    func testBrevoFailureList() throws {
        let mapper = try mapper(#"{"errors": {"path": "contacts.failure", "key": "$", "field": "email"}}"#)
        let records: [JSONValue] = ["a@x.io", "b@x.io", "c@x.io"].map { ["email": .string($0)] }
        let response = HTTPResponseFacts(status: 201, body: try body(
            #"{"contacts": {"success": ["a@x.io", "c@x.io"], "failure": ["b@x.io"], "total": 3}}"#))
        let results = try XCTUnwrap(perRecord(mapper.map(response, records: records, now: now)))
        XCTAssertEqual(results.outcomes.map(\.isDelivered), [true, false, true])
        XCTAssertEqual(results.outcomes[1], .failed(RecordFailure("rejected by the destination: b@x.io")))
    }

    func testMetaInvalidEntriesCountOnly() throws {
        let mapper = try mapper(nil, invalidCount: "num_invalid_entries")
        let response = HTTPResponseFacts(status: 200, body: try body(
            #"{"audience_id": "23850", "session_id": "9", "num_received": 4, "num_invalid_entries": 2, "invalid_entry_samples": {}}"#))
        let results = try XCTUnwrap(perRecord(mapper.map(response, records: emails, now: now)))
        XCTAssertEqual(results.outcomes, Array(repeating: .delivered, count: 4))
        XCTAssertEqual(results.invalidCount, 2)
    }

    func testGooglePartialFailureByOperationIndex() throws {
        let mapper = try mapper("""
            {"errors": {"path": "partialFailureError.details.*.errors", "index": "location.fieldPathElements.0.index",
                        "message": "message", "code": "errorCode.offlineUserDataJobError"}}
            """)
        let response = HTTPResponseFacts(status: 200, body: try body("""
            {"partialFailureError": {"code": 3, "message": "Multiple errors in details.",
              "details": [{"@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
                "errors": [
                  {"errorCode": {"offlineUserDataJobError": "INVALID_SHA256_FORMAT"}, "message": "The SHA256 encoded value is malformed.",
                   "location": {"fieldPathElements": [{"fieldName": "operations", "index": 1}, {"fieldName": "create"}]}},
                  {"errorCode": {"offlineUserDataJobError": "INVALID_SHA256_FORMAT"}, "message": "The SHA256 encoded value is malformed.",
                   "location": {"fieldPathElements": [{"fieldName": "operations", "index": 3}]}},
                  {"errorCode": {"offlineUserDataJobError": "X"}, "message": "out of range",
                   "location": {"fieldPathElements": [{"fieldName": "operations", "index": 9}]}}]}]}}
            """))
        let results = try XCTUnwrap(perRecord(mapper.map(response, records: emails, now: now)))
        let failure = RecordFailure("The SHA256 encoded value is malformed.", code: "INVALID_SHA256_FORMAT")
        XCTAssertEqual(results.outcomes, [.delivered, .failed(failure), .delivered, .failed(failure)])
        XCTAssertEqual(results.unmatchedErrors.map(\.message), ["out of range"])
    }

    func testParallelItemsWithSuccessCondition() throws {
        let mapper = try mapper(#"{"items": {"path": "results", "success_when": "{{ item.status == 'ok' }}", "message": "detail"}}"#)
        let response = HTTPResponseFacts(status: 200, body: try body(
            #"{"results": [{"status": "ok"}, {"status": "error", "detail": "bad phone"}, {"status": "ok"}]}"#))
        let results = try XCTUnwrap(perRecord(mapper.map(response, records: emails, now: now)))
        XCTAssertEqual(results.outcomes[0], .delivered)
        XCTAssertEqual(results.outcomes[1], .failed(RecordFailure("bad phone")))
        XCTAssertEqual(results.outcomes[2], .delivered)
        guard case .retry = results.outcomes[3] else { return XCTFail("a record without a result item is retried") }
    }

    func testNoResultConfigMeansAllDelivered() throws {
        let outcome = try mapper(nil).map(HTTPResponseFacts(status: 204), records: emails, now: now)
        XCTAssertEqual(outcome, .perRecord(.allDelivered(4)))
    }

    // MARK: - Whole-batch statuses

    func testWholeBatchStatusTable() throws {
        let mapper = try mapper(#"{"success_status": [200, 207]}"#)
        let table: [(status: Int, headers: [String: String], count: Int, expected: String)] = [
            (500, [:], 4, "retry nil"),
            (503, ["Retry-After": "120"], 4, "retry 120"),
            (429, ["Retry-After": "7"], 4, "retry 7"),
            (429, [:], 4, "retry nil"),
            (408, [:], 1, "retry nil"),
            (401, [:], 4, "retry config_error"),
            (403, [:], 4, "retry config_error"),
            (400, [:], 4, "bisect 0..<2 2..<4"),
            (413, [:], 3, "bisect 0..<1 1..<3"),
            (400, [:], 1, "failed"),
            (202, [:], 2, "bisect 0..<1 1..<2"),
            (207, [:], 2, "delivered"),
        ]
        for (status, headers, count, expected) in table {
            let response = HTTPResponseFacts(status: status, headers: headers)
            let outcome = mapper.map(response, records: Array(emails.prefix(count)), now: now)
            XCTAssertEqual(Self.summary(outcome), expected, "HTTP \(status)")
        }
    }

    func testLoneRecordRejectionCarriesTheResponseDetail() throws {
        let response = HTTPResponseFacts(status: 400, body: try body(
            #"{"type": "https://mailchimp.com/developer/marketing/docs/errors/", "title": "Invalid Resource", "status": 400, "detail": "Please provide a valid email address."}"#))
        let outcome = try mapper(nil).map(response, records: [emails[0]], now: now)
        XCTAssertEqual(outcome, .perRecord(RecordResults(outcomes: [
            .failed(RecordFailure("HTTP 400: request rejected: Please provide a valid email address.")),
        ])))
    }

    func testPluginClassificationWins() throws {
        let ignore = ResponseClassification(action: .ignore, message: "member already gone")
        let outcome = try mapper(nil).map(HTTPResponseFacts(status: 404), records: emails, classification: ignore, now: now)
        XCTAssertEqual(outcome, .perRecord(.allDelivered(4)))
    }

    func testTransportFailureRetriesEverything() throws {
        let outcome = try mapper(nil).map(TransportFailure(.timeout, "no answer in 30s"), count: 4)
        XCTAssertEqual(outcome, .retryAll(RecordFailure("timeout failure: no answer in 30s", failure: .transientError), serverWait: nil))
    }

    private static func summary(_ outcome: BatchOutcome) -> String {
        switch outcome {
        case .retryAll(let failure, let wait):
            if failure.failure == .configError { return "retry config_error" }
            return "retry \(wait.map { String(Int($0)) } ?? "nil")"
        case .bisect(_, let halves):
            return "bisect " + halves.map { "\($0.lowerBound)..<\($0.upperBound)" }.joined(separator: " ")
        case .perRecord(let results):
            if results.outcomes.allSatisfy(\.isDelivered) { return "delivered" }
            if results.outcomes.allSatisfy({ if case .failed = $0 { true } else { false } }) { return "failed" }
            return "mixed"
        }
    }
}

extension RecordResultMapperTests {
    func testOutcomesPerRecordForTheWorker() {
        let failure = RecordFailure("HTTP 503: server error", failure: .transientError)
        XCTAssertEqual(BatchOutcome.retryAll(failure, serverWait: 9).recordOutcomes(count: 2), [.retry(failure), .retry(failure)])
        XCTAssertEqual(BatchOutcome.retryAll(failure, serverWait: 9).serverWait, 9)
        XCTAssertNil(BatchOutcome.bisect(failure, halves: [0..<1, 1..<2]).recordOutcomes(count: 2))
        XCTAssertEqual(BatchOutcome.perRecord(.allDelivered(2)).recordOutcomes(count: 2), [.delivered, .delivered])
    }
}
