/// Checks a zip archive's directory before ZIPFoundation walks it: every entry its central
/// directory lists must lie inside the archive (ZIPFoundation reads an in-memory archive at the
/// offsets the directory gives, and traps on one past its end).
enum ZipDirectory {
    /// Whether every entry of the archive in `bytes` lies inside it, as ZIPFoundation finds
    /// them: the last end-of-directory record, its ZIP64 record when one stands before it, then
    /// each central directory record, its local header and its data.
    static func isSound(_ bytes: [UInt8]) -> Bool {
        let count = bytes.count
        func u16(_ i: Int) -> Int? { i >= 0 && i + 2 <= count ? Int(bytes[i]) | Int(bytes[i + 1]) << 8 : nil }
        func u32(_ i: Int) -> Int? {
            guard let low = u16(i), let high = u16(i + 2) else { return nil }
            return low | high << 16
        }
        func u64(_ i: Int) -> UInt64? {
            guard let low = u32(i), let high = u32(i + 4) else { return nil }
            return UInt64(low) | UInt64(high) << 32
        }
        /// A size or an offset as an `Int` when it lies within the archive.
        func within(_ value: UInt64) -> Int? { value <= UInt64(count) ? Int(value) : nil }
        // The end of central directory record: the last signature, from the end.
        var end = count - 22
        while end >= 0, u32(end) != 0x0605_4B50 { end -= 1 }
        // No record: ZIPFoundation refuses the archive itself.
        guard end >= 0 else { return true }
        guard var entries = u16(end + 10).map(UInt64.init), var directory = u32(end + 16).map(UInt64.init) else { return false }
        let locator = end - 20, record = locator - 56
        if end > 20, locator > 56, u32(locator) == 0x0706_4B50, u32(record) == 0x0606_4B50 {
            // The record's own size (its extensible data is read whole) must fit too.
            guard let total = u64(record + 32), let offset = u64(record + 48), let size = u64(record + 4), within(size) != nil else { return false }
            entries = total
            directory = offset
        }
        guard var position = within(directory) else { return false }
        // Past the archive's limit, the archive is refused on counting; the first entries are checked.
        for _ in 0..<min(entries, UInt64(WorkbookArchive.maximumEntries + 1)) {
            guard u32(position) == 0x0201_4B50 else { return false }
            guard let flags = u16(position + 8), let method = u16(position + 10),
                  let compressed32 = u32(position + 20), let uncompressed32 = u32(position + 24),
                  let nameLength = u16(position + 28), let extraLength = u16(position + 30), let commentLength = u16(position + 32),
                  let offset32 = u32(position + 42) else { return false }
            var compressed = UInt64(compressed32), uncompressed = UInt64(uncompressed32), offset = UInt64(offset32)
            let extraStart = position + 46 + nameLength
            guard extraStart + extraLength + commentLength <= count else { return false }
            if compressed32 == 0xFFFF_FFFF || uncompressed32 == 0xFFFF_FFFF || offset32 == 0xFFFF_FFFF {
                // The ZIP64 extra field holds the values that do not fit, in this order.
                var i = extraStart
                var found = false
                while i + 4 <= extraStart + extraLength, let id = u16(i), let size = u16(i + 2) {
                    if id == 1 {
                        var k = i + 4
                        func next() -> UInt64? {
                            guard k + 8 <= i + 4 + size, let value = u64(k) else { return nil }
                            k += 8
                            return value
                        }
                        if uncompressed32 == 0xFFFF_FFFF { guard let value = next() else { return false }; uncompressed = value }
                        if compressed32 == 0xFFFF_FFFF { guard let value = next() else { return false }; compressed = value }
                        if offset32 == 0xFFFF_FFFF { guard let value = next() else { return false }; offset = value }
                        found = true
                        break
                    }
                    i += 4 + size
                }
                guard found else { return false }
            }
            guard let local = within(offset), u32(local) == 0x0403_4B50,
                  let localName = u16(local + 26), let localExtra = u16(local + 28),
                  let size = within(method == 0 ? uncompressed : compressed) else { return false }
            let dataEnd = local + 30 + localName + localExtra + size
            let zip64 = compressed32 == 0xFFFF_FFFF || uncompressed32 == 0xFFFF_FFFF || offset32 == 0xFFFF_FFFF
            guard dataEnd + (flags & 8 != 0 ? (zip64 ? 24 : 16) : 0) <= count else { return false }
            position = extraStart + extraLength + commentLength
        }
        return true
    }
}
