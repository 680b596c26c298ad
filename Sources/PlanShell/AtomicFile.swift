import Foundation

/// Writes files atomically: a temporary file beside the target, then a rename.
public enum AtomicFile {
    /// Writes `bytes` to `path`, never leaving it half-written.
    ///
    /// - Throws: ``AtomicFile/Failure`` with a sentence naming the path.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".plankit-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else {
            throw Failure(message: "\(path): error: cannot write here (\(String(cString: strerror(errno)))); check the directory exists and is writable.")
        }
        var offset = 0
        var failed = false
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while offset < buffer.count {
                let n = Foundation.write(fd, base + offset, buffer.count - offset)
                if n <= 0 { failed = true; return }
                offset += n
            }
        }
        if fsync(fd) != 0 { failed = true }
        close(fd)
        if failed || rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(message: "\(path): error: the file could not be written (\(reason)); it was left as it was.")
        }
    }

    /// A write that failed; the target is untouched.
    public struct Failure: Error, Sendable {
        /// A full sentence naming the path.
        public var message: String
    }

    /// Whether two paths name the same existing file.
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
