import Foundation
import Testing

/// Reader warnings are findings: a script's gate sees them, and a plan loaded twice counts once.
@Suite struct ReadFindingsTests {
    static let examples = Executable.root.appendingPathComponent("Examples").path

    /// `pst-forms.csv` reads with three warnings; `check --fail-on warning` fails on them and
    /// lists them, and `--rules` selects one kind.
    @Test func readerWarningsFailTheWarningGate() throws {
        let path = Executable.fixture("pst-forms.csv")
        let gate = try Executable.run(["check", path, "--rules", "read.unparsed-cell,read.amount-too-large", "--fail-on", "warning", "--format", "csv"])
        #expect(gate.status == 1)
        #expect(gate.stdout.replacingOccurrences(of: "\r\n", with: "\n") == #"""
            severity,rule,subject,message,file,line,column
            warning,read.unparsed-cell,Subside régional,"No amount found in this budget cell; write an amount such as 3.000 €, or ?? when it is unknown. It is kept as one line of unknown amount.",\#(path),23,8
            warning,read.unparsed-cell,Bientôt,"""Bientôt"" is not a deadline PlanKit reads; it counts as unknown. Write a day (31/12/2021), a year, ""2e sem. 2020"", ""T3 2021"", ""Mai 2022"", ""fin 2022"", ""2019-2024"" or ""En continu"".",\#(path),24,6
            warning,read.amount-too-large,99999999999999999999 €,The amount 99999999999999999999 € is too large to hold in cents; check the cell. It is kept as unknown.,\#(path),24,8

            """#)
        let one = try Executable.run(["check", path, "--rules", "read.amount-too-large", "--fail-on", "warning", "--format", "csv"])
        #expect(one.status == 1)
        #expect(one.stdout.split(separator: "\r\n").count == 2)
        let errorsOnly = try Executable.run(["check", path, "--rules", "read.unparsed-cell", "--fail-on", "error"])
        #expect(errorsOnly.status == 0)
    }

    @Test func findingsCollectionListsReaderWarningsWithTheirCells() throws {
        let path = Executable.fixture("pst-forms.csv")
        let result = try Executable.run(["query", "findings where rule ~ \"^read\\.\" select rule, line, column, text", path, "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout == "rule,line,column,text\r\nread.amount-too-large,24,8,99999999999999999999 €\r\nread.unparsed-cell,23,8,Subside régional\r\nread.unparsed-cell,24,6,Bientôt\r\n")
    }

    /// `Examples/` holds the seed as `.tsv` and as Excel's `.csv`: the directory counts it once.
    @Test func aPlanInTwoFilesIsCountedOnce() throws {
        let result = try Executable.run(["query", "budget select sum(amount)", Self.examples, "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout == "sum(amount)\r\n126000 + ?\r\n")
        let excel = Self.examples + "/pst-citoyennete-excel.csv", seed = Self.examples + "/pst-citoyennete.tsv"
        #expect(result.stderr == "\(seed):10:1: warning: This PST \"pst-citoyennete\" says the same as the one already loaded from \(excel); it is counted once, from \(excel). Load one of the two files. [read.duplicate-plan]\n")
        let overcommitted = try Executable.run(["check", Self.examples, "--rules", "budget.overcommitted", "--format", "csv"])
        #expect(overcommitted.stdout.contains("(actions 3.2 in pst-citoyennete-excel, 1.1 in pst-cohesion)"))
        let gate = try Executable.run(["check", Self.examples, "--rules", "read.duplicate-plan", "--fail-on", "warning", "--format", "csv"])
        #expect(gate.status == 1)
        #expect(gate.stdout.contains("warning,read.duplicate-plan,\(seed),"))
    }

    /// The same file named twice counts once, in every command that loads plans.
    @Test(arguments: [
        ["query", "budget select sum(amount)", "--format", "csv"], ["-c", ".format csv\nbudget select sum(amount)"],
        ["run", "-"],
    ])
    func aFileNamedTwiceIsCountedOnce(_ command: [String]) throws {
        let seed = Executable.seed
        let arguments = command.count == 4 ? [command[0], command[1], seed, seed] + command[2...] : command + [seed, seed]
        let result = try Executable.run(arguments, input: ".format csv\nbudget select sum(amount)\n")
        #expect(result.status == 0)
        #expect(result.stdout == "sum(amount)\r\n90000 + ?\r\n")
        #expect(result.stderr == "\(seed):10:1: warning: The PST \"pst-citoyennete\" of this file is already loaded (the file is named twice); it is counted once. [read.duplicate-plan]\n")
    }
}
