import Foundation
import ZIPFoundation
#if canImport(CZlib)
import CZlib
#endif

/// The zip container of a workbook (`.xlsx`, `.ods`), read with limits that a zip bomb cannot pass.
final class WorkbookArchive {
    /// The most entries an archive may list (a workbook has a few dozen).
    static let maximumEntries = 10_000
    /// The most bytes one part may inflate to (256 MiB: a sheet of a million short rows fits).
    static let maximumPartSize = 256 << 20
    /// The most bytes all the parts read may inflate to, together (1 GiB).
    static let maximumTotalSize = 1 << 30

    let file: String
    private let archive: Archive
    /// The entries by path, listed once (looking one up in the archive walks its whole directory).
    private let entries: [String: Entry]
    /// The bytes inflated so far.
    private var inflated = 0

    /// Opens the archive in `bytes`.
    ///
    /// - Throws: ``PlanReadError`` when the bytes are no zip archive or list too many entries.
    init(_ bytes: [UInt8], file: String) throws(PlanReadError) {
        self.file = file
        let archive: Archive
        do {
            guard ZipDirectory.isSound(bytes) else { throw Archive.ArchiveError.unreadableArchive }
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw PlanReadError(
                file: file,
                message: "This file starts like a zip archive (the container of .xlsx and .ods workbooks) but cannot be opened as one: it may be truncated or damaged. Open it in a spreadsheet program and save it again.")
        }
        var count = 0
        var entries: [String: Entry] = [:]
        for entry in archive {
            count += 1
            // The first of two entries of one path, as the archive's own look-up finds it.
            if entries[entry.path] == nil { entries[entry.path] = entry }
            if count > Self.maximumEntries {
                throw PlanReadError(
                    file: file,
                    message: "This zip archive lists more than \(Self.maximumEntries) entries, far more than a workbook holds; it is not read. Save the plan's workbook again from a spreadsheet program.")
            }
        }
        self.archive = archive
        self.entries = entries
    }

    /// Whether the archive holds an entry at `path`.
    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The inflated bytes of the entry at `path`, or `nil` when there is none.
    ///
    /// - Throws: ``PlanReadError`` when the entry would inflate past ``maximumPartSize`` (or all
    ///   parts past ``maximumTotalSize``), whatever its header says, or cannot be inflated.
    func read(_ path: String) throws(PlanReadError) -> [UInt8]? {
        guard let entry = entries[path] else { return nil }
        struct TooLarge: Error {}
        let tooLarge = PlanReadError(
            file: file,
            message: "The workbook's part \(path) inflates to more than \(Self.maximumPartSize >> 20) MiB (or the workbook's parts to more than \(Self.maximumTotalSize >> 30) GiB together); it is not read. Split the plan into smaller workbooks, or export its sheet as tab-separated text.")
        if entry.uncompressedSize > UInt64(Self.maximumPartSize) { throw tooLarge }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(entry.uncompressedSize, 64 << 20)))
        var total = inflated
        do {
            // ZIPFoundation's own checksum is computed byte by byte in Swift, and not compared:
            // the entry's is checked below with zlib's.
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { data in
                total += data.count
                guard bytes.count + data.count <= Self.maximumPartSize, total <= Self.maximumTotalSize else { throw TooLarge() }
                bytes.append(contentsOf: data)
            }
        } catch is TooLarge {
            throw tooLarge
        } catch {
            throw PlanReadError(
                file: file,
                message: "The workbook's part \(path) cannot be inflated (\(error)): the file is damaged. Open it in a spreadsheet program and save it again.")
        }
        inflated = total
        if let checksum = Self.checksum(bytes), checksum != entry.checksum {
            throw PlanReadError(
                file: file,
                message: "The workbook's part \(path) does not match its checksum: the file is damaged. Open it in a spreadsheet program and save it again.")
        }
        return bytes
    }

    /// The CRC-32 of `bytes`, as a zip entry records it (`nil` where zlib is not at hand).
    static func checksum(_ bytes: [UInt8]) -> UInt32? {
        #if canImport(CZlib)
        var crc: UInt = 0
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let length = min(buffer.count - offset, 1 << 30)
                crc = crc32(crc, base + offset, UInt32(length))
                offset += length
            }
        }
        return UInt32(truncatingIfNeeded: crc)
        #else
        return nil
        #endif
    }
}
