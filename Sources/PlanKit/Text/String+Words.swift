import Foundation

extension Collection<String> {
    /// The strings with one space between each: `joined(separator: " ")`, written byte by byte.
    var joinedBySpaces: String {
        var count = 0
        for text in self { count += text.utf8.count + 1 }
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count - 1) { buffer in
            var i = 0
            var first = true
            for text in self {
                if !first { buffer[i] = Byte.space; i += 1 }
                first = false
                for byte in text.utf8 { buffer[i] = byte; i += 1 }
            }
            return i
        }
    }
}

extension TextFolding {
    /// The byte ranges `words` of `bytes` with one space between each, as a string.
    static func joinedBySpaces(_ bytes: [UInt8], _ words: [Range<Int>]) -> String {
        var count = 0
        for word in words { count += word.count + 1 }
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count - 1) { buffer in
            var i = 0
            for (n, word) in words.enumerated() {
                if n > 0 { buffer[i] = Byte.space; i += 1 }
                for index in word { buffer[i] = bytes[index]; i += 1 }
            }
            return i
        }
    }
}

extension String {
    /// The words between spaces (U+0020), without empty ones: `split(separator: " ")` on bytes.
    var spaceSeparatedWords: [String] {
        var text = self
        return text.withUTF8 { bytes in
            var words: [String] = []
            var i = 0
            while i < bytes.count {
                while i < bytes.count, bytes[i] == Byte.space { i += 1 }
                let start = i
                while i < bytes.count, bytes[i] != Byte.space { i += 1 }
                if i > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
            }
            return words
        }
    }

    /// At most the first `count` bytes, cut before a character the limit would split.
    func utf8Prefix(_ count: Int) -> String {
        guard utf8.count > count else { return self }
        var end = utf8.index(utf8.startIndex, offsetBy: count)
        while end > utf8.startIndex, UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
        return String(self[..<end])
    }

    /// Whether the text's UTF-8 holds `byte` (`memchr` on the contiguous storage).
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }

    /// The non-empty pieces between bytes `isSeparator` accepts (ASCII separators only):
    /// `split(whereSeparator:)` on bytes.
    func splitBytes(_ isSeparator: (UInt8) -> Bool) -> [String] {
        var text = self
        return text.withUTF8 { bytes in
            var parts: [String] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || isSeparator(bytes[i]) {
                if i > start { parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
            return parts
        }
    }
}
