import Foundation
import KontorCore
import KontorHTTP
import KontorSQLite
import KontorStore
import KontorTesting
import XCTest

@testable import KontorRuntime

/// Page-number paging, Basic auth and a strftime datetime cursor against the
/// WooCommerce emulator on loopback.
final class WooCommercePullTests: XCTestCase {
    private static let plugin = #"""
    {"format":"kontor/v1","name":"woocommerce","spec":{"consumer_key":{"type":"secret"},"consumer_secret":{"type":"secret"}},
     "http":{"base_url":"https://shop.example/wp-json/wc/v3/",
       "auth":{"type":"basic","username":"{{ config.consumer_key }}","password":"{{ config.consumer_secret }}"},
       "retry":{"rules":[{"status":[401],"action":"fail","failure":"config_error","message":"Check consumer_key and consumer_secret"}]}},
     "streams":{"customers":{"primary_key":["id"],
       "request":{"path":"customers","query":{"orderby":"id","order":"asc","dates_are_gmt":"true"}},
       "paginate":{"type":"page","page_size":25,"page_param":{"query":"page"},"size_param":{"query":"per_page"}},
       "incremental":{"type":"datetime","field":"date_modified_gmt","format":"%Y-%m-%dT%H:%M:%S","start":"2006-01-01T00:00:00",
                      "start_param":{"query":"modified_after"}},
       "emit":[{"type":"identify","user_id":"{{ record.id | string }}","identifiers":{"email":"{{ record.email }}"},"traits":{"email":"$.email"}}]}}}
    """#

    func testPagesThenIncremental() async throws {
        let clock = RecordingClock(now: Date(timeIntervalSince1970: 1_767_225_600))
        let shop = try await WooCommerceEmulator.start(dataSet: CustomerDataSet(seed: 3, count: 120), clock: clock.manual)
        let transport = AsyncHTTPTransport()
        let store = try await PluginFixture.store()
        func runner(secret: String = "cs_emulator") throws -> SourceRunner {
            try SourceRunner(
                source: "woo", plugin: try PluginFixture.plugin(Self.plugin),
                config: ["consumer_key": "ck_emulator", "consumer_secret": .string(secret)], store: store, history: store,
                transport: transport, clock: clock, options: PullOptions(baseURL: shop.apiBaseURL.absoluteString + "/")
            )
        }
        do {
            let first = try await runner().run()
            XCTAssertEqual(first.total.records, 120)
            XCTAssertEqual(first.total.messages, 120)
            XCTAssertEqual(first.total.pages, 5, "4 full pages of 25 and a short one")

            let touched = shop.data.touch(4, at: Date(timeIntervalSince1970: 1_760_000_000))
            let second = try await runner().run()
            XCTAssertEqual(second.total.records, touched.count, "modified_after is exclusive: only the touched customers")
            XCTAssertEqual(second.total.messages, touched.count)

            let failing = try runner(secret: "cs_wrong")
            do throws(PullError) {
                _ = try await failing.run()
                XCTFail("expected a failure")
            } catch {
                XCTAssertEqual(error.request?.status, 401)
                XCTAssertTrue(error.description.contains("Check consumer_key and consumer_secret"), error.description)
                XCTAssertFalse(error.description.contains("cs_wrong"))
            }
        } catch {
            XCTFail("\(error)")
        }
        try await transport.shutdown()
        await shop.stop()
    }
}
