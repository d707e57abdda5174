import KontorConfig
import KontorCore
import KontorSQLite
import XCTest
@testable import KontorRuntime

/// The `file` plugin (`Plugins/file/plugin.yaml`) with the till and loyalty example of `docs/sources/file.md`.
final class FilePluginTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try FileFixture.folder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func plugin() throws -> PluginDefinition {
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (plugin, diagnostics) = PluginLoader.load(directory: repository.appendingPathComponent("Plugins/file"))
        XCTAssertEqual(diagnostics.map(\.description), [])
        return try XCTUnwrap(plugin)
    }

    func testTillExportBecomesOrderCompleted() async throws {
        try FileFixture.write("""
        Bon-Nr;Kunden-Nr;Artikel;Bezeichnung;Preis;Menge;Filiale;Datum
        4711;10023;SKU-1;Laufschuh Trail;89,95;1;Berlin Mitte;01.05.2024 17:02
        4711;10023;SKU-7;Socken;9,95;2;Berlin Mitte;01.05.2024 17:02
        4712;;SKU-9;Tüte;0,10;1;Berlin Mitte;01.05.2024 17:05
        4713;10031;SKU-3;Kappe;1.234,50;1;Hamburg;01.05.2024 18:00;zu viel

        """, "Verkauf_2024-05-01.csv", in: folder.appendingPathComponent("exports/till"))
        let config: JSONValue = [
            "directory": "exports/till", "archive": "done", "delimiter": ";", "sales_pattern": "Verkauf_*.csv",
            "sold_at_format": "%d.%m.%Y %H:%M",
            "sales_columns": [
                "Bon-Nr": "order_id", "Kunden-Nr": "customer_id", "Artikel": "sku", "Bezeichnung": "name", "Preis": "price",
                "Menge": "quantity", "Filiale": "store", "Datum": "sold_at",
            ],
        ]
        let store = try await FileFixture.store()
        let runner = try FileSourceRunner(
            source: "till", plugin: try plugin(), config: config, store: store, clock: FileTestClock(),
            options: FileRunOptions(baseDirectory: folder)
        )
        let result = try await runner.run(streams: ["sales"])
        XCTAssertEqual(result.pull.total.records, 3)
        XCTAssertEqual(result.pull.total.messages, 2, "the receipt without a customer gives no message")
        XCTAssertEqual(result.badRows.map(\.description), ["Verkauf_2024-05-01.csv:5: expected 8 fields, found 9"])
        XCTAssertEqual(result.archived, ["Verkauf_2024-05-01.csv"])
        let events = try await store.read(after: 0, limit: 10).map(\.message)
        XCTAssertEqual(events.map(\.event), ["Order Completed", "Order Completed"])
        XCTAssertEqual(events.map(\.userId), ["10023", "10023"])
        XCTAssertEqual(events[0].properties["store"], "Berlin Mitte")
        XCTAssertEqual(events[0].properties["order_id"], "4711")
        XCTAssertEqual(events[0].properties["currency"], "EUR")
        XCTAssertEqual(events[0].properties["products"], [["sku": "SKU-1", "name": "Laufschuh Trail", "price": 89.95, "quantity": 1]])
        XCTAssertEqual(events[1].properties["total"]?.doubleValue ?? 0, 19.9, accuracy: 0.0001)
        XCTAssertEqual(events[0].timestamp, Date(timeIntervalSince1970: 1_714_582_920))
        XCTAssertEqual(events[0].context["identifiers"], ["customer_id": "10023"])
    }

    func testLoyaltyCSVBecomesIdentify() async throws {
        try FileFixture.write("""
        Mitgliedsnummer,E-Mail,Mobil,Vorname,Punkte,Status,Newsletter
        M-1,anna@example.com,+49 170 1234567,Anna,120,Gold,ja
        ,ben@example.com,,Ben,,,
        ,,,Niemand,5,,

        """, "mitglieder_2024-05.csv", in: folder.appendingPathComponent("loyalty"))
        let config: JSONValue = [
            "directory": "loyalty", "customers_pattern": "mitglieder_*.csv",
            "customer_columns": [
                "Mitgliedsnummer": "customer_id", "E-Mail": "email", "Mobil": "phone", "Vorname": "first_name", "Punkte": "points",
                "Status": "tier", "Newsletter": "email_opt_in",
            ],
        ]
        let store = try await FileFixture.store()
        let runner = try FileSourceRunner(
            source: "loyalty", plugin: try plugin(), config: config, store: store, clock: FileTestClock(),
            options: FileRunOptions(baseDirectory: folder)
        )
        let result = try await runner.run(streams: ["customers"])
        XCTAssertEqual(result.pull.total.records, 3)
        let events = try await store.read(after: 0, limit: 10).map(\.message)
        XCTAssertEqual(events.count, 2, "a row without e-mail, phone or number names nobody")
        XCTAssertEqual(events[0].userId, "M-1")
        XCTAssertEqual(events[0].context["identifiers"], ["customer_id": "M-1", "email": "anna@example.com", "phone": "+49 170 1234567"])
        XCTAssertEqual(events[0].traits["loyalty_points"], 120)
        XCTAssertEqual(events[0].traits["loyalty_tier"], "Gold")
        XCTAssertEqual(events[0].context["consent"], ["categoryPreferences": ["email": true]])
        XCTAssertNil(events[1].userId)
        XCTAssertEqual(events[1].anonymousId, "file-ben@example.com")
        XCTAssertNil(events[1].context["consent"])
    }

    func testSalesJSONLines() async throws {
        try FileFixture.write("""
        {"order": "A-1", "customer": 7, "sku": "SKU-1", "price": 12.5, "quantity": 2, "store": "Web Pop-up", "time": "2024-05-01T10:00:00Z"}
        {"order": "A-2", "customer": 8, "sku": "SKU-2", "price": "12,5"}
        not json

        """, "sales-2024-05-01.jsonl", in: folder)
        let config: JSONValue = [
            "directory": .string(folder.path),
            "sales_columns": ["order": "order_id", "customer": "customer_id", "time": "sold_at"],
        ]
        let store = try await FileFixture.store()
        let runner = try FileSourceRunner(source: "popup", plugin: try plugin(), config: config, store: store, clock: FileTestClock())
        let result = try await runner.run(streams: ["sales_jsonl"])
        XCTAssertEqual(result.badRows.map(\.description), ["sales-2024-05-01.jsonl:3: not valid JSON"])
        let events = try await store.read(after: 0, limit: 10).map(\.message)
        XCTAssertEqual(events.map(\.userId), ["7", "8"])
        XCTAssertEqual(events[0].properties["total"]?.doubleValue, 25)
        XCTAssertEqual(events[1].properties["products"]?[0]?["price"], 12.5)
        XCTAssertEqual(events[1].properties["products"]?[0]?["quantity"], 1)
    }

    func testLoaderChecksTheFileSettings() throws {
        let text = """
        format: kontor/v1
        name: till
        spec: {directory: {type: string}, sep: {type: string, default: ";"}}
        files: {root: "{{ config.directory }}", archive: done}
        streams:
          sales:
            file:
              path: "sales-*.csv"
              format: csv
              delimiter: "{{ config.sep }}"
              columns: {"Menge": {name: quantity, type: integer}, "Datum": {name: sold_at, type: date, format: "%d.%m.%Y"}, "E-Mail": email}
              on_bad_row: skip
            emit: [{type: track, event: Sale, user_id: "{{ record.email }}"}]
        """
        let (plugin, diagnostics) = PluginLoader.load(text: text, file: "till/plugin.yaml", expectedName: "till")
        XCTAssertEqual(diagnostics.map(\.description), [])
        let file = try XCTUnwrap(plugin?.streams["sales"]?.file)
        XCTAssertEqual(file.columns?["Menge"], FileColumn(name: "quantity", type: .integer))
        XCTAssertEqual(file.columns?["E-Mail"], "email")
        XCTAssertEqual(file.onBadRow, .skip)

        let broken = text.replacingOccurrences(of: "on_bad_row: skip", with: "on_bad_row: ignore")
            .replacingOccurrences(of: "type: integer", with: "type: int")
        let problems = PluginLoader.load(text: broken, file: "till/plugin.yaml", expectedName: "till").1.map(\.description)
        XCTAssertEqual(problems.count, 2, "\(problems)")
    }
}
