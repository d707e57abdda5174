import GRDB
import KontorStore

extension StoreError {
    /// An engine failure while trying to `action` (e.g. "append events").
    static func database(_ action: String, _ error: any Error) -> StoreError {
        if let error = error as? DatabaseError {
            let detail = error.message ?? "\(error.resultCode)"
            return StoreError(.database, "could not \(action): SQLite error \(error.resultCode.rawValue): \(detail)")
        }
        return StoreError(.database, "could not \(action): \(error)")
    }

    /// `error` itself when it is already a ``StoreError``, else ``database(_:_:)``.
    static func wrapping(_ error: any Error, action: String) -> StoreError {
        (error as? StoreError) ?? database(action, error)
    }
}
