import ArgumentParser
import PlanKit
import PlanShell

/// `plankit convert FILE --to json [-o OUT]`.
public struct ConvertCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a plan file to another format.",
        discussion: """
            Examples:
              plankit convert Examples/pst-citoyennete.tsv --to json -o citoyennete.json
              plankit convert Examples/pst-citoyennete.tsv --to ecomptes -o citoyennete.xml
            """)

    /// The formats plans convert to.
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case json
        case ecomptes
    }

    @Argument(help: "The plan file to convert.")
    var file: String

    @Option(help: "The format to write: json (PlanKit JSON) or ecomptes (the regional XML, schema 201805V1).")
    var to: Target

    @Option(name: .shortAndLong, help: "Where to write; standard output when absent. Written atomically.")
    var output: String?

    @Flag(help: "Allow writing over one of the input files.")
    var force = false

    /// Creates the command with default options (argument-parser fills them in).
    public init() {}

    /// Runs the command; throws ``CommandFailure`` with the exit status after explaining it on standard error.
    public func run() throws {
        let plans: [PlanKit.Plan]
        do {
            plans = try PlanReader().read(path: file)
            PlanLoader.reportWarnings(plans)
        } catch {
            Console.error(error.description)
            throw CommandFailure(.usage)
        }
        let bytes: [UInt8]
        switch to {
        case .json:
            do { bytes = try PlanKitJSON.encode(plans) } catch {
                Console.error("\(file): error: the plan could not be encoded as JSON (\(error)).")
                throw CommandFailure(.usage)
            }
        case .ecomptes:
            guard plans.count == 1, let plan = plans.first else {
                Console.error("\(file): error: an eComptes file holds one PST, and this file holds \(plans.count) plans; convert them one by one.")
                throw CommandFailure(.usage)
            }
            bytes = Array(EComptesWriter().write(plan).utf8)
        }
        guard let output, output != "-" else {
            Console.out(String(decoding: bytes, as: UTF8.self))
            return
        }
        if !force, AtomicFile.sameFile(output, file) {
            Console.error("\(output): error: this is the input file; writing over it would lose it. Choose another output, or pass --force.")
            throw CommandFailure(.usage)
        }
        do { try AtomicFile.write(bytes, to: output) } catch {
            Console.error(error.message)
            throw CommandFailure(.usage)
        }
    }
}
