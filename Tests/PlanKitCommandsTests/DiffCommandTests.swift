import Foundation
import Testing

/// `plankit diff OLD NEW`, end to end through the built executable.
@Suite struct DiffCommandTests {
    /// The seed with six edits: action 1.2's agent changed, a word of action 1.3's title changed,
    /// action 2.1 removed, action 3.1's amount raised from 30.000 € to 35.000 €, action 3.3
    /// renumbered 3.4, and an action 3.5 added.
    static func editedSeed() throws -> String {
        let seed = try String(contentsOfFile: Executable.seed, encoding: .utf8)
        var lines: [String] = []
        for var line in seed.components(separatedBy: "\n") {
            if line.hasPrefix("\t\tAction 2.1.") { continue }
            if line.hasPrefix("\t\tAction 1.2.") {
                var cells = line.components(separatedBy: "\t")
                #expect(cells[5] == "Cheffe de projet PCS")
                cells[5] = "Coordinateur PCS"
                line = cells.joined(separator: "\t")
            }
            if line.hasPrefix("\t\tAction 1.3.") {
                line = line.replacingOccurrences(of: "Organiser régulièrement des sondages", with: "Organiser régulièrement les sondages")
            }
            if line.hasPrefix("\t\tAction 3.1.") { line = line.replacingOccurrences(of: "30.000 €", with: "35.000 €") }
            if line.hasPrefix("\t\tAction 3.3.") {
                line = line.replacingOccurrences(of: "Action 3.3.", with: "Action 3.4.").replacingOccurrences(of: "\tA 3.3\t", with: "\tA 3.4\t")
                lines.append(line)
                line = "\t\tAction 3.5. Créer un répertoire des associations locales\tS. Boulanger\tPCS\t??\t2021\tA 3.5\t\t\t"
            }
            lines.append(line)
        }
        let edited = lines.joined(separator: "\n")
        #expect(edited != seed)
        return edited
    }

    /// Writes the edited seed in a fresh directory; its path.
    static func writeEditedSeed(in directory: String) throws -> String {
        let path = directory + "/pst-citoyennete-2021.tsv"
        try Data(try editedSeed().utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Docs/diff.md's example compares the seed with `Tests/Fixtures/pst-citoyennete-2021.tsv`:
    /// the same edits.
    @Test func theDocsFixtureHoldsTheEdits() throws {
        #expect(try String(contentsOfFile: Executable.fixture("pst-citoyennete-2021.tsv"), encoding: .utf8) == Self.editedSeed())
    }

    @Test func theEditsAndNothingElse() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let edited = try Self.writeEditedSeed(in: dir)
        let result = try Executable.run(["diff", Executable.seed, edited, "--format", "csv"])
        #expect(result.status == 1)
        #expect(result.stderr == "")
        #expect(result.stdout.replacingOccurrences(of: "\r\n", with: "\n") == """
            change,element,old,new,field,before,after,match
            removed,action,2.1,,,"Mettre en place un groupe de travail ""citoyen"" au sein de l'administration afin de coordonner l'organisation d'activités favorisant l'intergénérationnel (via la PAT notamment)",,
            changed,action,1.2,1.2,pilot.agent,Cheffe de projet PCS,Coordinateur PCS,same id and title
            changed,action,1.3,1.3,title,"Organiser régulièrement des sondages et consulter la population via la mise en place d'une plateforme en ligne, via des rencontres sur le terrain","Organiser régulièrement les sondages et consulter la population via la mise en place d'une plateforme en ligne, via des rencontres sur le terrain",similar title 0.99
            changed,action,3.1,3.1,ordinary[1].amount,30000 €,35000 €,same id and title
            renumbered,action,3.3,3.4,id,3.3,3.4,same title
            added,action,,3.5,,,Créer un répertoire des associations locales,
            total,budget,,,ordinary,70000 € + 3 unknown,75000 € + 3 unknown,
            total,article,,,84022/332-01,30000 €,35000 €,

            """)
    }

    /// Swapped, the same edits read backwards.
    @Test func backwards() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let edited = try Self.writeEditedSeed(in: dir)
        let result = try Executable.run(["diff", edited, Executable.seed, "--format", "markdown"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            | change | element | old | new | field | before | after | match |
            | --- | --- | --- | --- | --- | --- | --- | --- |
            | removed | action | 3.5 |  |  | Créer un répertoire des associations locales |  |  |
            | changed | action | 1.2 | 1.2 | pilot.agent | Coordinateur PCS | Cheffe de projet PCS | same id and title |
            | changed | action | 1.3 | 1.3 | title | Organiser régulièrement les sondages et consulter la population via la mise en place d'une plateforme en ligne, via des rencontres sur le terrain | Organiser régulièrement des sondages et consulter la population via la mise en place d'une plateforme en ligne, via des rencontres sur le terrain | similar title 0.99 |
            | added | action |  | 2.1 |  |  | Mettre en place un groupe de travail "citoyen" au sein de l'administration afin de coordonner l'organisation d'activités favorisant l'intergénérationnel (via la PAT notamment) |  |
            | changed | action | 3.1 | 3.1 | ordinary[1].amount | 35000 € | 30000 € | same id and title |
            | renumbered | action | 3.4 | 3.3 | id | 3.4 | 3.3 | same title |
            | total | budget |  |  | ordinary | 75000 € + 3 unknown | 70000 € + 3 unknown |  |
            | total | article |  |  | 84022/332-01 | 35000 € | 30000 € |  |

            """)
    }

    /// A plan against itself, and against the same plan in another format, has no difference:
    /// nothing printed, exit 0.
    @Test(arguments: [
        "pst-citoyennete.tsv", "pst-citoyennete-excel.csv", "pst-citoyennete-utf16.txt", "workbooks/pst-citoyennete.xlsx",
        "workbooks/pst-citoyennete.ods",
    ])
    func noDifference(_ name: String) throws {
        for pair in [(Executable.fixture(name), Executable.fixture(name)), (Executable.seed, Executable.fixture(name))] {
            let result = try Executable.run(["diff", pair.0, pair.1])
            #expect(result.status == 0)
            #expect(result.stdout == "")
        }
    }

    /// The seed and its PlanKit JSON conversion: no difference, in every format (csv and json
    /// print an empty table).
    @Test(arguments: [("table", ""), ("markdown", ""), ("csv", "change,element,old,new,field,before,after,match\r\n"), ("json", "[]\n")])
    func noDifferenceAcrossFormats(_ format: String, _ expected: String) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let json = dir + "/pst-citoyennete.json"
        #expect(try Executable.run(["convert", Executable.seed, "--to", "json", "-o", json]).status == 0)
        for pair in [(Executable.seed, json), (json, Executable.seed), (json, json)] {
            let result = try Executable.run(["diff", pair.0, pair.1, "--format", format])
            #expect(result.status == 0)
            #expect(result.stderr == "")
            #expect(result.stdout == expected)
        }
    }

    /// JSON: one object per row, the edited seed against its JSON conversion too.
    @Test func jsonAcrossFormats() throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let edited = try Self.writeEditedSeed(in: dir)
        let json = dir + "/edited.json"
        #expect(try Executable.run(["convert", edited, "--to", "json", "-o", json]).status == 0)
        let direct = try Executable.run(["diff", Executable.seed, edited, "--format", "json"])
        let converted = try Executable.run(["diff", Executable.seed, json, "--format", "json"])
        #expect(direct.status == 1)
        #expect(converted.status == 1)
        #expect(direct.stdout == converted.stdout)
        let rows = try JSONSerialization.jsonObject(with: Data(direct.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 8)
        #expect(rows?[4]["change"] as? String == "renumbered")
        #expect(rows?[4]["match"] as? String == "same title")
    }

    /// Two plans of 501 actions with no title in common leave 251 001 pairs of titles: beyond
    /// the limit, they are not compared, and a warning says so.
    @Test func tooManyTitlesToCompare() throws {
        let seed = try String(contentsOfFile: Executable.seed, encoding: .utf8).components(separatedBy: "\n")
        let head = seed.prefix { !$0.hasPrefix("\t\tAction") }.joined(separator: "\n")
        func plan(_ word: String) -> String {
            head + "\n" + (1...501).map { "\t\tAction 1.\($0). \(word) \($0)\tS. Boulanger\tPCS\t??\t2021\tA 1.\($0)\t\t\t" }.joined(separator: "\n") + "\n"
        }
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        try Data(plan("Organiser").utf8).write(to: URL(fileURLWithPath: dir + "/old.tsv"))
        try Data(plan("Soutenir").utf8).write(to: URL(fileURLWithPath: dir + "/new.tsv"))
        let result = try Executable.run(["diff", dir + "/old.tsv", dir + "/new.tsv", "--format", "csv"])
        #expect(result.status == 1)
        #expect(result.stderr == "warning: too many actions are left unpaired by number and title to compare their titles for similarity (over 250000 pairs); they are listed as removed and added. Compare smaller plans, such as one sheet or domain at a time.\n")
        let rows = result.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.filter { $0.hasPrefix("removed,action,") }.count == 501)
        #expect(rows.filter { $0.hasPrefix("added,action,") }.count == 501)
    }

    @Test func errors() throws {
        let missing = try Executable.run(["diff", "nope.tsv", Executable.seed])
        #expect(missing.status == 2)
        #expect(missing.stdout == "")
        #expect(missing.stderr == "nope.tsv: error: No such file; check the path.\n")

        let book = Executable.fixture("workbooks/book.xlsx")
        let several = try Executable.run(["diff", book, Executable.seed])
        #expect(several.status == 2)
        #expect(several.stderr.hasSuffix("""
            \(book): error: this file holds 3 plans (\(book)#Citoyennete, \(book)#Environnement, \(book)#Brouillon); name the one to compare, e.g. \(book)#Citoyennete.

            """))

        let usage = try Executable.run(["diff", Executable.seed])
        #expect(usage.status == 2)
        #expect(usage.stderr.hasPrefix("Error: Missing expected argument '<new>'\n"))
    }
}

/// `plankit diff` on two versions of an eComptes file: the follow-up fields, field by field.
@Suite struct DiffFollowUpCommandTests {
    /// The edits, per action (its `ElementId`): each text replaced, within the action only.
    static let edits: [(element: String, replacements: [(String, String)])] = [
        ("a-2", [("<Statut>EN_COURS</Statut>", "<Statut>TERMINE</Statut>"), ("<TauxAvancement>40<", "<TauxAvancement>100<"),
                 ("<DateFin>2025-06-30<", "<DateFin>2025-03-31<"), ("<ETP>1<", "<ETP>0.5<"),
                 ("<Plans/>", "<Plans><Plan>PST Énergie</Plan></Plans>")]),
        ("a-4", [("<RemarqueStatut>\n                            <Mode>TEXTE</Mode>\n                            <Valeur/>",
                  "<RemarqueStatut>\n                            <Mode>TEXTE</Mode>\n                            <Valeur>Attente du subside</Valeur>"),
                 ("<Partenaires/>", "<Partenaires><Partenaire>Province</Partenaire></Partenaires>")]),
        ("a-9-1", [("A.9 - SA.1 - ", "A.8 - SA.1 - ")]),
    ]

    /// `Tests/Fixtures/ecomptes-follow-up.xml` with ``edits`` made.
    static func edited() throws -> String {
        var xml = try String(contentsOfFile: Executable.fixture("ecomptes-follow-up.xml"), encoding: .utf8)
        for (element, replacements) in edits {
            let start = try #require(xml.range(of: "ElementId=\"\(element)\""))
            let end = try #require(xml.range(of: "</Action>", range: start.upperBound..<xml.endIndex))
            var block = String(xml[start.lowerBound..<end.upperBound])
            for (old, new) in replacements {
                #expect(block.contains(old), "\(element): \(old)")
                block = block.replacingOccurrences(of: old, with: new)
            }
            xml.replaceSubrange(start.lowerBound..<end.upperBound, with: block)
        }
        return xml
    }

    /// Docs/diff.md's eComptes example compares the fixture with
    /// `Tests/Fixtures/ecomptes-follow-up-2025.xml`: the same edits.
    @Test func theDocsFixtureHoldsTheEdits() throws {
        #expect(try String(contentsOfFile: Executable.fixture("ecomptes-follow-up-2025.xml"), encoding: .utf8) == Self.edited())
    }

    /// The edits of `Tests/Fixtures/follow-up.json` (PlanKit JSON with iA.PST's follow-up
    /// fields) that make `follow-up-2025.json`: action 1.1's priority, indicator and amount
    /// spent, action 1.2's health and funding. Each text occurs once in the file.
    static let jsonEdits = [
        (#""text": "risque""#, #""text": "bon""#), (#""value": "risk""#, #""value": "good""#),
        (#""reached": 8"#, #""reached": 10"#), (#""text": "Agents formés = 8 / 10""#, #""text": "Agents formés = 10 / 10""#),
        (#""text": "2025 pour FEDER: 5000€""#, #""text": "2025 pour FEDER: 6000€""#), (#""value": 500000"#, #""value": 600000"#),
        (#""value": 250000"#, #""value": 290000"#),
        (#""text": "haute""#, #""text": "moyenne""#), (#""value": "haute""#, #""value": "moyenne""#),
    ]

    /// Docs/diff.md's PlanKit JSON example compares the fixture with
    /// `Tests/Fixtures/follow-up-2025.json`: these edits, and they give these rows.
    @Test func theFollowUpJSONEdits() throws {
        var json = try String(contentsOfFile: Executable.fixture("follow-up.json"), encoding: .utf8)
        for (old, new) in Self.jsonEdits {
            #expect(json.components(separatedBy: old).count == 2, "\(old)")
            json = json.replacingOccurrences(of: old, with: new)
        }
        let edited = Executable.fixture("follow-up-2025.json")
        #expect(try String(contentsOfFile: edited, encoding: .utf8) == json)
        let result = try Executable.run(["diff", Executable.fixture("follow-up.json"), edited, "--format", "csv"])
        #expect(result.status == 1)
        #expect(result.stderr == "")
        #expect(result.stdout.replacingOccurrences(of: "\r\n", with: "\n") == """
            change,element,old,new,field,before,after,match
            changed,action,1.1,1.1,priority,haute,moyenne,same id and title
            changed,action,1.1,1.1,indicators,Agents formés = 8 / 10,Agents formés = 10 / 10,same id and title
            changed,action,1.1,1.1,amounts,"2024: planned 3000 €, actual 2500 €","2024: planned 3000 €, actual 2900 €",same id and title
            changed,action,1.2,1.2,health,risque,bon,same id and title
            changed,action,1.2,1.2,funding,2025 pour FEDER: 5000€,2025 pour FEDER: 6000€,same id and title

            """)
    }

    static let csv = """
        change,element,old,new,field,before,after,match
        changed,action,2,2,fte,1,0.5,same id and title
        changed,action,2,2,status,EN_COURS,TERMINE,same id and title
        changed,action,2,2,progress,40,100,same id and title
        changed,action,2,2,end.planned,2025-06-30,2025-03-31,same id and title
        changed,action,2,2,plans,,PST Énergie,same id and title
        changed,action,4,4,partners,,Province,same id and title
        changed,action,4,4,status.remark,,Attente du subside,same id and title
        renumbered,action,9.1,8.1,id,9.1,8.1,same title
        changed,action,9.1,8.1,code,A.9,A.8,same title
        changed,action,9.1,8.1,parent,9,8,same title

        """

    /// Every format lists the same rows: csv and markdown whole, json parsed, table by its values.
    @Test(arguments: ["csv", "markdown", "json", "table"])
    func theEditsAndNothingElse(_ format: String) throws {
        let dir = try Executable.temporaryDirectory()
        defer { Executable.remove(dir) }
        let path = dir + "/ecomptes-follow-up-2025.xml"
        try Data(try Self.edited().utf8).write(to: URL(fileURLWithPath: path))
        let result = try Executable.run(["diff", Executable.fixture("ecomptes-follow-up.xml"), path, "--format", format])
        #expect(result.status == 1)
        #expect(result.stderr == "")
        let rows = PeerTools.csv(Self.csv)
        switch format {
        case "csv":
            #expect(result.stdout.replacingOccurrences(of: "\r\n", with: "\n") == Self.csv)
        case "markdown":
            let expected = rows.enumerated().map { index, row in
                "| " + row.joined(separator: " | ") + " |"
                    + (index == 0 ? "\n|" + String(repeating: " --- |", count: row.count) : "")
            }.joined(separator: "\n") + "\n"
            #expect(result.stdout == expected)
        case "json":
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(objects.count == rows.count - 1)
            for (object, row) in zip(objects, rows.dropFirst()) {
                for (column, value) in zip(rows[0], row) {
                    #expect((object[column] as? String ?? "") == value, "\(column)")
                }
            }
        default:
            for row in rows.dropFirst() {
                #expect(result.stdout.contains(row[4]), "\(row[4])")
            }
        }
    }
}
