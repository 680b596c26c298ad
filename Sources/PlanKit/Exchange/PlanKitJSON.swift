import Foundation

/// PlanKit JSON: `{"format": "plankit", "version": 1, "plans": [...]}`, a lossless image of the model.
public enum PlanKitJSON {
    /// The format's name, written in every document.
    public static let format = "plankit"
    /// The version this PlanKit writes and reads.
    public static let version = 1

    private struct Document: Codable {
        var format: String
        var version: Int
        var plans: [Plan]
    }

    private struct Header: Decodable {
        var format: String?
        var version: Int?
    }

    /// Encodes plans as a PlanKit JSON document, keys sorted, pretty-printed.
    public static func encode(_ plans: [Plan]) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(Document(format: format, version: version, plans: plans))) + [Byte.lineFeed]
    }

    /// Decodes a PlanKit JSON document.
    ///
    /// - Throws: ``PlanReadError`` naming the file, and the line and column when the JSON is malformed.
    public static func decode(_ bytes: [UInt8], file: String) throws(PlanReadError) -> [Plan] {
        let data = Data(bytes)
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch {
            if let (location, reason) = syntaxError(bytes, file: file) {
                throw PlanReadError(location: location, message: "This is not valid JSON (\(reason)); fix the JSON or export the plan again with `plankit convert FILE --to json`.")
            }
            throw PlanReadError(file: file, message: "This is not valid JSON (\(describe(error))); fix the JSON or export the plan again with `plankit convert FILE --to json`.")
        }
        guard header.format == format else {
            throw PlanReadError(file: file, message: "This JSON is not a PlanKit document: it needs \"format\": \"plankit\"; write one with `plankit convert FILE --to json`.")
        }
        guard header.version == version else {
            throw PlanReadError(file: file, message: "PlanKit JSON version \(header.version.map(String.init) ?? "(none)") is not supported; this PlanKit reads version \(version).")
        }
        do {
            return try JSONDecoder().decode(Document.self, from: data).plans
        } catch {
            throw PlanReadError(file: file, message: "This PlanKit document does not match the format (\(describe(error))); write it again with `plankit convert FILE --to json`.")
        }
    }

    /// Where the JSON in `bytes` is malformed, and why: Foundation's parser names the byte
    /// (`around character 38`, counted from 0), here turned into a line and a column (the
    /// character on the line, from 1); the end of the bytes when the document is cut short.
    static func syntaxError(_ bytes: [UInt8], file: String) -> (SourceLocation, String)? {
        let reason: String
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            return nil
        } catch {
            reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        }
        var offset = bytes.count
        var sentence = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
        if let range = reason.range(of: " around character "),
           let number = Int(reason[range.upperBound...].prefix { $0.isASCIIDigit }) {
            offset = min(max(number, 0), bytes.count)
            sentence = String(reason[..<range.lowerBound])
        }
        var line = 1, lineStart = 0
        for (index, byte) in bytes[..<offset].enumerated() where byte == Byte.lineFeed {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (SourceLocation(file: file, line: line, column: column), sentence)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
             DecodingError.valueNotFound(_, let context), DecodingError.keyNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return [path.isEmpty ? nil : "at \(path)", context.debugDescription, underlying].compactMap { $0 }.joined(separator: ": ")
        default:
            return "\(error)"
        }
    }
}
