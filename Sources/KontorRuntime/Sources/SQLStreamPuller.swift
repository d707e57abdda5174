import Foundation
import KontorCore
import KontorStore

/// Reads one SQL stream page by page with keyset pagination: each page is
/// the rows after the last stored position, and its messages commit together
/// with the advanced position in one transaction, so a failed or killed run
/// goes on from the last committed page, without loss and without duplicates.
struct SQLStreamPuller: Sendable {
    let source: String
    let stream: CompiledSQLStream
    let session: any SQLSourceSession
    let store: any SyncStateStore
    let config: JSONValue
    let clock: any KontorClock
    let counters: PullCounters
    let failure: @Sendable (SQLSourceFailure, [String]) -> PullError
    let onEvent: @Sendable (PullEvent) -> Void

    func pull() async throws(PullError) {
        var state: SQLStreamState
        do {
            state = SQLStreamState(json: try await store.cursor(source: source, stream: stream.name, partition: ""))
        } catch {
            throw PullError(.store, "cannot read the cursor: \(error)", stream: stream.name)
        }
        let from = state.after == nil && stream.incremental ? try stream.from(config: config, now: clock.now) : nil
        while true {
            if Task.isCancelled { throw PullError(.cancelled, "the run was cancelled", stream: stream.name) }
            let now = clock.now
            let variables: [String: JSONValue] = [
                "config": config, "stream_partition": .object([:]), "stream_interval": .null,
                "stream_state": state.json, "page_size": .int(stream.pageSize),
            ]
            let request = SQLPageRequest(
                query: try stream.query.statement(variables: variables, now: now), order: stream.order,
                after: state.after, from: state.after == nil ? from : nil, limit: stream.pageSize
            )
            let rows: [SQLRow]
            do {
                rows = try await session.rows(request)
            } catch {
                throw failure(error, stream.query.settings).inStream(stream.name)
            }
            guard let last = rows.last else { break }
            var messages: [Message] = []
            var records = 0
            for row in rows {
                let position = try positionTexts(row)
                guard try stream.extractor.keeps(row.record, variables: variables, now: now) else { continue }
                var record = try stream.transformer.apply(to: row.record, variables: variables, now: now)
                if var fields = record.objectValue {
                    fields[CompiledSQLStream.positionField] = .array(position.map(JSONValue.string))
                    record = .object(fields)
                }
                messages += try stream.emitter.messages(for: record, partition: .object([:]), config: config, now: now)
                records += 1
            }
            var next = SQLStreamState(after: try positionTexts(last))
            if stream.incremental { next.cursor = last.record.objectValue?[stream.order[0]] ?? .null }
            try await commit(messages, records: records, state: next)
            state = next
            if rows.count < stream.pageSize { break }
        }
        // A full (not incremental) read that reached the end starts from the top next time.
        if !stream.incremental, state.after != nil {
            try await commit([], records: 0, state: SQLStreamState())
        }
    }

    /// The row's position; a NULL in an order column would make rows vanish from later pages, so it stops the run.
    private func positionTexts(_ row: SQLRow) throws(PullError) -> [String] {
        var texts: [String] = []
        for (index, value) in row.position.enumerated() {
            guard let value else {
                let column = stream.order[index]
                throw PullError(
                    .malformedPage,
                    "column '\(column)' is NULL in a row; the cursor and key columns must never be NULL (use COALESCE in the query)",
                    stream: stream.name)
            }
            texts.append(value)
        }
        return texts
    }

    private func commit(_ messages: [Message], records: Int, state: SQLStreamState) async throws(PullError) {
        let result: AppendResult
        do {
            result = try await store.commitPage(source: source, stream: stream.name, partition: "", messages: messages, cursor: state.json)
        } catch {
            throw PullError(.store, "cannot commit a page: \(error)", stream: stream.name)
        }
        counters.update(stream.name) { counts in
            counts.pages += 1
            counts.records += records
            counts.messages += result.inserted
            counts.duplicates += result.duplicates
        }
        onEvent(.pageCommitted(stream: stream.name, partition: "", records: records, inserted: result.inserted, duplicates: result.duplicates))
    }
}
