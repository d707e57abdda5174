import Foundation
import GRDB
import KontorStore

extension SQLiteStore {
    public func position(consumer: String) async throws(StoreError) -> Int64 {
        try await read("read the position of '\(consumer)'") { db in
            try PositionTable.position(consumer: consumer, in: db)
        }
    }

    public func setPosition(_ position: Int64, consumer: String) async throws(StoreError) {
        try PositionTable.validate(position, consumer: consumer)
        let now = now()
        try await write("set the position of '\(consumer)'") { db in
            try PositionTable.set(position, consumer: consumer, at: now, in: db)
        }
    }
}
