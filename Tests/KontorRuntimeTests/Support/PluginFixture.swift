import Foundation
import KontorCore
import KontorSQLite
import KontorStore

/// Test plugins written as JSON (the plugin model is `Decodable`), and a fresh in-memory store.
enum PluginFixture {
    static func plugin(_ json: String) throws -> PluginDefinition {
        try JSONDecoder().decode(PluginDefinition.self, from: Data(json.utf8))
    }

    /// A plugin with one stream `items` at `https://api.test/`, built from the stream's JSON.
    static func singleStream(_ stream: String, http: String = "") throws -> PluginDefinition {
        try plugin(#"""
        {"format":"kontor/v1","name":"fake","spec":{"token":{"type":"secret"}},
         "http":{"base_url":"https://api.test/v1/","auth":{"type":"bearer","token":"{{ config.token }}"}\#(http)},
         "streams":{"items":\#(stream)}}
        """#)
    }

    static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        return store
    }

    static func items(_ ids: Range<Int>) -> JSONValue {
        .array(ids.map { ["id": .int($0), "email": .string("p\($0)@example.com")] })
    }
}
