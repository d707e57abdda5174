import ArgumentParser
import Foundation

/// Runs the `kontor` command and maps outcomes onto the documented exit codes:
/// 0 success, 1 the command failed (invalid configuration, a failed run),
/// 2 the command line itself was wrong.
@main
enum EntryPoint {
    static func main() async {
        do {
            var command = try Kontor.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(with: error)
        }
    }

    private static func exit(with error: any Error) -> Never {
        if let failure = error as? CommandFailure {
            if !failure.message.isEmpty { StandardError.write(failure.message) }
            Foundation.exit(failure.exitCode)
        }
        let code = Kontor.exitCode(for: error)
        let message = Kontor.fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
            Foundation.exit(0)
        }
        if !message.isEmpty { StandardError.write(message) }
        // ArgumentParser reports usage errors as EX_USAGE (64); Kontor documents 2.
        Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
    }
}
