import Foundation

/// Reads plan files of every format PlanKit knows, recognised by content and extension.
///
/// `.tsv`, `.csv` and `.txt` spreadsheet exports; `.xlsx` and `.ods` workbooks (a plan per sheet
/// that holds one; `book.xlsx#Environnement` names one sheet); `.json` PlanKit JSON; `.xml`
/// eComptes. A file whose content starts with `{` is read as JSON, one starting with `<` as
/// eComptes XML, one starting like a zip archive as a workbook, whatever its extension.
///
/// The path `-` is standard input, named ``standardInputName`` in locations. Pipes, named pipes
/// and devices (`/dev/stdin`, `/dev/fd/N` from a shell's `<(…)`) are read as streams, to their
/// end; opening a named pipe waits for its writer, as `cat` does.
public struct PlanReader: Sendable {
    /// The largest file PlanKit reads, in bytes (512 MiB); a stream is read up to as much.
    public static let maximumFileSize = 512 << 20

    /// The path that names standard input: `-`.
    public static let standardInput = "-"

    /// The name locations give standard input: `<stdin>`.
    public static let standardInputName = "<stdin>"

    /// The parts of each action spreadsheet exports are parsed for; JSON and eComptes files are always read whole.
    public var fields: PlanFields
    /// The layout of a commune's own template (``LayoutFile``), tried in spreadsheets and
    /// workbooks before the layouts PlanKit knows; `nil` for those alone.
    public var layout: TableLayout?

    /// Creates a reader that parses `fields` of each action in spreadsheets (all of them by
    /// default), in the layouts PlanKit knows or, first, in `layout`.
    public init(fields: PlanFields = .all, layout: TableLayout? = nil) {
        self.fields = fields
        self.layout = layout
    }

    /// Reads the plans a file holds (a spreadsheet holds one; a JSON document any number).
    ///
    /// - Throws: ``PlanReadError`` when the file is missing, a directory, too large, or unreadable.
    public func read(path: String) throws(PlanReadError) -> [Plan] {
        if let (workbook, sheet) = Self.sheetPath(path) {
            let bytes = try Self.load(path: workbook)
            guard WorkbookReader.isZip(bytes) || WorkbookReader.isCompoundFile(bytes) || WorkbookReader.isWorkbookName(workbook) else {
                throw PlanReadError(file: workbook, message: "This file is not a workbook, so it has no sheet \"\(sheet)\" to read; only .xlsx and .ods workbooks have sheets to name after #.")
            }
            return try WorkbookReader(fields: fields, layout: layout).read(bytes, file: workbook, sheet: sheet)
        }
        return try read(try Self.load(path: path), file: path == Self.standardInput ? Self.standardInputName : path)
    }

    /// A workbook's path and a sheet's name, when `path` is `book.xlsx#Sheet`: no file has that
    /// path, and one has the part before a `#`.
    static func sheetPath(_ path: String) -> (String, String)? {
        guard path.contains("#"), !FileManager.default.fileExists(atPath: path) else { return nil }
        var index = path.startIndex
        while let hash = path[index...].firstIndex(of: "#") {
            let file = String(path[..<hash]), sheet = String(path[path.index(after: hash)...])
            var isDirectory: ObjCBool = false
            if !file.isEmpty, !sheet.isEmpty, FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue {
                return (file, sheet)
            }
            index = path.index(after: hash)
        }
        return nil
    }

    /// Reads the plans in `bytes`, naming `file` in locations.
    public func read(_ bytes: [UInt8], file: String) throws(PlanReadError) -> [Plan] {
        let first = bytes.drop(while: { Byte.isSpaceOrLineBreak($0) || Byte.byteOrderMark.contains($0) }).first
        if first == UInt8(ascii: "{") || file.lowercased().hasSuffix(".json") {
            return try PlanKitJSON.decode(bytes, file: file)
        }
        if WorkbookReader.isZip(bytes) || WorkbookReader.isCompoundFile(bytes) || WorkbookReader.isWorkbookName(file) {
            return try WorkbookReader(fields: fields, layout: layout).read(bytes, file: file)
        }
        if first == UInt8(ascii: "<") || file.lowercased().hasSuffix(".xml") {
            return [try EComptesReader().read(bytes, file: file)]
        }
        return [try SpreadsheetReader(fields: fields, layout: layout).read(bytes, file: file)]
    }

    /// The extensions of the files a directory is read for: ``planFiles(_:)``.
    public static let planExtensions = ["tsv", "csv", "txt", "xlsx", "xlsm", "ods", "xml", "json"]

    /// The plan files `paths` name: a file as given; for a directory, the files directly in it
    /// whose extension is one of ``planExtensions`` (in any case), sorted by name. `-` (standard
    /// input) and anything else that is not a directory (a pipe, `/dev/fd/N`) are kept as given.
    ///
    /// - Throws: ``PlanReadError`` for a directory that cannot be listed or holds no plan file.
    public static func planFiles(_ paths: [String]) throws(PlanReadError) -> [String] {
        var files: [String] = []
        files.reserveCapacity(paths.count)
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path != standardInput, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                throw PlanReadError(file: path, message: "The directory cannot be listed; check its permissions.")
            }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            let plans = names.filter { name in
                // Office's lock files (`~$book.xlsx`, `.~lock.book.ods#`) are no plans.
                guard !name.hasPrefix("~$"), !name.hasPrefix(".~lock."),
                      let dot = name.lastIndex(of: "."), dot != name.startIndex,
                      planExtensions.contains(name[name.index(after: dot)...].lowercased()) else { return false }
                var isSubdirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: prefix + name, isDirectory: &isSubdirectory) && !isSubdirectory.boolValue
            }
            guard !plans.isEmpty else {
                throw PlanReadError(file: path, message: "This directory holds no plan file (.tsv, .csv, .txt, .xlsx, .ods, .xml or .json); name the plan files, or a directory that holds them.")
            }
            // Sorted by bytes, so the order does not depend on the locale.
            files += plans.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { prefix + $0 }
        }
        return files
    }

    /// Loads a file's bytes, with errors that say what to do; `-` reads standard input.
    ///
    /// A regular file larger than ``maximumFileSize`` is refused before it is read; a pipe, a
    /// named pipe or a device is read to its end, and refused once it gives more than that.
    public static func load(path: String) throws(PlanReadError) -> [UInt8] {
        if path == standardInput {
            return try readToEnd(0, name: standardInputName)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PlanReadError(file: path, message: "No such file; check the path.")
        }
        if isDirectory.boolValue {
            throw PlanReadError(file: path, message: "This is a directory; name the plan files inside it.")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw PlanReadError(file: path, message: "The file cannot be opened; check its permissions.")
        }
        defer { close(descriptor) }
        return try readToEnd(descriptor, name: path)
    }

    /// Reads `descriptor` to its end: a regular file in one read of its size (refused first when
    /// it is too large), anything else in growing chunks, up to ``maximumFileSize`` bytes.
    private static func readToEnd(_ descriptor: Int32, name: String) throws(PlanReadError) -> [UInt8] {
        var status = stat()
        let isRegular = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        let size = isRegular ? Int(status.st_size) : 0
        if size > maximumFileSize {
            throw PlanReadError(file: name, message: "The file is \(size >> 20) MiB, more than the \(maximumFileSize >> 20) MiB PlanKit reads; split it into one file per plan.")
        }
        // Read straight into the array, without zeroing it first; for a file, one byte more than
        // its size, so the read that finds the end needs no more room.
        var room = isRegular ? size + 1 : 1 << 16
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: room) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            (initialized, failure) = readFully(descriptor, base, buffer.count)
        }
        var filled = bytes.count
        // A full array means a stream goes on, or a file grew while it was read: read to the end,
        // one byte past the limit at most.
        while failure == 0, filled == room {
            if filled > maximumFileSize {
                let what = isRegular ? "The file is larger than" : "This stream gives more than"
                throw PlanReadError(file: name, message: "\(what) the \(maximumFileSize >> 20) MiB PlanKit reads; split it into one file per plan.")
            }
            let more = min(max(1 << 16, room), maximumFileSize + 1 - filled)
            // An array of zeros is appended by copying its storage, a repeated element byte by byte.
            bytes.append(contentsOf: [UInt8](repeating: 0, count: more))
            room += more
            let (count, error) = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { readFully(descriptor, $0 + filled, more) } ?? (0, 0)
            }
            filled += count
            failure = error
        }
        if failure != 0 {
            throw PlanReadError(file: name, message: "The file cannot be read (\(String(cString: strerror(failure)))).")
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}

/// Reads into `buffer` until `count` bytes are read or the file ends, retrying interrupted reads:
/// the number read, and the `errno` of a read that failed (0 when none did).
private func readFully(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> (count: Int, failure: Int32) {
    var done = 0
    while done < count {
        let read = systemRead(descriptor, buffer + done, count - done)
        if read < 0 {
            if errno == EINTR { continue }
            return (done, errno)
        }
        if read == 0 { break }
        done += read
    }
    return (done, 0)
}

/// The system's `read(2)`, named apart from the `read` methods of the types above.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    Darwin.read(descriptor, buffer, count)
    #else
    Glibc.read(descriptor, buffer, count)
    #endif
}
