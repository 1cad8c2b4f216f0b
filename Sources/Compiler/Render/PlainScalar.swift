/// Whether a string may be written plain, decided in one pass over its UTF-8 bytes: a renderer asks this of
/// every key and string value it writes.
enum PlainScalar {
    /// True when `bytes` written plain would not be read back as the same string by a YAML 1.1 or 1.2 reader,
    /// or are not all printable ASCII (which PyYAML escapes in double quotes).
    static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != .space, last != .space else { return true }
        if startsWithIndicator(bytes) { return true }
        guard first.isPrintableASCII else { return true }
        for index in 1..<bytes.count {
            let byte = bytes[index]
            guard byte.isPrintableASCII else { return true }
            if byte == .colon && (index == bytes.count - 1 || bytes[index + 1] == .space) { return true }
            if byte == .hash && bytes[index - 1] == .space { return true }
        }
        return mayStartImplicitType(first) && ImplicitTypes.isNonString(bytes)
    }

    /// True when `bytes` are all printable ASCII, which single quotes can carry as they are.
    static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy({ $0.isPrintableASCII })
    }

    /// A first character that makes the scalar something else: a comment, flow collection, anchor, alias,
    /// tag, block scalar, quote, directive, reserved indicator, document marker, or block entry and
    /// explicit key ("-" or "?" alone or before a space). ":" leads too: Psych reads ":x" as a Ruby symbol.
    private static func startsWithIndicator(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = bytes[0]
        switch first {
        case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
             UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"), UInt8(ascii: ":"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "?"):
            if bytes.count == 1 || bytes[1] == .space { return true }
        default:
            break
        }
        return bytes.count >= 3 && (first == .minus || first == .dot) && bytes[1] == first && bytes[2] == first
    }

    /// Every implicit type starts with one of "~nNyYtTfFoO+-.0123456789<="; PyYAML too looks its resolvers
    /// up by the first character.
    private static func mayStartImplicitType(_ first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"), UInt8(ascii: "Y"),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"),
             UInt8(ascii: "O"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "<"),
             UInt8(ascii: "="):
            return true
        default:
            return first.isDigit
        }
    }
}
