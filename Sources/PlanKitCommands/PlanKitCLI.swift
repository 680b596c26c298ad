import ArgumentParser
import Foundation

/// The `plankit` command: read, query and check the strategic plans of Walloon communes.
public struct PlanKitCLI: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plankit",
        abstract: "Read, query and check the strategic plans (PST, PCS) of Walloon communes.",
        version: "0.1.0",
        subcommands: [QueryCommand.self, ConvertCommand.self])

    public init() {}

    /// Parses the arguments, runs the command, and returns the exit status.
    ///
    /// Usage errors exit 2 (not argument-parser's 64), as DESIGN's exit codes say.
    public static func execute(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let failure as CommandFailure {
            return failure.status.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Console.out(message + "\n") }
                return 0
            }
            if !message.isEmpty { Console.error(message) }
            return code == .failure ? 1 : 2
        }
    }
}
