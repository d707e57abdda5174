import CZlib

/// Inflates gzip (and zlib) data with the system zlib, refusing to produce
/// more than a given number of bytes.
///
/// Why a cap: a few kilobytes of gzip can inflate to gigabytes. Inflation
/// stops as soon as the output passes `limit`, so memory stays bounded.
enum Gunzip {
    enum Failure: Error, Equatable {
        /// The inflated data would be longer than the limit.
        case tooLarge
        /// The input is not valid gzip, or is truncated.
        case corrupt
    }

    private static let chunkSize = 16 * 1024

    /// The inflated bytes of `input` (one or more concatenated gzip members).
    static func inflate(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        guard !input.isEmpty else { throw .corrupt }
        var stream = z_stream()
        // 15 window bits + 32: detect a gzip or zlib header automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt
        }
        defer { inflateEnd(&stream) }
        var input = input
        var output: [UInt8] = []
        let outcome = input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            return run(&stream, into: &output, limit: limit)
        }
        if let outcome { throw outcome }
        return output
    }

    /// Inflates until the end of the last member; `nil` on success.
    private static func run(_ stream: inout z_stream, into output: inout [UInt8], limit: Int) -> Failure? {
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let (result, produced) = chunk.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(chunkSize)
                let result = CZlib.inflate(&stream, Z_NO_FLUSH)
                return (result, chunkSize - Int(stream.avail_out))
            }
            if output.count + produced > limit { return .tooLarge }
            output.append(contentsOf: chunk[0..<produced])
            switch result {
            case Z_STREAM_END:
                // Another gzip member may follow (as `cat a.gz b.gz` produces).
                guard stream.avail_in > 0 else { return nil }
                guard inflateReset(&stream) == Z_OK else { return .corrupt }
            case Z_OK where produced > 0 || stream.avail_in > 0:
                continue
            default:
                return .corrupt  // data error, or the input ended before the stream did
            }
        }
    }
}
