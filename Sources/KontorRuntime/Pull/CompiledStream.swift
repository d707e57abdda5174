import Foundation
import KontorCore
import KontorHTTP

/// One HTTP stream of a plugin with every template parsed once, before the
/// run: request, records, paginator, incremental cursor, transforms, emit.
struct CompiledStream: Sendable {
    let name: String
    let request: CompiledRequest
    let extractor: RecordExtractor
    let transformer: RecordTransformer
    let paginator: Paginator
    let cursor: IncrementalCursor?
    let partitions: [Partition]
    let emitter: MessageEmitter

    init(name: String, stream: PluginStream, source: String, baseURL: String, headers: [String: String],
         config: JSONValue, now: Date) throws(PullError) {
        guard let request = stream.request else {
            throw PullError(.plugin, "has no request: only HTTP streams can be pulled here", stream: name)
        }
        do throws(PullError) {
            self.name = name
            do throws(RequestBuildError) {
                self.request = try CompiledRequest(request, baseURL: baseURL, headers: headers)
            } catch {
                throw PullError(.plugin, error.description)
            }
            extractor = try RecordExtractor(stream.records)
            transformer = try RecordTransformer(stream.transform ?? [])
            paginator = try Paginator(stream.paginate, config: config, now: now)
            cursor = try stream.incremental.map { incremental throws(PullError) in try IncrementalCursor(incremental) }
            partitions = stream.partitions ?? []
            emitter = try MessageEmitter(
                source: source, stream: name, rules: stream.emit ?? [], primaryKey: stream.primaryKey ?? [], cursor: cursor
            )
        } catch {
            throw error.inStream(name)
        }
    }

    /// The parent streams this stream's partitions read.
    var parents: [String] { partitions.compactMap(\.parentStream) }
}
