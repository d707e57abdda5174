import Foundation
import KontorCore
import KontorRuntime
import Logging
import PostgresNIO

/// One connection of a SQL source run: reads pages with ``PostgresPageQuery``.
struct PostgresSQLSession: SQLSourceSession {
    let connection: PostgresConnection
    let logger: Logger

    func rows(_ request: SQLPageRequest) async throws(SQLSourceFailure) -> [SQLRow] {
        let page = PostgresPageQuery(request)
        var rows: [SQLRow] = []
        do {
            let sequence = try await connection.query(page.query, logger: logger)
            for try await row in sequence {
                var cells: [String?] = []
                for cell in row { cells.append(try cell.decode(String?.self, context: .default)) }
                guard let text = cells.first ?? nil else {
                    throw SQLSourceFailure(.query, "the query returned a row PostgreSQL could not turn into JSON")
                }
                let record = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
                rows.append(SQLRow(record: record, position: Array(cells.dropFirst())))
            }
        } catch let failure as SQLSourceFailure {
            throw failure
        } catch is DecodingError {
            throw SQLSourceFailure(.query, "a row's JSON from PostgreSQL could not be read")
        } catch {
            throw PostgresFailure.querying(error)
        }
        return rows
    }

    func close() async {
        try? await connection.close()
    }
}
