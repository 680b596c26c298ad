import Foundation
import Testing

/// End to end: an ambiguous amount fails `check --fail-on warning` with its place, and a total
/// counts the unambiguous amounts only.
@Suite struct AmountTrustCommandTests {
    static let plan = """
        \t\tPolitique en charge\tService en charge\tAgent en charge\tÉchéance\tOO\tBudget ordinaire\tBudget extra\tRH
        Objectif stratégique : "Tester les montants"
        Objectif opérationnel 1. Lire les montants
        \tAction 1.1. Un montant clair\tA. Martin\tFinances\tJ. Dupont\t2021\tA 1.1\t3.000 €\t1.000 €\t
        \tAction 1.2. Un montant ambigu\tA. Martin\tFinances\tJ. Dupont\t2021\tA 1.2\t250,000 €\t\t
        \tAction 1.3. Un autre\tA. Martin\tFinances\tJ. Dupont\t2021\tA 1.3\tCCE 1,500 € CCCA 500 €\t\t
        \tAction 1.4. Prévu et dépensé\tA. Martin\tFinances\tJ. Dupont\t2021\tA 1.4\t2025 : - 10000 € HT prévisionnels - 8000 € HT dépensés\t\t

        """

    @Test func ambiguousAmountsFailCheckAndStayOutOfTotals() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let path = dir + "/montants.tsv"
        try Self.plan.write(toFile: path, atomically: true, encoding: .utf8)

        let check = try Executable.run(["check", path, "--fail-on", "warning", "--format", "csv"])
        #expect(check.status == 1)
        let rows = check.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.filter { $0.hasPrefix("warning,read.ambiguous-amount,") } == [
            "warning,read.ambiguous-amount,\"250,000 €\",\"\"\"250,000 €\"\" could be 250 € or 250 000 €; write 250.000 € or 250 € (Belgian notation: dot for thousands, comma for decimals). Its amount counts as unknown.\",\(path),5,8",
            "warning,read.ambiguous-amount,\"CCE 1,500 € CCCA 500 €\",\"\"\"1,500 €\"\" could be 1,50 € or 1 500 €; write 1.500 € or 1,50 € (Belgian notation: dot for thousands, comma for decimals). Its amount counts as unknown.\",\(path),6,8",
        ])
        #expect(rows.contains { $0.hasPrefix("warning,read.amounts-not-a-sum,") && $0.hasSuffix(",\(path),7,8") })
        #expect(check.stderr.contains("\(path):5:8: warning: \"250,000 €\" could be 250 € or 250 000 €;"))

        let total = try Executable.run(["query", "budget select sum(amount)", path, "--format", "csv"])
        #expect(total.status == 0)
        // 3 000 + 1 000 + 500: the ambiguous amounts and the planned-and-spent cell are not
        // counted, and the sum says it has unknown parts.
        #expect(total.stdout == "sum(amount)\r\n4500 + ?\r\n")
    }
}
