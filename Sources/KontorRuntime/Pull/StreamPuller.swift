import Foundation
import KontorCore
import KontorHTTP
import KontorStore

/// Pulls one partition of one stream, page by page: request → records →
/// filter → transform → emit → commit the page's messages with the state
/// that follows them, in one transaction.
///
/// A page is committed only once it is fully processed. Within a window the
/// cursor stays where it was and a `_resume` checkpoint records the next page;
/// the cursor moves when the window's last page is committed. A read-only pass
/// (parent records for a child's partitions) commits nothing.
struct StreamPuller: Sendable {
    let source: String
    let stream: CompiledStream
    let executor: RequestExecutor
    let store: any SyncStateStore
    let config: JSONValue
    let clock: any KontorClock
    let counters: PullCounters
    let onEvent: @Sendable (PullEvent) -> Void
    /// Collects nothing and commits nothing: only `visit` sees the records.
    let readOnly: Bool

    /// Pulls `slice`; `visit` sees every kept record (parents collect their keys there).
    func pull(_ slice: PartitionPlan.Slice, visit: (JSONValue) -> Void) async throws(PullError) {
        let key = stream.cursor?.stateKey
        var state = StreamState()
        if !readOnly {
            do {
                state = StreamState(json: try await store.cursor(source: source, stream: stream.name, partition: slice.key), key: key)
            } catch {
                throw PullError(.store, "cannot read the cursor: \(error)")
            }
        }
        if let resume = state.resume {
            let window = SyncWindow(json: resume.window) ?? .all
            try await pullWindow(window, from: resume.page, maxSeen: resume.maxSeen, slice: slice, state: &state, visit: visit)
            // A run that finishes an interrupted open-ended window is done; stepped windows continue after it.
            guard stream.cursor?.isStepped == true else { return }
        }
        for window in try windows(after: state.cursor) {
            try await pullWindow(window, from: stream.paginator.first, maxSeen: nil, slice: slice, state: &state, visit: visit)
        }
    }

    private func windows(after cursor: JSONValue?) throws(PullError) -> [SyncWindow] {
        guard let incremental = stream.cursor else { return [.all] }
        return try incremental.windows(after: readOnly ? nil : cursor, config: config, now: clock.now)
    }

    private func pullWindow(
        _ window: SyncWindow, from start: PageToken, maxSeen initialMax: JSONValue?, slice: PartitionPlan.Slice,
        state: inout StreamState, visit: (JSONValue) -> Void
    ) async throws(PullError) {
        var token = start
        var maxSeen = initialMax
        let interval = stream.cursor?.interval(window) ?? .null
        let partition = JSONValue.object(slice.values)
        let variables: [String: JSONValue] = ["config": config, "stream_partition": partition, "stream_interval": interval]
        while true {
            try checkCancellation()
            let now = clock.now
            var requestVariables = variables
            requestVariables["next_page_token"] = token.variable
            var draft: RequestDraft
            do {
                draft = try stream.request.render(in: EvaluationContext(variables: requestVariables, now: now))
            } catch {
                throw PullError(.plugin, error.description)
            }
            PartitionPlan.inject(slice, partitions: stream.partitions, into: &draft)
            stream.cursor?.inject(window, into: &draft)
            stream.paginator.apply(token, to: &draft)
            let response: ExecutedResponse
            do {
                response = try await executor.execute(draft)
            } catch {
                throw PullError(.request, error.description, request: error)
            }
            let page = try read(response)
            var records: [JSONValue] = []
            var messages: [Message] = []
            var feedEnded = false
            for raw in page {
                guard try stream.extractor.keeps(raw, variables: variables, now: now) else { continue }
                let record = try stream.transformer.apply(to: raw, variables: variables, now: now)
                let value = stream.cursor?.value(of: record)
                if stream.cursor?.passedFeedStart(value, in: window) == true { feedEnded = true }
                guard stream.cursor?.keeps(value, in: window) ?? true else { continue }
                maxSeen = stream.cursor?.maximum(maxSeen, value) ?? maxSeen
                visit(record)
                records.append(record)
                if !readOnly { messages += try stream.emitter.messages(for: record, partition: partition, config: config, now: now) }
            }
            let facts = Paginator.Page(
                json: response.json, headers: response.response.headers, recordCount: page.count,
                lastRecord: page.last, requestURL: response.requestURL
            )
            var next = response.ignored || feedEnded ? nil : try stream.paginator.next(after: facts, current: token, variables: requestVariables, now: now)
            if case .url(let url)? = next { next = .url(Self.withoutCredentials(url, executor: executor)) }
            counters.update(stream.name) { counts in
                counts.pages += 1
                counts.records += records.count
            }
            if !readOnly { RuntimeMetrics.pulledPage(source: source, stream: stream.name, records: records.count) }
            if !readOnly {
                try await commit(records: records.count, messages: messages, window: window, next: next, maxSeen: maxSeen, slice: slice, state: &state)
            }
            guard let next else { return }
            token = next
        }
    }

    /// The records of a response; a body that is not JSON fails the run, without a commit.
    private func read(_ response: ExecutedResponse) throws(PullError) -> [JSONValue] {
        if response.ignored { return [] }
        guard let json = response.json else {
            if response.response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return [] }
            let excerpt = executor.redactor.redact(String(response.response.text.prefix(500)))
            throw PullError(
                .malformedPage,
                "\(stream.request.method) \(response.displayURL): HTTP \(response.response.status): the body is not JSON; body: \(excerpt)"
            )
        }
        return stream.extractor.records(in: json)
    }

    private func commit(
        records: Int, messages: [Message], window: SyncWindow, next: PageToken?, maxSeen: JSONValue?,
        slice: PartitionPlan.Slice, state: inout StreamState
    ) async throws(PullError) {
        var newState = state
        if let next {
            newState.resume = StreamState.Resume(window: window.json(format: .rfc3339), page: next, maxSeen: maxSeen)
        } else {
            newState.resume = nil
            if let cursor = stream.cursor {
                newState.cursor = cursor.completedCursor(window, maxSeen: maxSeen, previous: state.cursor)
            }
        }
        let result: AppendResult
        do {
            result = try await store.commitPage(
                source: source, stream: stream.name, partition: slice.key, messages: messages,
                cursor: newState.json(key: stream.cursor?.stateKey)
            )
        } catch {
            throw PullError(.store, "cannot commit a page: \(error)")
        }
        state = newState
        counters.update(stream.name) { counts in
            counts.messages += result.inserted
            counts.duplicates += result.duplicates
        }
        RuntimeMetrics.committedPage(source: source, stream: stream.name, inserted: result.inserted, duplicates: result.duplicates)
        onEvent(.pageCommitted(stream: stream.name, partition: slice.key, records: records, inserted: result.inserted, duplicates: result.duplicates))
    }

    private func checkCancellation() throws(PullError) {
        if Task.isCancelled { throw PullError(.cancelled, "the run was cancelled") }
    }

    /// A next URL as stored in a checkpoint: without the credential parameters the authenticator adds again.
    static func withoutCredentials(_ url: String, executor: RequestExecutor) -> String {
        var draft = RequestDraft(url: url)
        draft.removeQueryItems(named: executor.authenticator.queryParameterNames)
        return draft.url
    }
}
