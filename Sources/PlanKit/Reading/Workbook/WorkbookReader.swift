/// Reads the plans of a workbook: `.xlsx` (Office Open XML) or `.ods` (OpenDocument).
///
/// Each sheet that holds a plan table is a plan, read row by row as a text export of that sheet
/// would be. Loaded whole, a workbook's sheets that hold no plan table are skipped with a
/// `read.sheet-skipped` warning; named (`book.xlsx#Environnement`), one sheet is read.
struct WorkbookReader {
    var fields: PlanFields
    var layout: TableLayout? = nil

    /// Whether `bytes` start like a zip archive, the container of `.xlsx` and `.ods` files.
    static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 3 && bytes[3] == 4
    }

    /// Whether `bytes` start like an OLE2 compound file: an old `.xls`, or an encrypted workbook.
    static func isCompoundFile(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 8 && bytes[0..<8].elementsEqual([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }

    /// Whether `file` is named like a workbook.
    static func isWorkbookName(_ file: String) -> Bool {
        let lower = file.lowercased()
        return [".xlsx", ".xlsm", ".ods"].contains { lower.hasSuffix($0) }
    }

    /// The error for an OLE2 compound file, which PlanKit does not read: a password-protected
    /// workbook (its directory names an `EncryptedPackage`), an old binary `.xls`, or another
    /// Office binary file.
    static func compoundFileError(_ bytes: [UInt8], file: String) -> PlanReadError {
        func named(_ name: String) -> Bool {
            let utf16: [UInt8] = name.utf8.flatMap { byte -> [UInt8] in [byte, 0] }
            return TextFolding.firstOffset(of: utf16, in: bytes, from: 0) != nil
        }
        if named("EncryptedPackage") || named("EncryptionInfo") {
            return PlanReadError(file: file, message: "This workbook is protected by a password (encrypted), and PlanKit cannot read it. Open it in a spreadsheet program, remove the password, and save it again (or save a copy without the password).")
        }
        if named("Workbook") || named("Book") {
            return PlanReadError(file: file, message: "This is an old binary Excel workbook (.xls), which PlanKit does not read. Open it in a spreadsheet program and save it as an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods).")
        }
        return PlanReadError(file: file, message: "This is an old Office binary file (OLE2), not a workbook PlanKit reads. Save the plan as an Excel workbook (.xlsx), an OpenDocument spreadsheet (.ods), or tab-separated text.")
    }

    /// Reads the plans of the workbook in `bytes`: every sheet's, or the one named `sheet`.
    ///
    /// - Throws: ``PlanReadError`` when the bytes are no workbook, a limit is passed, the named
    ///   sheet is missing or holds no plan, or no sheet holds one.
    func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(PlanReadError) -> [Plan] {
        if Self.isCompoundFile(bytes) { throw Self.compoundFileError(bytes, file: file) }
        guard Self.isZip(bytes) else {
            throw PlanReadError(file: file, message: "This file is named like a workbook but is not one: it does not start like a zip archive, the container of .xlsx and .ods files. It may be truncated, or another kind of file renamed; open it in a spreadsheet program and save it again.")
        }
        let archive = try WorkbookArchive(bytes, file: file)
        if archive.contains("content.xml") {
            if let manifest = try archive.read("META-INF/manifest.xml"),
               TextFolding.firstOffset(of: Array("encryption-data".utf8), in: manifest, from: 0) != nil {
                throw PlanReadError(file: file, message: "This workbook is protected by a password (encrypted), and PlanKit cannot read it. Open it in a spreadsheet program, remove the password, and save it again (or save a copy without the password).")
            }
            let reader = try ODSReader(archive: archive, file: file)
            return try plans(reader.sheets, file: file, named: sheet) { plans throws(PlanReadError) in try reader.read(into: plans) }
        }
        if archive.contains("_rels/.rels") || archive.contains("xl/workbook.xml") {
            let reader = try XLSXReader(archive: archive, file: file)
            return try plans(reader.sheets, file: file, named: sheet) { plans throws(PlanReadError) in
                for (index, plan) in plans.sorted(by: { $0.key < $1.key }) {
                    do throws(PlanReadError) { try reader.read(sheet: index, into: plan) } catch { plan.fail(error) }
                }
            }
        }
        throw PlanReadError(file: file, message: "This zip archive is not a workbook: it holds neither a spreadsheet's xl/workbook.xml (.xlsx) nor content.xml (.ods). Save the plan as .xlsx or .ods from a spreadsheet program, or export its sheet as tab-separated text.")
    }

    /// The plans of `sheets` (or of the one `named`), each read by `read` into its ``SheetPlan``.
    private func plans(
        _ sheets: [WorkbookSheet], file: String, named: String?, read: ([Int: SheetPlan]) throws(PlanReadError) -> Void
    ) throws(PlanReadError) -> [Plan] {
        guard !sheets.isEmpty else {
            throw PlanReadError(file: file, message: "This workbook has no sheet; save the plan's sheet in it again.")
        }
        let multiSheet = sheets.count > 1
        var indexes = Array(sheets.indices)
        if let named {
            let folded = TextFolding.fold(named).trimmed
            guard let index = sheets.firstIndex(where: { $0.name == named })
                ?? sheets.firstIndex(where: { TextFolding.fold($0.name).trimmed == folded }) else {
                throw PlanReadError(
                    file: file,
                    message: "This workbook has no sheet named \"\(named)\"; its sheets are \(sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")). Name one of them after #, as \(file)#\(sheets[0].name).")
            }
            indexes = [index]
        }
        var sheetPlans: [Int: SheetPlan] = [:]
        for index in indexes where !sheets[index].chart {
            sheetPlans[index] = SheetPlan(workbook: file, sheet: sheets[index], fields: fields, layout: layout, multiSheet: multiSheet)
        }
        if let named, sheetPlans.isEmpty {
            throw PlanReadError(file: file, message: "The sheet \"\(named)\" is a chart, which holds no plan table; name a sheet of cells.")
        }
        try read(sheetPlans)
        var plans: [Plan] = []
        var skipped: [Diagnostic] = []
        var errors: [PlanReadError] = []
        for index in indexes {
            guard let sheetPlan = sheetPlans[index] else {
                skipped.append(Diagnostic(
                    .sheetSkipped, location: SourceLocation(sheet: "\(file)#\(sheets[index].name)", row: 0, column: 0),
                    message: "This sheet is a chart, which holds no plan table; it is skipped.", text: sheets[index].name))
                continue
            }
            do { plans.append(try sheetPlan.finish()) } catch {
                // One sheet named, or the only one: its error is the workbook's.
                if named != nil || !multiSheet { throw error }
                // An empty sheet (Excel's Feuil2, Feuil3) is skipped without a word.
                guard sheetPlan.hasContent || sheetPlan.error != nil else { continue }
                errors.append(error)
                skipped.append(Diagnostic(
                    .sheetSkipped, location: error.location.line == 0 ? SourceLocation(sheet: sheetPlan.file, row: 0, column: 0) : error.location,
                    message: "This sheet is skipped: it holds no plan table PlanKit reads (\(error.message))",
                    text: sheets[index].name))
            }
        }
        guard !plans.isEmpty else {
            let reasons = errors.map { "\($0)" }
            throw PlanReadError(
                file: file,
                message: reasons.isEmpty
                    ? "No sheet of this workbook holds anything; save the plan's sheet in it again."
                    : "No sheet of this workbook holds a plan table PlanKit reads: " + reasons.joined(separator: " ") + " Name the plan's sheet after # to see its own error, as \(file)#\(sheets[0].name).")
        }
        plans[0].warnings += skipped
        return plans
    }
}
