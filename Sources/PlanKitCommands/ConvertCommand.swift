import ArgumentParser
import PlanKit
import PlanShell

/// `plankit convert FILE --to json [-o OUT]`.
package struct ConvertCommand: ParsableCommand {
    /// The command's name, help and subcommands.
    package static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a plan file to another format.",
        discussion: """
            Examples:
              plankit convert Examples/pst-citoyennete.tsv --to json -o citoyennete.json
              plankit convert Examples/pst-citoyennete.tsv --to ecomptes -o citoyennete.xml
              plankit convert Examples/pst-citoyennete.tsv --to ecomptes-export -o citoyennete-budget.xml
            """)

    /// The formats plans convert to.
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case json
        case ecomptes
        case ecomptesExport = "ecomptes-export"
    }

    @Argument(help: "The plan file to convert.")
    var file: String

    @Option(help: "The format to write: json (PlanKit JSON), ecomptes (the regional XML, schema 201805V1, in the shape a commune uploads: no budget) or ecomptes-export (the shape eComptes exports, with every element's Articles and Projections).")
    var to: Target

    @Option(name: .shortAndLong, help: "Where to write; standard output when absent or -. A file is replaced atomically (a symbolic link's target, keeping its mode); a pipe or a device is written through.")
    var output: String?

    @Flag(help: "Allow writing over one of the input files.")
    var force = false

    @Option(help: ArgumentHelp("A layout file describing the plans' own template (JSON; Docs/formats.md, \"Layout files\").", valueName: "file.json"))
    var layout: String?

    @OptionGroup var today: TodayOption

    /// Creates the command with default options (argument-parser fills them in).
    package init() {}

    /// Runs the command; throws ``CommandFailure`` with the exit status after explaining it on standard error.
    package func run() throws {
        _ = try today.day()
        // The output is checked and its temporary file made before the input is read, so that a
        // bad destination fails at once; until the end the target is left as it was.
        var writer: AtomicFile.Writer?
        if let output, output != "-" {
            if !force, AtomicFile.sameFile(output, file) {
                Console.error("\(output): error: this is the input file; writing over it would lose it. Choose another output, or pass --force.")
                throw CommandFailure(.usage)
            }
            do { writer = try AtomicFile.Writer(path: output) } catch {
                Console.error(error.message)
                throw CommandFailure(.usage)
            }
        }
        let plans: [PlanKit.Plan]
        do {
            plans = try PlanReader(layout: try PlanLoader.layout(layout)).read(path: file)
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
        case .ecomptes, .ecomptesExport:
            guard plans.count == 1, let plan = plans.first else {
                Console.error("\(file): error: an eComptes file holds one PST, and this file holds \(plans.count) plans; convert them one by one.")
                throw CommandFailure(.usage)
            }
            let written = EComptesWriter(shape: to == .ecomptes ? .upload : .export).document(plan)
            for note in written.notes { Console.error("\(file): warning: \(note)") }
            bytes = Array(written.text.utf8)
        }
        guard let writer else {
            Console.out(String(decoding: bytes, as: UTF8.self))
            return
        }
        do {
            try writer.write(bytes)
            try writer.commit()
        } catch {
            Console.error(error.message)
            throw CommandFailure(.usage)
        }
    }
}
