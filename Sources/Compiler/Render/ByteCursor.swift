/// A read position in a string's UTF-8 bytes, for recognizing implicit YAML types without building strings.
/// With `skipsUnderscores` it never stops on "_", as Go yaml reads numbers with their "_" removed.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    let skipsUnderscores: Bool
    private(set) var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, skipsUnderscores: Bool = false) {
        self.bytes = bytes
        self.skipsUnderscores = skipsUnderscores
        skipUnderscores()
    }

    var atEnd: Bool { index == bytes.count }

    /// The next byte, or 0 at the end (the strings scanned are printable ASCII, so 0 never occurs).
    var next: UInt8 { index < bytes.count ? bytes[index] : 0 }

    mutating func advance() {
        index += 1
        skipUnderscores()
    }

    /// Moves past `byte` when it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard next == byte else { return false }
        advance()
        return true
    }

    /// Moves past the next byte when `accepts` it.
    mutating func take(_ accepts: (UInt8) -> Bool) -> Bool {
        guard !atEnd, accepts(next) else { return false }
        advance()
        return true
    }

    mutating func takeSign() -> Bool { take(.plus) || take(.minus) }

    /// Moves past every byte `accepts` from here on, and says how many there were.
    mutating func takeRun(_ accepts: (UInt8) -> Bool) -> Int {
        var count = 0
        while !atEnd, accepts(next) {
            advance()
            count += 1
        }
        return count
    }

    private mutating func skipUnderscores() {
        guard skipsUnderscores else { return }
        while index < bytes.count, bytes[index] == .underscore { index += 1 }
    }
}

/// The ASCII bytes YAML's syntax and implicit types are spelled with, and the classes of bytes
/// the byte-by-byte checks read.
extension UInt8 {
    static let space = UInt8(ascii: " ")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let hash = UInt8(ascii: "#")
    static let underscore = UInt8(ascii: "_")
    static let singleQuote = UInt8(ascii: "'")
    static let doubleQuote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let newline = UInt8(ascii: "\n")
    static let zero = UInt8(ascii: "0")

    var isDigit: Bool { self &- .zero < 10 }
    /// `a`–`z` or `A`–`Z`.
    var isASCIILetter: Bool { (self | 0x20) &- UInt8(ascii: "a") < 26 }
    var isASCIILetterOrDigit: Bool { isASCIILetter || isDigit }
    var isDigitOrUnderscore: Bool { isDigit || self == .underscore }
    var isDigitUnderscoreOrComma: Bool { isDigitOrUnderscore || self == .comma }
    var isOctal: Bool { self &- .zero < 8 }
    var isOctalOrUnderscore: Bool { isOctal || self == .underscore }
    var isOctalUnderscoreOrComma: Bool { isOctalOrUnderscore || self == .comma }
    var isBinary: Bool { self &- .zero < 2 }
    var isBinaryOrUnderscore: Bool { isBinary || self == .underscore }
    var isBinaryUnderscoreOrComma: Bool { isBinaryOrUnderscore || self == .comma }
    var isHex: Bool { isDigit || (self | 0x20) &- UInt8(ascii: "a") < 6 }
    var isHexOrUnderscore: Bool { isHex || self == .underscore }
    var isHexUnderscoreOrComma: Bool { isHexOrUnderscore || self == .comma }
    var isPrintableASCII: Bool { self &- 0x20 < 0x5F }

    /// True for the ASCII letter `lowercase` in either case.
    func isLetter(_ lowercase: Unicode.Scalar) -> Bool {
        self == UInt8(ascii: lowercase) || self == UInt8(ascii: lowercase) &- 0x20
    }
}
