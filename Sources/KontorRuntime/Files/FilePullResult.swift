/// What a file pull did: the counts every pull has (``PullResult``), plus
/// the bad rows it skipped (`on_bad_row: skip`), the files it archived and
/// anything that went wrong after the data was stored (an archive move).
///
/// ```swift
/// let result = try await runner.run()
/// print(result.pull.total.records, result.badRowCount)
/// for row in result.badRows { print(row) }        // sales-2024-05-01.csv:17: expected 6 fields, found 5
/// ```
public struct FilePullResult: Sendable, Hashable {
    public var pull: PullResult
    /// Bad rows skipped, per stream.
    public var badRowCounts: [String: Int]
    /// The first bad rows (``FileRunOptions/listedBadRows``), in the order they were read.
    public var badRows: [BadRow]
    /// Files moved to the archive folder, relative to the root.
    public var archived: [String]
    /// Problems that did not fail the run: a file that could not be archived.
    public var problems: [String]

    public init(
        pull: PullResult, badRowCounts: [String: Int] = [:], badRows: [BadRow] = [], archived: [String] = [],
        problems: [String] = []
    ) {
        self.pull = pull
        self.badRowCounts = badRowCounts
        self.badRows = badRows
        self.archived = archived
        self.problems = problems
    }

    /// Bad rows skipped in all streams.
    public var badRowCount: Int { badRowCounts.values.reduce(0, +) }
}
