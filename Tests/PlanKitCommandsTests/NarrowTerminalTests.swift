import Foundation
import Testing

/// Tables at `COLUMNS=80` through the executable: nothing cut, no line wider than the terminal.
@Suite struct NarrowTerminalTests {
    static let examples = ["Examples/pst-citoyennete.tsv", "Examples/pst-cohesion.tsv", "Examples/pcs-citoyenneville.tsv"]

    @Test(arguments: [["check"] + examples, ["query", "findings"] + examples, ["-c", ".plans"] + examples, ["query", "actions"] + examples])
    func nothingIsCutAtEightyColumns(_ arguments: [String]) throws {
        let result = try Executable.run(arguments, environment: ["COLUMNS": "80"], directory: Executable.root.path)
        #expect(!result.stdout.contains("…"))
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        for file in Self.examples where arguments.contains(".plans") {
            #expect(result.stdout.contains(file))
        }
    }

    @Test func findingsAtEightyColumnsAreRecords() throws {
        let result = try Executable.run(["check", "--rules", "budget.overcommitted", "Examples/pst-citoyennete.tsv", "Examples/pst-cohesion.tsv"],
                                        environment: ["COLUMNS": "80"], directory: Executable.root.path)
        #expect(result.stdout == """
            -[ row 1 ]----------------------------------------------------------------------
            severity  error
            rule      budget.overcommitted
            subject   84021/124-02
            message   Article 84021/124-02 has 27000 € allocated (actions 3.2 in
                      pst-citoyennete, 1.1 in pst-cohesion), more than its stated credit of
                      24850 €.
            file      Examples/pst-cohesion.tsv
            line      8
            column    9
            (1 row)

            """)
    }
}
