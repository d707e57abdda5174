import Foundation
import KontorCore

/// One file stream of a plugin with its settings checked and its templates
/// parsed once, before the run: the path glob, the format, the filter,
/// transforms and emit rules (the same ``MessageEmitter`` as HTTP streams).
struct CompiledFileStream: Sendable {
    let name: String
    let path: Template
    let format: FileFormat
    let order: FileSource.Order?
    let badRows: FileSource.BadRowPolicy
    let extractor: RecordExtractor
    let transformer: RecordTransformer
    let partitions: [Partition]
    let emitter: MessageEmitter

    init(name: String, stream: PluginStream, source: String, config: JSONValue, chunkSize: Int, now: Date) throws(PullError) {
        guard let file = stream.file else {
            throw PullError(.plugin, "has no file: section: only file streams can be read here", stream: name)
        }
        do throws(PullError) {
            self.name = name
            path = try PullError.compile(file.path, field: "file.path")
            let delimiter = try file.delimiter.map { text throws(PullError) -> String in
                let value = try PullError.render(
                    try PullError.compile(text, field: "file.delimiter"), in: EvaluationContext(variables: ["config": config], now: now),
                    field: "file.delimiter"
                )
                return value.stringValue ?? MessageIdentity.canonical(value)
            }
            do {
                format = try FileFormat(file, delimiter: delimiter, chunkSize: chunkSize)
            } catch {
                throw error.pullError
            }
            order = file.orderBy
            badRows = file.onBadRow ?? .fail
            extractor = try RecordExtractor(stream.records)
            transformer = try RecordTransformer(stream.transform ?? [])
            partitions = stream.partitions ?? []
            for partition in partitions {
                if case .parent = partition {
                    throw PullError(.plugin, "partitions: a file stream takes only 'values' partitions, not a parent stream")
                }
            }
            let cursor = try stream.incremental.map { incremental throws(PullError) in try IncrementalCursor(incremental) }
            emitter = try MessageEmitter(
                source: source, stream: name, rules: stream.emit ?? [], primaryKey: stream.primaryKey ?? [], cursor: cursor
            )
        } catch {
            throw error.inStream(name)
        }
    }

    /// The glob of one partition: `file.path` rendered with `config` and `stream_partition`.
    func glob(config: JSONValue, partition: JSONValue, now: Date) throws(PullError) -> GlobPattern {
        let context = EvaluationContext(variables: ["config": config, "stream_partition": partition], now: now)
        let value = try PullError.render(path, in: context, field: "file.path")
        let text = value.stringValue ?? MessageIdentity.canonical(value)
        do {
            return try GlobPattern(text)
        } catch {
            throw PullError(.plugin, error.description, stream: name)
        }
    }
}
