import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlanKit
import PlanQuery
@testable import PlanReport
import Testing

/// Every figure of a report shows what its query answers: the data tables are the answers, the
/// charts draw the tables' rows.
@Suite struct ReportDataTests {
    /// Each table that names its query holds exactly PlanQuery's answer, column by column, row by row.
    @Test(arguments: ReportInput.all)
    func everyDataTableIsItsQuerysAnswer(_ input: ReportInput) throws {
        let report = try WrittenReport.make(input)
        let tables = try report.nodes("//table[@data-query]")
        #expect(tables.count >= 10)
        for element in tables {
            let table = try DataTable(element, in: report)
            let query = try #require(table.query)
            let answer = try report.answer(query)
            let kept = table.columns.enumerated().filter { !table.computed.contains($0.element) }
            #expect(kept.map(\.element) == answer.columns, "\(query)")
            let shown = table.rows.map { row in kept.map { row[$0.offset] } }
            #expect(shown == answer.rows.map { $0.map(\.text) }, "\(query)")
        }
    }

    /// Each bar carries the label and value of one row of its table, in the table's order; rows
    /// whose value is not known get no length but are still listed.
    @Test(arguments: ReportInput.all)
    func everyBarIsARowOfItsTable(_ input: ReportInput) throws {
        let report = try WrittenReport.make(input)
        var charts = 0
        for figure in try report.nodes("//figure[.//svg[@data-columns]]") {
            let svg = try #require(try report.nodes(".//svg", in: figure).first)
            let columns = (svg.value("data-columns") ?? "").split(separator: "|").map(String.init)
            let table = try DataTable(try #require(try report.nodes(".//table", in: figure).first), in: report)
            let indexes = columns.compactMap { table.columns.firstIndex(of: $0) }
            #expect(indexes.count == columns.count)
            let expected = table.rows.map { row in
                [indexes.dropLast().map { row[$0] }.joined(separator: " · "), row[indexes.last ?? 0]]
            }
            let bars = try report.nodes(".//*[@class='bar']", in: svg).map { [$0.value("data-label") ?? "", $0.value("data-value") ?? ""] }
            #expect(bars == expected, "\(figure.value("id") ?? "")")
            charts += 1
        }
        #expect(charts >= 6)
    }

    /// The credit chart draws articles of its table, with the credit and allocation of their row,
    /// and hatches (and marks) exactly those whose allocations exceed the credit.
    @Test(arguments: [ReportInput.examples, .seed])
    func creditBarsAndOvercommitment(_ input: ReportInput) throws {
        let report = try WrittenReport.make(input)
        var overcommitted = 0
        for figure in try report.nodes("//figure[contains(@id, '-credit')]") {
            let table = try DataTable(try #require(try report.nodes(".//table", in: figure).first), in: report)
            // Per commune, the label is the commune and the article.
            let labels = table.columns.first == "commune" ? [0, 1] : [0]
            let credit = try #require(table.columns.firstIndex { $0 == "credit" || $0 == "max(credit)" })
            let allocated = try #require(table.columns.firstIndex { $0 == "allocated" || $0 == "sum(amount)" })
            /// The known part of a sum: `27000` of `27000 + ?`.
            func known(_ text: String) -> Double? { Double(text.hasSuffix(" + ?") ? String(text.dropLast(4)) : text) }
            for (index, row) in table.rows.enumerated() {
                let over = (known(row[allocated]) ?? 0) > (Double(row[credit]) ?? .infinity)
                #expect(table.marked[index] == over, "\(row)")
                if over { overcommitted += 1 }
            }
            for bar in try report.nodes(".//*[@class='credit']", in: figure) {
                let row = try #require(table.rows.first { row in labels.map { row[$0] }.joined(separator: " · ") == bar.value("data-label") })
                #expect(bar.value("data-credit") == row[credit])
                #expect(bar.value("data-value") == row[allocated])
                #expect((bar.value("data-mark") == "over") == ((known(row[allocated]) ?? 0) > (Double(row[credit]) ?? .infinity)))
                #expect((bar.value("data-incomplete") == "true") == row[allocated].hasSuffix(" + ?"))
            }
        }
        // Examples/ loads pst-cohesion.tsv, whose 1.1 and the seed's 3.2 over-commit 84021/124-02.
        if input.name == ReportInput.examples.name { #expect(overcommitted >= 1) }
    }

    /// The timeline's blocks sum the table's rows by deadline, and its overdue counts are the rows
    /// due before the reference day and neither done nor cancelled.
    @Test(arguments: ReportInput.all)
    func timelineBlocksSumTheRows(_ input: ReportInput) throws {
        let report = try WrittenReport.make(input)
        for figure in try report.nodes("//figure[contains(@id, '-timeline')]") {
            let table = try DataTable(try #require(try report.nodes(".//table", in: figure).first), in: report)
            #expect(table.columns == ["deadline", "status", "count()", "overdue"])
            var due: [String: Int] = [:], late: [String: Int] = [:]
            for row in table.rows {
                due[row[0], default: 0] += Int(row[2]) ?? 0
                late[row[0], default: 0] += Int(row[3]) ?? 0
            }
            let blocks = try report.nodes(".//*[@class='due']", in: figure)
            for block in blocks {
                let deadline = block.value("data-deadline") ?? ""
                #expect(block.value("data-value") == String(due[deadline] ?? -1), "\(deadline)")
                #expect(block.value("data-overdue") == String(late[deadline] ?? -1), "\(deadline)")
            }
        }
    }

    /// With eComptes' statuses, actions due before 2021-07-01 and still waiting or in progress are overdue.
    @Test func overdueActionsOfAnEComptesPlan() throws {
        let report = try WrittenReport.make(.ecomptes)
        let table = try DataTable(try #require(try report.nodes("//figure[@id='plan-1-timeline']//table").first), in: report)
        #expect(table.rows == [
            ["30/06/2020", "in progress", "2", "2"],
            ["30/06/2020", "waiting", "5", "5"],
            ["30/09/2020", "waiting", "3", "3"],
            ["31/10/2020", "waiting", "2", "2"],
            ["30/06/2021", "in progress", "1", "1"],
            ["30/06/2024", "waiting", "2", "0"],
        ])
        let overdue = try report.nodes("//div[@class='card']/span[@class='value']").last
        #expect(overdue?.value("data-value") == "13")
        #expect(ReportBuilder.isOverdue(deadline: .deadline(.year(2020)), status: .text("done"), today: Day(year: 2021, month: 7, day: 1)!) == false)
        #expect(ReportBuilder.isOverdue(deadline: .deadline(.year(2021)), status: .text("waiting"), today: Day(year: 2021, month: 12, day: 31)!) == false)
        #expect(ReportBuilder.isOverdue(deadline: .deadline(.year(2021)), status: .text("waiting"), today: Day(year: 2022, month: 1, day: 1)!) == true)
    }

    /// Without statuses, the report says so rather than guessing which actions are late.
    @Test func withoutStatusesNothingIsOverdue() throws {
        let report = try WrittenReport.make(.seed)
        #expect(report.html.contains(ReportLanguage.fr.words.statusesUnknown))
        #expect(try report.nodes("//*[@class='due' and @data-overdue!='0']").isEmpty)
        #expect(try report.nodes("//div[@class='card']").count == 4)
    }

    /// Each key figure is the single value its query answers.
    @Test(arguments: ReportInput.all)
    func keyFiguresAreTheirQueriesAnswers(_ input: ReportInput) throws {
        let report = try WrittenReport.make(input)
        let cards = try report.nodes("//div[@class='card']")
        #expect(cards.count >= 4)
        for card in cards {
            let query = try #require(card.value("data-query"))
            let answer = try report.answer(query)
            let value = try #require(try report.nodes("./span[@class='value']", in: card).first?.value("data-value"))
            if answer.rows.count == 1, answer.columns.count == 1 {
                #expect(value == answer.rows[0][0].text, "\(query)")
            } else {
                // The overdue card: the sum of the timeline's overdue column.
                #expect(answer.columns == ["deadline", "status", "count()"])
            }
        }
    }

    /// The PCS coverage counts, for each of the seven axes, the links of the links query on it.
    @Test(arguments: [ReportInput.examples, .seed])
    func pcsCoverageCountsTheLinks(_ input: ReportInput) throws {
        let report = try WrittenReport.make(input)
        let table = try DataTable(try #require(try report.nodes("//figure[@id='pcs-axes']//table").first), in: report)
        let links = try report.answer(try #require(try report.nodes("//figure[@id='pcs-links']//table").first?.value("data-query")))
        let ref = try #require(links.columns.firstIndex(of: "ref"))
        #expect(table.rows.map { $0[0] } == ["1", "2", "3", "4", "5", "6", "7"])
        for (index, row) in table.rows.enumerated() {
            let count = links.rows.filter { $0[ref].text.split(separator: ".").first.map(String.init) == row[0] }.count
            #expect(row[2] == String(count))
            #expect(table.marked[index] == (count == 0))
        }
        if input.name == ReportInput.examples.name {
            // The loaded PCS's actions by axis, and none left uncovered: pst-cohesion links 6.1.01.
            #expect(table.rows[4][4] == "5.5.02")
            #expect(table.rows[5][4] == "6.1.01, 6.1.04")
            #expect(table.rows.allSatisfy { $0[5].isEmpty })
        }
    }

    /// One row per commune, each figure the sum of its plans' query answers.
    @Test func oneRowPerCommune() throws {
        let directory = try Plankit.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let generated = try Plankit.run([Plankit.file("Scripts/generate-corpus.py"), directory, "--communes", "3", "--actions-per-oo", "1"],
                                        executable: "/usr/bin/python3")
        #expect(generated.status == 0)
        let input = ReportInput(name: "corpus", files: [directory + "/plans/"])
        let report = try WrittenReport.make(input)
        let table = try DataTable(try #require(try report.nodes("//table[contains(@class, 'sortable')]").first), in: report)
        #expect(table.columns == ["commune", "plans", "actions", "ordinary", "extraordinary", "errors", "warnings", "overdue"])
        #expect(table.rows.map { $0[0] } == ["Commune 001", "Commune 002", "Commune 003"])
        let plans = try report.answer("plans select commune, file")
        for row in table.rows {
            let files = plans.rows.filter { $0[0].text == row[0] }.map { $0[1].text }
            #expect(files.count == Int(row[1]))
            let condition = files.map { "file = \"\($0)\"" }.joined(separator: " or ")
            #expect(try report.answer("actions where \(condition) select count()").rows[0][0].text == row[2])
            // The sum over the commune's files, incomplete (`+ ?`) when some of their amounts are unknown.
            #expect(try report.answer("budget where kind = \"ordinary\" and (\(condition)) select sum(amount)").rows[0][0].text == row[3])
            #expect(try report.answer("budget where kind = \"extraordinary\" and (\(condition)) select sum(amount)").rows[0][0].text == row[4])
            #expect(try report.answer("findings where severity = \"error\" and (\(condition)) select count()").rows[0][0].text == row[5])
        }
        #expect(report.html.contains("<script>"))
    }
}
