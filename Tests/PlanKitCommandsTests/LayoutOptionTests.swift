import Foundation
import Testing

/// `--layout FILE.json` on every command that reads plans: a commune's own template is read the
/// same way by each.
@Suite struct LayoutOptionTests {
    static let plan = "Examples/layout/pst-modave.tsv"
    static let layout = "Examples/layout/modave.layout.json"

    /// Every command that reads plans names the option in its help.
    @Test(arguments: ["query", "run", "check", "convert", "report", "diff", "repl"])
    func theHelpNamesTheOption(_ command: String) throws {
        let result = try Executable.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--layout <file.json>"))
        #expect(result.stdout.contains("A layout file describing the plans' own"))
    }

    /// `diff` reads both versions with the layout: a plan compared with itself has no difference.
    @Test func diffReadsWithTheLayout() throws {
        let same = try Executable.run(["diff", Self.plan, Self.plan, "--layout", Self.layout, "--format", "csv"], directory: Executable.root.path)
        #expect(same.status == 0, "\(same.stderr)")
        let without = try Executable.run(["diff", Self.plan, Self.plan], directory: Executable.root.path)
        #expect(without.status == 2)
        #expect(without.stderr.contains("a commune's own template described in a layout file (--layout)"))
    }

    /// `report` reads the plans with the layout, which it cannot read without.
    @Test func reportReadsWithTheLayout() throws {
        let result = try Executable.run(["report", Self.plan, "--layout", Self.layout, "--format", "markdown", "--today", "2026-01-01"],
                                        directory: Executable.root.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("pst-modave (Examples/layout/pst-modave.tsv)"))
        let without = try Executable.run(["report", Self.plan, "--format", "markdown"], directory: Executable.root.path)
        #expect(without.status == 2)
    }
}
