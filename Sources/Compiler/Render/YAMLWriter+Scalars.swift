/// Strings as YAML scalars: plain when every reader reads them back unchanged, single-quoted when they are
/// printable ASCII, double-quoted with PyYAML's escapes otherwise.
extension YAMLWriter {
    /// `string`, which is written plain when `isPlain` (`!YAMLRenderer.needsQuotes(string)`).
    mutating func scalar(_ string: String, isPlain: Bool) {
        Self.withUTF8(string) { utf8 in
            if isPlain {
                bytes.append(contentsOf: utf8)
            } else if PlainScalar.isPrintableASCII(utf8) {
                singleQuoted(utf8)
            } else {
                doubleQuoted(string.unicodeScalars)
            }
        }
    }

    private mutating func singleQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(.singleQuote)
        var start = 0
        for index in 0..<utf8.count where utf8[index] == .singleQuote {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...index]))
            start = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        bytes.append(.singleQuote)
    }

    private mutating func doubleQuoted(_ scalars: String.UnicodeScalarView) {
        bytes.append(.doubleQuote)
        for scalar in scalars {
            if let escape = Self.shortEscape(scalar) {
                bytes.append(.backslash)
                bytes.append(escape)
            } else if scalar.value >= 0x20 && scalar.value <= 0x7E {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(.backslash)
                let (letter, width): (Unicode.Scalar, Int) =
                    scalar.value <= 0xFF ? ("x", 2) : scalar.value <= 0xFFFF ? ("u", 4) : ("U", 8)
                bytes.append(UInt8(ascii: letter))
                for shift in stride(from: 4 * (width - 1), through: 0, by: -4) {
                    bytes.append(Self.hexDigits[Int(scalar.value >> UInt32(shift) & 0xF)])
                }
            }
        }
        bytes.append(.doubleQuote)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// PyYAML's short escapes in double-quoted strings.
    private static func shortEscape(_ scalar: Unicode.Scalar) -> UInt8? {
        let letter: Unicode.Scalar
        switch scalar {
        case "\0": letter = "0"
        case "\u{07}": letter = "a"
        case "\u{08}": letter = "b"
        case "\t": letter = "t"
        case "\n": letter = "n"
        case "\u{0B}": letter = "v"
        case "\u{0C}": letter = "f"
        case "\r": letter = "r"
        case "\u{1B}": letter = "e"
        case "\"": letter = "\""
        case "\\": letter = "\\"
        case "\u{85}": letter = "N"
        case "\u{A0}": letter = "_"
        case "\u{2028}": letter = "L"
        case "\u{2029}": letter = "P"
        default: return nil
        }
        return UInt8(ascii: letter)
    }
}
