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
        return Array(try encoder.encode(Document(format: format, version: version, plans: plans))) + [10]
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
