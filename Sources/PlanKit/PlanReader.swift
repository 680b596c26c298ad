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

    /// The extensions of the files a directory is read for: ``planFiles(_:)``.
    public static let planExtensions = ["tsv", "csv", "txt", "xml", "json"]

    /// The plan files `paths` name: a file as given; for a directory, the files directly in it
    /// whose extension is one of ``planExtensions`` (in any case), sorted by name.
    ///
    /// - Throws: ``PlanReadError`` for a directory that cannot be listed or holds no plan file.
    public static func planFiles(_ paths: [String]) throws(PlanReadError) -> [String] {
        var files: [String] = []
        files.reserveCapacity(paths.count)
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                throw PlanReadError(file: path, message: "The directory cannot be listed; check its permissions.")
            }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            let plans = names.filter { name in
                guard let dot = name.lastIndex(of: "."), dot != name.startIndex,
                      planExtensions.contains(name[name.index(after: dot)...].lowercased()) else { return false }
                var isSubdirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: prefix + name, isDirectory: &isSubdirectory) && !isSubdirectory.boolValue
            }
            guard !plans.isEmpty else {
                throw PlanReadError(file: path, message: "This directory holds no plan file (.tsv, .csv, .txt, .xml or .json); name the plan files, or a directory that holds them.")
            }
            // Sorted by bytes, so the order does not depend on the locale.
            files += plans.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { prefix + $0 }
        }
        return files
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
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw PlanReadError(file: path, message: "The file cannot be opened; check its permissions.")
        }
        defer { close(descriptor) }
        var status = stat()
        let size = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        if size > maximumFileSize {
            throw PlanReadError(file: path, message: "The file is \(size >> 20) MiB, more than the \(maximumFileSize >> 20) MiB PlanKit reads; split it into one file per plan.")
        }
        // Read straight into the array, without zeroing it first; one byte more than the size, so
        // the read that finds the end needs no more room.
        var failure: Int32 = 0
        var full = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            while initialized < buffer.count {
                let count = systemRead(descriptor, base + initialized, buffer.count - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 { return }
                initialized += count
            }
            full = true
        }
        if failure != 0 {
            throw PlanReadError(file: path, message: "The file cannot be read (\(String(cString: strerror(failure)))).")
        }
        guard full else { return bytes }
        // The file grew while it was read: read it to its end.
        var filled = bytes.count
        while true {
            if filled == bytes.count {
                if bytes.count >= maximumFileSize {
                    throw PlanReadError(file: path, message: "The file is larger than the \(maximumFileSize >> 20) MiB PlanKit reads; split it into one file per plan.")
                }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return systemRead(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw PlanReadError(file: path, message: "The file cannot be read (\(String(cString: strerror(errno)))).")
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}

/// The system's `read(2)`, named apart from the `read` methods of the types above.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    Darwin.read(descriptor, buffer, count)
    #else
    Glibc.read(descriptor, buffer, count)
    #endif
}
