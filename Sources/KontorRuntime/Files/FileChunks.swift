import Foundation

/// A file read in fixed-size chunks (64 KiB by default), never whole.
final class FileChunks {
    let name: String
    private let handle: FileHandle
    private let chunkSize: Int
    private(set) var atEnd = false

    init(url: URL, name: String, chunkSize: Int) throws(FileSourceError) {
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw .unreadable(name, error.localizedDescription)
        }
        self.name = name
        self.chunkSize = max(1, chunkSize)
    }

    deinit {
        try? handle.close()
    }

    /// The next chunk; `nil` once the file is read to its end.
    func next() throws(FileSourceError) -> Data? {
        guard !atEnd else { return nil }
        let data: Data?
        do {
            data = try handle.read(upToCount: chunkSize)
        } catch {
            throw .unreadable(name, error.localizedDescription)
        }
        guard let data, !data.isEmpty else {
            atEnd = true
            return nil
        }
        return data
    }
}
