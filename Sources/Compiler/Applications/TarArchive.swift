import Foundation

/// The regular files of a tar archive, read in memory from its headers (ustar, GNU long names,
/// pax paths) without extracting anything.
///
/// An uploaded application is untrusted: extracting it with `tar` would follow a symlinked
/// manifest out of the archive, block on a FIFO, or create devices. Reading the headers here
/// means no entry ever touches the file system, and every entry that is not a regular file or
/// a directory is reported by name.
struct TarArchive {
    /// Regular files by path, `./` prefixes removed.
    let files: [String: Data]

    /// Everything wrong with an archive, each problem naming its entry.
    struct Refused: Error, Equatable {
        let problems: [String]
    }

    static let entryLimit = 4_096
    private static let block = 512

    init(_ bytes: Data) throws(Refused) {
        let bytes = [UInt8](bytes)
        var files: [String: Data] = [:]
        var problems: [String] = []
        var offset = 0
        var longName: String?, longLink: String?, paxPath: String?, paxLink: String?, paxSize: Int?
        var entries = 0
        var ended = bytes.isEmpty
        while offset + Self.block <= bytes.count {
            let header = Header(bytes[offset..<offset + Self.block])
            if header.isZero {
                ended = true
                break
            }
            guard header.checksumIsValid, let headerSize = header.size else {
                throw Refused(problems: ["is not a tar archive (no valid header at byte \(offset))"])
            }
            let size = paxSize ?? headerSize
            let start = offset + Self.block
            guard size <= bytes.count - start else { throw Refused(problems: ["is truncated: an entry ends past the end of the archive"]) }
            let data = bytes[start..<start + size]
            offset = start + (size + Self.block - 1) / Self.block * Self.block
            switch header.type {
            case UInt8(ascii: "L"): longName = Header.string(data); continue
            case UInt8(ascii: "K"): longLink = Header.string(data); continue
            case UInt8(ascii: "x"):
                let records = Self.paxRecords(data)
                paxPath = records["path"]
                paxLink = records["linkpath"]
                paxSize = records["size"].flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
                continue
            case UInt8(ascii: "g"): continue
            default: break
            }
            let rawPath = paxPath ?? longName ?? header.path
            let link = paxLink ?? longLink ?? header.linkName
            longName = nil; longLink = nil; paxPath = nil; paxLink = nil; paxSize = nil
            entries += 1
            guard entries <= Self.entryLimit else {
                throw Refused(problems: problems + ["holds more than \(Self.entryLimit) entries"])
            }
            let path = Self.normalized(rawPath)
            if path.isEmpty { continue }
            if rawPath.hasPrefix("/") || path.split(separator: "/").contains("..") {
                problems.append("entry \(rawPath) would land outside the application directory")
                continue
            }
            switch header.type {
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                if files[path] != nil { problems.append("entry \(path) appears twice") }
                files[path] = Data(data)
            case UInt8(ascii: "5"):
                continue
            default:
                problems.append("entry \(path) is \(Self.describe(header.type, link: link)); an application holds only regular files and directories")
            }
        }
        if !ended && offset < bytes.count {
            throw Refused(problems: problems + [offset == 0 ? "is not a tar archive" : "is truncated after byte \(offset)"])
        }
        guard problems.isEmpty else { throw Refused(problems: problems) }
        self.files = files
    }

    private static func normalized(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        while path.hasSuffix("/") { path = path.dropLast() }
        return path == "." ? "" : String(path)
    }

    private static func describe(_ type: UInt8, link: String) -> String {
        switch type {
        case UInt8(ascii: "1"): return "a hard link to \(link)"
        case UInt8(ascii: "2"): return "a symbolic link to \(link)"
        case UInt8(ascii: "3"): return "a character device"
        case UInt8(ascii: "4"): return "a block device"
        case UInt8(ascii: "6"): return "a FIFO"
        case 33...126: return "an entry of type '\(Character(Unicode.Scalar(type)))'"
        default: return "an entry of type \(type)"
        }
    }

    /// pax records: `LENGTH KEY=VALUE\n`, LENGTH counting the whole record.
    private static func paxRecords(_ data: ArraySlice<UInt8>) -> [String: String] {
        var records: [String: String] = [:]
        var index = data.startIndex
        while index < data.endIndex {
            guard let space = data[index...].firstIndex(of: UInt8(ascii: " ")),
                  let length = Int(String(decoding: data[index..<space], as: UTF8.self)),
                  length > space - index, length <= data.endIndex - index else { break }
            let record = data[(space + 1)..<(index + length)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(decoding: record[record.startIndex..<equals], as: UTF8.self)
                var value = record[(equals + 1)...]
                if value.last == UInt8(ascii: "\n") { value = value.dropLast() }
                records[key] = String(decoding: value, as: UTF8.self)
            }
            index += length
        }
        return records
    }

    /// One 512-byte header block.
    private struct Header {
        let bytes: ArraySlice<UInt8>

        init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
        }

        func field(_ offset: Int, _ length: Int) -> ArraySlice<UInt8> {
            bytes[(bytes.startIndex + offset)..<(bytes.startIndex + offset + length)]
        }

        var isZero: Bool { bytes.allSatisfy { $0 == 0 } }
        var type: UInt8 { bytes[bytes.startIndex + 156] }
        var linkName: String { Self.string(field(157, 100)) }

        var path: String {
            let name = Self.string(field(0, 100))
            let isUstar = field(257, 5).elementsEqual("ustar".utf8)
            let prefix = isUstar ? Self.string(field(345, 155)) : ""
            return prefix.isEmpty ? name : prefix + "/" + name
        }

        /// nil when the size is not octal (base-256 sizes are beyond any limit here).
        var size: Int? { Self.octal(field(124, 12)) }

        var checksumIsValid: Bool {
            guard let recorded = Self.octal(field(148, 8)) else { return false }
            let sum = bytes.enumerated().reduce(0) { sum, item in
                sum + ((148..<156).contains(item.offset) ? Int(UInt8(ascii: " ")) : Int(item.element))
            }
            return sum == recorded
        }

        static func string(_ field: ArraySlice<UInt8>) -> String {
            String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
        }

        static func octal(_ field: ArraySlice<UInt8>) -> Int? {
            let digits = field.prefix { $0 != 0 }.filter { $0 != UInt8(ascii: " ") }
            guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) }) else { return nil }
            return digits.reduce(0) { $0 * 8 + Int($1 - UInt8(ascii: "0")) }
        }
    }
}
