import Foundation

/// How a ``FileSourceRunner`` reads, beyond what the plugin says.
public struct FileRunOptions: Sendable {
    /// The folder a relative `files.root` starts at: the folder of `connectors.yaml`.
    /// `nil` uses the process's working directory.
    public var baseDirectory: URL?
    /// Rows per committed page: a stopped run re-reads at most this many.
    public var pageSize: Int
    /// How many bad rows the result lists with their line (all are counted).
    public var listedBadRows: Int
    /// Bytes read from a file at a time.
    public var chunkSize: Int

    public init(baseDirectory: URL? = nil, pageSize: Int = 1000, listedBadRows: Int = 20, chunkSize: Int = 64 * 1024) {
        self.baseDirectory = baseDirectory
        self.pageSize = max(1, pageSize)
        self.listedBadRows = listedBadRows
        self.chunkSize = chunkSize
    }
}
