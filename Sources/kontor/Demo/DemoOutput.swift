import Foundation

/// Writes the demo's lines to stdout at once (unbuffered), so they appear as the
/// steps happen even when stdout is a pipe or a file.
enum DemoOutput {
    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
