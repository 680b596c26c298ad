import Foundation

/// Reads plan files of every format PlanKit knows, recognised by content and extension.
///
/// `.tsv`, `.csv` and `.txt` spreadsheet exports; `.json` PlanKit JSON; `.xml` eComptes. A
/// file whose content starts with `{` is read as JSON, one starting with `<` as eComptes XML,
/// whatever its extension.
public struct PlanReader: Sendable {
    /// The largest file PlanKit reads, in bytes (512 MiB).
    public static let maximumFileSize = 512 << 20

    /// The parts of each action spreadsheet exports are parsed for; JSON and eComptes files are always read whole.
    public var fields: PlanFields

    /// Creates a reader that parses `fields` of each action in spreadsheets (all of them by default).
    public init(fields: PlanFields = .all) {
        self.fields = fields
    }

    /// Reads the plans a file holds (a spreadsheet holds one; a JSON document any number).
    ///
    /// - Throws: ``PlanReadError`` when the file is missing, a directory, too large, or unreadable.
    public func read(path: String) throws(PlanReadError) -> [Plan] {
        try read(try Self.load(path: path), file: path)
    }

    /// Reads the plans in `bytes`, naming `file` in locations.
    public func read(_ bytes: [UInt8], file: String) throws(PlanReadError) -> [Plan] {
        let first = bytes.drop(while: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }).first
        if first == UInt8(ascii: "{") || file.lowercased().hasSuffix(".json") {
            return try PlanKitJSON.decode(bytes, file: file)
        }
        if first == UInt8(ascii: "<") || file.lowercased().hasSuffix(".xml") {
            return [try EComptesReader().read(bytes, file: file)]
        }
        return [try SpreadsheetReader(fields: fields).read(bytes, file: file)]
    }

    /// Loads a file's bytes, with errors that say what to do.
    public static func load(path: String) throws(PlanReadError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PlanReadError(file: path, message: "No such file; check the path.")
        }
        if isDirectory.boolValue {
            throw PlanReadError(file: path, message: "This is a directory; name the plan files inside it.")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PlanReadError(file: path, message: "The file cannot be opened; check its permissions.")
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maximumFileSize {
            throw PlanReadError(file: path, message: "The file is \(size >> 20) MiB, more than the \(maximumFileSize >> 20) MiB PlanKit reads; split it into one file per plan.")
        }
        do {
            let data = try handle.readToEnd() ?? Data()
            return [UInt8](data)
        } catch {
            throw PlanReadError(file: path, message: "The file cannot be read (\(error.localizedDescription)).")
        }
    }
}
