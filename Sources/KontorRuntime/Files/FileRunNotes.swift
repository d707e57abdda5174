import Synchronization

/// What a file pull noticed besides its counts: bad rows (all counted, the
/// first few kept with their lines), archived files and archive problems.
final class FileRunNotes: Sendable {
    private struct Notes: Sendable {
        var badRowCount: [String: Int] = [:]
        var badRows: [BadRow] = []
        var archived: [String] = []
        var problems: [String] = []
    }

    private let notes = Mutex(Notes())
    /// How many bad rows are kept with their line (all are counted).
    let listed: Int

    init(listed: Int) {
        self.listed = listed
    }

    func badRow(_ row: BadRow) {
        notes.withLock { notes in
            notes.badRowCount[row.stream, default: 0] += 1
            if notes.badRows.count < listed { notes.badRows.append(row) }
        }
    }

    func archived(_ name: String) {
        notes.withLock { $0.archived.append(name) }
    }

    func problem(_ text: String) {
        notes.withLock { $0.problems.append(text) }
    }

    /// The notes, on top of the pull's counts.
    func result(_ pull: PullResult) -> FilePullResult {
        notes.withLock { notes in
            FilePullResult(
                pull: pull, badRowCounts: notes.badRowCount, badRows: notes.badRows, archived: notes.archived,
                problems: notes.problems
            )
        }
    }

    var badRowTotal: Int { notes.withLock { $0.badRowCount.values.reduce(0, +) } }
}
