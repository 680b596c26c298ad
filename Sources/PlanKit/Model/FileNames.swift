import Foundation

/// The file names locations refer to, each stored once; a location holds a name's number.
///
/// Names are never removed: a session reads a bounded number of files.
///
/// Sendable because `names` and `numbers` are read and written only while `lock` is held.
final class FileNames: @unchecked Sendable {
    /// The table every ``SourceLocation`` uses.
    static let shared = FileNames()

    // Guarded by `lock`.
    private var names: [String] = []
    private var numbers: [String: UInt32] = [:]
    /// Whether each name is a workbook's sheet (`book.xlsx#Citoyennete`), whose locations are cells.
    private var sheets: [Bool] = []
    private let lock = NSLock()

    /// The number of `name`, assigned on first use.
    func number(of name: String) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let number = numbers[name] { return number }
        guard let number = UInt32(exactly: names.count) else { preconditionFailure("More than 4 294 967 295 file names") }
        numbers[name] = number
        names.append(name)
        sheets.append(false)
        return number
    }

    /// The number of `name`, marked as a workbook's sheet: locations in it are cells (`G12`).
    func number(ofSheet name: String) -> UInt32 {
        let number = number(of: name)
        lock.lock()
        defer { lock.unlock() }
        sheets[Int(number)] = true
        return number
    }

    /// Whether the name numbered `number` is a workbook's sheet.
    func isSheet(_ number: UInt32) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return Int(number) < sheets.count && sheets[Int(number)]
    }

    /// The name numbered `number`.
    func name(_ number: UInt32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return Int(number) < names.count ? names[Int(number)] : ""
    }
}
