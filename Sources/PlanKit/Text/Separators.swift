import Foundation

/// Separators for ``StringProtocol/splitting(_:)``, as bytes, with a table of the bytes that start one.
struct Separators: Sendable {
    /// Each separator's UTF-8.
    let bytes: [[UInt8]]
    /// Whether a byte starts a separator, by byte value.
    let starts: [Bool]

    /// Separators from their texts (empty ones are ignored).
    init(_ separators: [String]) {
        bytes = separators.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var starts = [Bool](repeating: false, count: 256)
        for separator in bytes { starts[Int(separator[0])] = true }
        self.starts = starts
    }
}

extension StringProtocol {
    /// The text split at every occurrence of any of `separators` (UTF-8, compared byte by byte).
    func splitting(_ separators: Separators) -> [String] {
        let whole = String(self)
        var text = whole
        var parts = text.withUTF8 { h in
            var parts: [String] = []
            var start = 0
            var i = 0
            scan: while i < h.count {
                guard separators.starts[Int(h[i])] else {
                    i += 1
                    continue
                }
                for sep in separators.bytes where i + sep.count <= h.count && h[i] == sep[0] {
                    var k = 1
                    while k < sep.count && h[i + k] == sep[k] { k += 1 }
                    guard k == sep.count else { continue }
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: h[start..<i]), as: UTF8.self))
                    i += sep.count
                    start = i
                    continue scan
                }
                i += 1
            }
            if start > 0 { parts.append(String(decoding: UnsafeBufferPointer(rebasing: h[start...]), as: UTF8.self)) }
            return parts
        }
        // Text with no separator is returned as it is, sharing its storage.
        if parts.isEmpty { parts.append(whole) }
        return parts
    }
}
