import ArgumentParser
import Foundation
import PlanKit
import PlanShell
import PlanSQLite

/// `plankit convert FILE --to json|ecomptes|ecomptes-export|xlsx [-o OUT]`, `plankit convert FILES… --to sqlite -o OUT`.
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
              plankit convert Examples/pst-citoyennete.tsv --to xlsx -o citoyennete.xlsx
              plankit convert Examples/ --to sqlite -o plans.db
            """)

    /// The formats plans convert to.
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case json
        case ecomptes
        case ecomptesExport = "ecomptes-export"
        case xlsx
        case sqlite

        /// Whether the format is bytes that a terminal cannot show.
        var isBinary: Bool { self == .xlsx || self == .sqlite }
    }

    @Argument(help: "The plan file to convert; for sqlite, any number of plan files or directories.")
    var files: [String]

    @Option(help: "The format to write: json (PlanKit JSON), ecomptes (the regional XML, schema 201805V1, in the shape a commune uploads: no budget), ecomptes-export (the shape eComptes exports, with every element's Articles and Projections), xlsx (a workbook in the communes' PST layout, a sheet per plan) or sqlite (a database with a table per query collection).")
    var to: Target

    @Option(name: .shortAndLong, help: "Where to write; standard output when absent or -. A file is replaced atomically (a symbolic link's target, keeping its mode); a pipe or a device is written through.")
    var output: String?

    @Flag(help: "Allow writing over one of the input files.")
    var force = false

    @OptionGroup var layoutOption: LayoutOption
    /// The layout file `--layout` names, if any.
    var layout: String? { layoutOption.layout }

    @OptionGroup var today: TodayOption

    /// Creates the command with default options (argument-parser fills them in).
    package init() {}

    /// Runs the command; throws ``CommandFailure`` with the exit status after explaining it on standard error.
    package func run() throws {
        _ = try today.day()
        guard files.count == 1 || to == .sqlite, let file = files.first else {
            Console.error("plankit convert: error: --to \(to.rawValue) converts one file, and \(files.count) were given; convert them one by one, or use --to sqlite for a database of several.")
            throw CommandFailure(.usage)
        }
        // The output is checked and its temporary file made before the input is read, so that a
        // bad destination fails at once; until the end the target is left as it was.
        var writer: AtomicFile.Writer?
        if let output, output != "-" {
            if !force, let input = files.first(where: { AtomicFile.sameFile(output, $0) }) {
                let which = files.count == 1 ? "the input file" : "an input file (\(input))"
                Console.error("\(output): error: this is \(which); writing over it would lose it. Choose another output, or pass --force.")
                throw CommandFailure(.usage)
            }
            do { writer = try AtomicFile.Writer(path: output) } catch {
                Console.error(error.message)
                throw CommandFailure(.usage)
            }
        } else if to.isBinary, Console.isTerminal(STDOUT_FILENO) {
            Console.error("plankit convert: error: --to \(to.rawValue) writes a binary file and standard output is a terminal; write it to a file with -o FILE.\(to == .xlsx ? "xlsx" : "db"), or redirect standard output.")
            throw CommandFailure(.usage)
        }
        let bytes = try convert(file)
        guard let writer else {
            if to.isBinary {
                do { try AtomicFile.write(bytes, to: "/dev/stdout") } catch {
                    Console.error(error.message)
                    throw CommandFailure(.usage)
                }
            } else {
                Console.out(String(decoding: bytes, as: UTF8.self))
            }
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

    /// The bytes of the output: `file`'s plans in a format of one file, or the database of ``files``.
    private func convert(_ file: String) throws -> [UInt8] {
        switch to {
        case .sqlite:
            return try database()
        case .json:
            let plans = try read(file)
            do { return try PlanKitJSON.encode(plans) } catch {
                Console.error("\(file): error: the plan could not be encoded as JSON (\(error)).")
                throw CommandFailure(.usage)
            }
        case .xlsx:
            let written = XLSXPlanWriter.workbook(try read(file))
            for note in written.notes { Console.error("\(file): warning: \(note)") }
            guard let bytes = written.bytes else {
                Console.error("\(file): error: the workbook could not be made in memory; nothing was written.")
                throw CommandFailure(.usage)
            }
            return bytes
        case .ecomptes, .ecomptesExport:
            let plans = try read(file)
            guard plans.count == 1, let plan = plans.first else {
                Console.error("\(file): error: an eComptes file holds one PST, and this file holds \(plans.count) plans; convert them one by one.")
                throw CommandFailure(.usage)
            }
            let written = EComptesWriter(shape: to == .ecomptes ? .upload : .export).document(plan)
            for note in written.notes { Console.error("\(file): warning: \(note)") }
            return Array(written.text.utf8)
        }
    }

    /// The plans of `file`, its warnings written to standard error.
    private func read(_ file: String) throws -> [PlanKit.Plan] {
        do {
            let plans = try PlanReader(layout: try PlanLoader.layout(layout)).read(path: file)
            PlanLoader.reportWarnings(plans)
            return plans
        } catch {
            Console.error(error.description)
            throw CommandFailure(.usage)
        }
    }

    /// The bytes of a database of every plan of ``files``.
    private func database() throws -> [UInt8] {
        let planSet: PlanSet
        do {
            planSet = try PlanLoader.load(files, layout: layout)
        } catch {
            Console.error(error.description)
            throw CommandFailure(.usage)
        }
        do {
            return try SQLiteWriter.database(planSet)
        } catch {
            Console.error("plankit convert: error: the database could not be made (\(error)); nothing was written.")
            throw CommandFailure(.usage)
        }
    }
}
