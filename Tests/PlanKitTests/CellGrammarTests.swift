import Foundation
import Testing
@testable import PlanKit

@Suite struct CellGrammarTests {
    @Test(arguments: [
        ("3.000 €", 3_000_00), ("1.500,50 €", 1_500_50), ("€ 2.000", 2_000_00), ("3000 EUR", 3_000_00),
        ("12.500€", 12_500_00), ("45 000 €", 45_000_00), ("45\u{00A0}000 €", 45_000_00), ("45\u{202F}000 €", 45_000_00),
        ("1.234.567,8 €", 1_234_567_80), ("0,05 €", 5), ("250 euros", 250_00), ("5000", 5_000_00),
    ] as [(String, Int64)])
    func amounts(_ text: String, _ cents: Int64) {
        #expect(AmountParser.parseWhole(text) == Money(cents: cents))
    }

    @Test func amountOverflowIsReportedNotWrapped() {
        #expect(AmountParser.parse(Array("99999999999999999999 €".utf8), at: 0) == .overflow(end: 24))
        #expect(AmountParser.parseWhole("92233720368547759 €") == nil)
    }

    @Test(arguments: [
        ("2020", Deadline.year(2020)), ("2e sem. 2020", .semester(2, year: 2020)),
        ("1er semestre 2021", .semester(1, year: 2021)), ("T3 2021", .quarter(3, year: 2021)),
        ("3e trimestre 2021", .quarter(3, year: 2021)), ("Mai 2022", .month(5, year: 2022)),
        ("décembre 2023", .month(12, year: 2023)), ("fin 2022", .endOfYear(2022)),
        ("2019-2024", .period(from: 2019, to: 2024)), ("2019 - 2024", .period(from: 2019, to: 2024)),
        ("En continu", .ongoing), ("S1 2022", .semester(1, year: 2022)),
    ])
    func deadlines(_ text: String, _ expected: Deadline) {
        #expect(DeadlineParser.parse(text) == expected)
    }

    @Test(arguments: ["Bientôt", "2e sem.", "T5 2021", "20200", "2024-2019"])
    func notDeadlines(_ text: String) {
        #expect(DeadlineParser.parse(text) == nil)
    }

    @Test func deadlineYearAndOrder() {
        #expect(Deadline.period(from: 2019, to: 2024).year == 2024)
        #expect(Deadline.ongoing.year == nil)
        #expect(Deadline.semester(1, year: 2021).sortKey < Deadline.quarter(3, year: 2021).sortKey)
    }

    @Test(arguments: [
        ("84022/332-01", "84022", "840", "332-01", BudgetKind.ordinary),
        ("840/731-53", "840", "840", "731-53", .extraordinary),
        ("104/742-51.2019", "104", "104", "742-51", .extraordinary),
        ("8325 / 435-01", "8325", "832", "435-01", .ordinary),
    ])
    func articles(_ text: String, _ function: String, _ main: String, _ economic: String, _ service: BudgetKind) throws {
        let article = try #require(BudgetArticle(parsing: text))
        #expect(article.function == function)
        #expect(article.mainFunction == main)
        #expect(article.economicCode == economic)
        #expect(article.service == service)
    }

    /// An article keeps its code and reads its parts from it: every way of making one gives
    /// back the parts it was made of, and survives JSON.
    @Test(arguments: [
        (BudgetArticle(parsing: "84022/332-01"), "84022", "332", "01", nil, "84022/332-01", "840"),
        (BudgetArticle(parsing: "104/742-51.2019"), "104", "742", "51", 2019, "104/742-51.2019", "104"),
        (BudgetArticle(parsing: " 8325 / 435-01 "), "8325", "435", "01", nil, "8325/435-01", "832"),
        (BudgetArticle(parsing: "84/435-01.0019"), "84", "435", "01", 19, "84/435-01.0019", "84"),
        (BudgetArticle(lenient: "xxx/wal-13.2019"), "xxx", "wal", "13", 2019, "xxx/wal-13.2019", "xxx"),
        (BudgetArticle(function: "é1", economic: "a-b", subCode: "c/d.2", year: -5), "é1", "a-b", "c/d.2", -5, "é1/a-b-c/d.2.-5", "é1"),
        (BudgetArticle(function: "123\u{301}4", economic: "", subCode: ""), "123\u{301}4", "", "", nil, "123\u{301}4/-", "123\u{301}"),
        (BudgetArticle(function: "1234", economic: "1", subCode: "2"), "1234", "1", "2", nil, "1234/1-2", "123"),
    ] as [(BudgetArticle?, String, String, String, Int?, String, String)])
    func articleParts(_ made: BudgetArticle?, _ function: String, _ economic: String, _ subCode: String,
                      _ year: Int?, _ code: String, _ main: String) throws {
        let article = try #require(made)
        #expect(article.function == function)
        #expect(article.economic == economic)
        #expect(article.subCode == subCode)
        #expect(article.year == year)
        #expect(article.code == code)
        #expect(article.mainFunction == main)
        #expect(article.economicCode == economic + "-" + subCode)
        #expect(article == BudgetArticle(function: function, economic: economic, subCode: subCode, year: year) || code.hasSuffix(".0019"))
        let decoded = try JSONDecoder().decode(BudgetArticle.self, from: JSONEncoder().encode(article))
        #expect(decoded.function == function && decoded.economic == economic && decoded.subCode == subCode && decoded.year == year)
    }

    @Test(arguments: ["840", "840/73-53", "840/731-5", "abc/731-53", "840/731-53 x"])
    func notArticles(_ text: String) {
        #expect(BudgetArticle(parsing: text) == nil)
    }

    @Test func officialTable() {
        #expect(EconomicCode.table.count == 672)
        #expect(EconomicCode.lookup("124-02")?.label == "Fournitures techniques pour consommation directe")
        #expect(EconomicCode.lookup("725-60")?.service == .extraordinary)
        #expect(PCS3.axes.count == 7)
        #expect(PCS3.isWellFormedActionCode("6.1.04"))
        #expect(!PCS3.isWellFormedActionCode("9.9.99"))
    }

    @Test(arguments: [("PCS 3", "PCS III"), ("pcs III", "PCS III"), ("PCS3", "PCS III"), ("PST  Aînés", "PST Aînés"), ("pst culture", "PST culture")])
    func planNames(_ text: String, _ expected: String) {
        #expect(PlanName.normalise(text) == expected)
    }

    @Test func folding() {
        #expect(TextFolding.fold("Aînés ÉCOLE Œuvre") == "aines ecole oeuvre")
        #expect(TextFolding.fold("ABC") == "abc")
    }

    @Test func windows1252() {
        let decoded = TextEncoding.decode([0x80, 0x20, 0xE9, 0x9C])
        #expect(decoded?.encoding == .windows1252)
        #expect(decoded.map { String(decoding: $0.utf8, as: UTF8.self) } == "€ éœ")
    }
}

@Suite struct LinkGrammarTests {
    let here = SourceLocation(file: "f", line: 1, column: 1)

    @Test(arguments: [
        ("en lien avec l'axe 6 du PCS III", [["PCS III", "axis", "6"]]),
        ("en lien avec l'action 5.5.02 et l'axe 6 du PCS 3", [["PCS III", "action", "5.5.02"], ["PCS III", "axis", "6"]]),
        ("en lien avec le sous-axe 6.1 de la PCS III", [["PCS III", "sub-axis", "6.1"]]),
        ("cfr PST Aînés - PST Culture", [["PST Aînés", "plan", "-"], ["PST Culture", "plan", "-"]]),
        ("en lien avec la fiche 3 de l'Œuvre commune", [["Œuvre commune", "action", "3"]]),
        ("voir PCDN", [["PCDN", "plan", "-"]]),
    ])
    func links(_ text: String, _ expected: [[String]]) throws {
        let links = try #require(LinkParser.parse(text, location: here))
        #expect(links.map { [$0.plan, $0.element.rawValue, $0.ref ?? "-"] } == expected)
    }

    @Test func notALink() {
        #expect(LinkParser.parse("ex.: Fête des voisins", location: here) == nil)
    }
}

@Suite struct FoldingTests {
    @Test(arguments: ["Aînés", "ÉCOLE Œuvre", "l’action 5.5.02", "3.000 € – fin", "Fête des voisins, Comités de quartier", "ASCII only", "", "45\u{00A0}000 €"])
    func latinFoldAgreesWithFold(_ text: String) {
        let folded = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, text.utf8.count)) { buffer -> String? in
            TextFolding.foldLatin(text, into: buffer).map { String(decoding: UnsafeBufferPointer(rebasing: buffer[..<$0]), as: UTF8.self) }
        }
        #expect(folded == TextFolding.fold(text))
    }

    @Test(arguments: ["Ελληνικά", "日本", "emoji 🎉", "narrow\u{202F}space"])
    func otherScriptsAreLeftToFoundation(_ text: String) {
        let length = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, text.utf8.count)) { TextFolding.foldLatin(text, into: $0) }
        #expect(length == nil)
    }
}

@Suite struct TagTests {
    @Test(arguments: [
        ("<i>Objectif opérationnel 1. x</i>", "Objectif opérationnel 1. x"),
        ("  <B>Objectif</B> <I>y</I> ", "Objectif y"),
        ("a < b <br> c", "a < b <br> c"),
        ("<i", "<i"),
    ])
    func tagsAreStripped(_ text: String, _ expected: String) {
        #expect(PlanBuilder.stripTags(text) == expected)
    }
}
