import Foundation

/// Lays YAML out as PyYAML's block style does, appending to one growing byte buffer: a file of tens of
/// megabytes is written without building a string per line or per value.
struct YAMLWriter {
    var bytes: [UInt8]
    /// Long lists other files hold too, rendered once for all of them.
    let shared: SharedLists?
    /// Spaces to copy indentation from, doubled whenever a line is indented deeper.
    private var indentation = [UInt8](repeating: .space, count: 64)

    init(bytes: [UInt8], shared: SharedLists? = nil) {
        self.bytes = bytes
        self.shared = shared
    }

    /// One document, as `YAMLRenderer.render` describes it.
    mutating func document(_ value: YAMLValue) {
        block(value, indent: 0)
        // Like PyYAML, close a document that is a plain scalar, so that nothing appended can extend it.
        if isPlainScalar(value) { append("...\n") }
    }

    /// A stream of documents, as `YAMLRenderer.renderDocuments` describes it.
    mutating func documents(_ documents: [YAMLValue]) {
        for document in documents {
            if isBlock(document) {
                append("---\n")
                block(document, indent: 0)
            } else {
                append("--- ")
                flow(document)
                bytes.append(.newline)
            }
        }
        if let last = documents.last, isPlainScalar(last) { append("...\n") }
    }

    // MARK: - Layout

    /// `value` as whole lines, each indented by at least `indent` spaces; without `indentsFirstLine` the first
    /// line continues one that holds an indicator ("- " or an explicit key's ": ").
    private mutating func block(_ value: YAMLValue, indent: Int, indentsFirstLine: Bool = true) {
        var indentsLine = indentsFirstLine
        switch value {
        case .list(let items) where !items.isEmpty:
            guard indentsLine, items.count >= SharedLists.minimumCount, let shared else {
                list(items, indent: indent, indentsFirstLine: indentsLine)
                return
            }
            shared.append(items, indent: indent, to: &bytes) {
                var writer = YAMLWriter(bytes: [], shared: shared)
                writer.list(items, indent: 0, indentsFirstLine: true)
                return writer.bytes
            }
        case .map(let entries) where entries.count == 1:
            // Most mappings of a chart's values hold one key: nothing to sort.
            if indentsLine { spaces(indent) }
            let only = entries[entries.startIndex]
            entry(only.key, only.value, indent: indent)
        case .map(let entries) where !entries.isEmpty:
            for position in Self.positionsInKeyOrder(entries) {
                if indentsLine { spaces(indent) }
                indentsLine = true
                entry(entries[position].key, entries[position].value, indent: indent)
            }
        default:
            if indentsLine { spaces(indent) }
            flow(value)
            bytes.append(.newline)
        }
    }

    /// A non-empty list's items, each "- " and its value.
    private mutating func list(_ items: [YAMLValue], indent: Int, indentsFirstLine: Bool) {
        var indentsLine = indentsFirstLine
        for item in items {
            if indentsLine { spaces(indent) }
            indentsLine = true
            append("- ")
            block(item, indent: indent + 2, indentsFirstLine: false)
        }
    }

    /// One mapping entry, from where its key starts.
    private mutating func entry(_ key: String, _ value: YAMLValue, indent: Int) {
        let isPlain = Self.withUTF8(key) { !PlainScalar.needsQuotes($0) }
        // Plain keys are printable ASCII: their bytes are their characters, and none is a line break.
        if isPlain ? key.utf8.count >= Self.longestSimpleKey : Self.needsExplicitKey(key) {
            append("? ")
            scalar(key, isPlain: isPlain)
            bytes.append(.newline)
            spaces(indent)
            append(": ")
            block(value, indent: indent + 2, indentsFirstLine: false)
            return
        }
        scalar(key, isPlain: isPlain)
        guard isBlock(value) else {
            append(": ")
            flow(value)
            bytes.append(.newline)
            return
        }
        append(":\n")
        // PyYAML does not indent a list under a key.
        let isList = if case .list = value { true } else { false }
        block(value, indent: isList ? indent : indent + 2)
    }

    /// A scalar, or an empty container (written `[]` or `{}`).
    private mutating func flow(_ value: YAMLValue) {
        switch value {
        case .string(let string): scalar(string, isPlain: !YAMLRenderer.needsQuotes(string))
        case .int(let int): decimal(int)
        case .float(let double): YAMLRenderer.formatFloat(double, into: &bytes)
        case .bool(let bool): append(bool ? "true" : "false")
        case .null: append("null")
        case .list: append("[]")
        case .map: append("{}")
        }
    }

    /// A non-empty list or map, which takes lines of its own.
    private func isBlock(_ value: YAMLValue) -> Bool {
        switch value {
        case .list(let items): !items.isEmpty
        case .map(let entries): !entries.isEmpty
        default: false
        }
    }

    private func isPlainScalar(_ value: YAMLValue) -> Bool {
        switch value {
        case .string(let string): !YAMLRenderer.needsQuotes(string)
        case .list, .map: false
        default: true
        }
    }

    /// The dictionary's positions in the order of its keys (the order of their unicode scalars,
    /// which is the order of their UTF-8 bytes). Sorting positions rather than entries moves no
    /// strings. Every key's bytes are first copied into one buffer, so that comparing two keys
    /// touches no string; and each key carries its first sixteen bytes as two integers, which
    /// decide most comparisons (hiera keys share "platform::" and the like, so eight bytes would
    /// not). Keys that share those are compared byte by byte in the buffer.
    private static func positionsInKeyOrder(_ entries: [String: YAMLValue]) -> [Dictionary<String, YAMLValue>.Index] {
        struct SortKey {
            let head: UInt64
            let next: UInt64
            let start: Int
            let count: Int
            let position: Dictionary<String, YAMLValue>.Index
        }
        var bytes: [UInt8] = []
        var keys: [SortKey] = []
        keys.reserveCapacity(entries.count)
        var position = entries.startIndex
        while position != entries.endIndex {
            withUTF8(entries.keys[position]) { utf8 in
                keys.append(SortKey(head: word(utf8, from: 0), next: word(utf8, from: 8), start: bytes.count, count: utf8.count,
                                    position: position))
                bytes.append(contentsOf: utf8)
            }
            entries.formIndex(after: &position)
        }
        bytes.withUnsafeBufferPointer { bytes in
            keys.sort { left, right in
                if left.head != right.head { return left.head < right.head }
                if left.next != right.next { return left.next < right.next }
                let common = min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(bytes.baseAddress! + left.start, bytes.baseAddress! + right.start, common)
                return order == 0 ? left.count < right.count : order < 0
            }
        }
        return keys.map(\.position)
    }

    /// Eight bytes of `bytes` from `offset` as a big-endian integer, zeros past the end: two keys
    /// whose words differ are in the order of their words.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> UInt64 {
        var word: UInt64 = 0
        for index in offset..<(offset + 8) {
            word = word << 8 | UInt64(index < bytes.count ? bytes[index] : 0)
        }
        return word
    }

    /// PyYAML's limit of 128 characters for a simple key counts the 5 of the "!!str" tag.
    private static let longestSimpleKey = 123

    /// PyYAML writes "? key" for a key that is empty, holds a line break, or is too long for a simple key.
    private static func needsExplicitKey(_ key: String) -> Bool {
        let utf8 = key.utf8
        if utf8.isEmpty { return true }
        var scalars = 0, previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in utf8 {
            // "\n", U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8, E2 80 A9).
            if byte == .newline || (byte == 0x85 && previous == 0xC2) { return true }
            if (byte == 0xA8 || byte == 0xA9) && previous == 0x80 && beforePrevious == 0xE2 { return true }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            (beforePrevious, previous) = (previous, byte)
        }
        return scalars >= longestSimpleKey
    }

    /// `string`'s UTF-8 in place; a string not stored as UTF-8 is copied once.
    static func withUTF8<Result>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = string
        return copy.withUTF8(body)
    }

    // MARK: - Bytes

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func spaces(_ count: Int) {
        while indentation.count < count { indentation += indentation }
        bytes.append(contentsOf: indentation[..<count])
    }

    /// `int` in decimal, without the string `String(int)` would build.
    private mutating func decimal(_ int: Int) {
        if int < 0 { bytes.append(.minus) }
        var magnitude = int.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = .zero + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: buffer[start...])
        }
    }
}
