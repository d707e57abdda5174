/// A command that ran but did not succeed: its message goes to stderr and
/// the process exits with `exitCode` (1 unless a command documents otherwise).
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32 = 1
}
