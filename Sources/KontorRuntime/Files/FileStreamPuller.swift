import Foundation
import KontorCore
import KontorStore

/// Reads one partition of one file stream: selects the files after the
/// cursor, reads each in pages of rows, and commits each page's messages
/// with the checkpoint that follows them (file and last line) in one
/// transaction. A file read to its end moves the cursor past it, then goes
/// to the archive folder when there is one.
struct FileStreamPuller: Sendable {
    let source: String
    let stream: CompiledFileStream
    let catalog: FileCatalog
    let archive: FileArchive?
    let store: any SyncStateStore
    let config: JSONValue
    let clock: any KontorClock
    let pageSize: Int
    let counters: PullCounters
    let notes: FileRunNotes
    let onEvent: @Sendable (PullEvent) -> Void

    private var incremental: Bool { stream.order != nil }

    func pull(_ slice: PartitionPlan.Slice) async throws(PullError) {
        let partition = JSONValue.object(slice.values)
        let glob = try stream.glob(config: config, partition: partition, now: clock.now)
        var state: FileStreamState
        do {
            state = FileStreamState(json: try await store.cursor(source: source, stream: stream.name, partition: slice.key))
        } catch {
            throw PullError(.store, "cannot read the cursor: \(error)")
        }
        let entries: [FileCatalog.Entry]
        do {
            entries = try catalog.entries(matching: glob, orderedByModification: stream.order == .mtime)
        } catch {
            throw error.pullError
        }
        for entry in entries {
            try checkCancellation()
            let position = FileStreamState.Position(file: entry.name, modified: entry.modified)
            var skipThrough = 0
            if let resume = state.resume, resume.position.file == entry.name {
                if resume.position.modified == entry.modified {
                    if resume.complete { continue }
                    skipThrough = resume.line
                }
            } else if incremental, let done = state.done, !isAfter(position, done) {
                if archive != nil { moveToArchive(entry) }
                continue
            } else if !incremental, let resume = state.resume, entry.name < resume.position.file {
                continue
            }
            try await read(entry, position: position, skipThrough: skipThrough, slice: slice, state: &state)
        }
        // A run over every file leaves no state behind once it is complete.
        if !incremental, state != FileStreamState() {
            try await commit([], records: 0, state: FileStreamState(), slice: slice)
        }
    }

    /// Whether a file comes after the last one done, in the stream's order.
    private func isAfter(_ position: FileStreamState.Position, _ done: FileStreamState.Position) -> Bool {
        stream.order == .mtime ? done < position : done.file < position.file
    }

    private func read(
        _ entry: FileCatalog.Entry, position: FileStreamState.Position, skipThrough: Int, slice: PartitionPlan.Slice,
        state: inout FileStreamState
    ) async throws(PullError) {
        let reader: any FileRowReader
        do {
            reader = try stream.format.reader(for: entry)
        } catch {
            throw error.pullError.inStream(stream.name)
        }
        let partition = JSONValue.object(slice.values)
        let variables: [String: JSONValue] = ["config": config, "stream_partition": partition, "stream_interval": .null]
        var messages: [Message] = []
        var records = 0
        var rows = 0
        var lastLine = skipThrough
        var now = clock.now
        while true {
            let next: FileRow?
            do {
                next = try reader.next()
            } catch {
                throw error.pullError.inStream(stream.name)
            }
            guard let row = next else { break }
            if row.line <= skipThrough { continue }
            rows += 1
            lastLine = row.line
            switch row {
            case .bad(let line, let reason):
                let bad = BadRow(stream: stream.name, file: entry.name, line: line, reason: reason)
                if stream.badRows == .fail { throw FileSourceError.badRow(bad).pullError.inStream(stream.name) }
                notes.badRow(bad)
            case .record(let value, let line):
                var fields = value.objectValue ?? [:]
                fields["_file"] = .string(entry.name)
                fields["_line"] = .int(line)
                let record = JSONValue.object(fields)
                guard try stream.extractor.keeps(record, variables: variables, now: now) else { continue }
                let transformed = try stream.transformer.apply(to: record, variables: variables, now: now)
                messages += try stream.emitter.messages(for: transformed, partition: partition, config: config, now: now)
                records += 1
            }
            if rows >= pageSize {
                var checkpoint = state
                checkpoint.resume = .init(position: position, line: lastLine, complete: false)
                try await commit(messages, records: records, state: checkpoint, slice: slice)
                state = checkpoint
                messages = []
                records = 0
                rows = 0
                now = clock.now
                try checkCancellation()
            }
        }
        var finished = state
        if incremental {
            finished.done = position
            finished.resume = nil
        } else {
            finished.resume = .init(position: position, line: lastLine, complete: true)
        }
        try await commit(messages, records: records, state: finished, slice: slice)
        state = finished
        if archive != nil { moveToArchive(entry) }
    }

    private func commit(_ messages: [Message], records: Int, state: FileStreamState, slice: PartitionPlan.Slice) async throws(PullError) {
        let result: AppendResult
        do {
            result = try await store.commitPage(
                source: source, stream: stream.name, partition: slice.key, messages: messages, cursor: state.json
            )
        } catch {
            throw PullError(.store, "cannot commit a page: \(error)", stream: stream.name)
        }
        counters.update(stream.name) { counts in
            counts.pages += 1
            counts.records += records
            counts.messages += result.inserted
            counts.duplicates += result.duplicates
        }
        RuntimeMetrics.pulledPage(source: source, stream: stream.name, records: records)
        RuntimeMetrics.committedPage(source: source, stream: stream.name, inserted: result.inserted, duplicates: result.duplicates)
        onEvent(.pageCommitted(
            stream: stream.name, partition: slice.key, records: records, inserted: result.inserted, duplicates: result.duplicates
        ))
    }

    /// Archives a file whose data is stored; a failure is noted, not fatal: the cursor is already past it.
    private func moveToArchive(_ entry: FileCatalog.Entry) {
        guard let archive else { return }
        do {
            notes.archived(try archive.move(entry))
        } catch {
            notes.problem(error.description)
        }
    }

    private func checkCancellation() throws(PullError) {
        if Task.isCancelled { throw PullError(.cancelled, "the run was cancelled", stream: stream.name) }
    }
}
