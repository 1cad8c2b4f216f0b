/// Plain scalars that some reader resolves to a non-string: PyYAML, Psych (puppet hiera), Go yaml and
/// YAML 1.2 readers. Each recognizer reads a whole string of printable ASCII and says whether it is one
/// such reader's null, bool, number, timestamp or merge key; together they are the union of all of them.
enum ImplicitTypes {
    static func isNonString(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = ByteCursor(bytes)
        let withoutUnderscores = ByteCursor(bytes, skipsUnderscores: true)
        return isKeyword(bytes)
            || isPyYAMLInt(start) || isPyYAMLFloat(start)
            || isPsychInt(start) || isPsychFloat(start)
            || isYAML12Number(start) || isInfinityOrNaN(bytes)
            || isDate(start) || isTimestamp(start)
            || isMergeOrValueKey(bytes)
            || isGoInteger(withoutUnderscores) || isGoFloat(withoutUnderscores)
    }

    // MARK: - Words

    /// Null and bool of PyYAML; Go yaml.v2 adds y and n; Psych ignores letter case.
    private static func isKeyword(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 1: return bytes[0] == UInt8(ascii: "~") || bytes[0].isLetter("y") || bytes[0].isLetter("n")
        case 2: return spells(bytes, "no") || spells(bytes, "on")
        case 3: return spells(bytes, "yes") || spells(bytes, "off")
        case 4: return spells(bytes, "null") || spells(bytes, "true")
        case 5: return spells(bytes, "false")
        default: return false
        }
    }

    /// Infinity and NaN, `[-+]?\.inf|\.nan` in any letter case (Psych's reading).
    private static func isInfinityOrNaN(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 4: return spells(bytes, ".inf") || spells(bytes, ".nan")
        case 5: return (bytes[0] == .plus || bytes[0] == .minus) && spells(UnsafeBufferPointer(rebasing: bytes[1...]), ".inf")
        default: return false
        }
    }

    /// PyYAML's merge key "<<" and value key "=".
    private static func isMergeOrValueKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 1: bytes[0] == UInt8(ascii: "=")
        case 2: bytes[0] == UInt8(ascii: "<") && bytes[1] == UInt8(ascii: "<")
        default: false
        }
    }

    /// `bytes` is `word` (lowercase ASCII letters and punctuation) with its letters in any case.
    private static func spells(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for (byte, letter) in zip(bytes, letters) where byte != letter {
            guard letter &- UInt8(ascii: "a") < 26, byte == letter &- 0x20 else { return false }
        }
        return true
    }

    // MARK: - PyYAML

    /// `[-+]?(?:0b[01_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)`,
    /// sexagesimal 1:20 included.
    private static func isPyYAMLInt(_ start: ByteCursor) -> Bool {
        var cursor = start
        _ = cursor.takeSign()
        if cursor.take(.zero) {
            if cursor.atEnd { return true }
            if cursor.take(UInt8(ascii: "b")) { return cursor.takeRun({ $0.isBinaryOrUnderscore }) > 0 && cursor.atEnd }
            if cursor.take(UInt8(ascii: "x")) { return cursor.takeRun({ $0.isHexOrUnderscore }) > 0 && cursor.atEnd }
            return cursor.takeRun({ $0.isOctalOrUnderscore }) > 0 && cursor.atEnd
        }
        guard cursor.take({ $0 != .zero && $0.isDigit }) else { return false }
        _ = cursor.takeRun({ $0.isDigitOrUnderscore })
        return cursor.atEnd || (takeSexagesimalFields(&cursor) && cursor.atEnd)
    }

    /// `[-+]?[0-9][0-9_]*(?:\.[0-9_]*(?:[eE][-+][0-9]+)?|(?::[0-5]?[0-9])+\.[0-9_]*)|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?`
    private static func isPyYAMLFloat(_ start: ByteCursor) -> Bool {
        var cursor = start
        if cursor.take(.dot) {
            guard cursor.take({ $0.isDigit }) else { return false }
            _ = cursor.takeRun({ $0.isDigitOrUnderscore })
            return takeExponent(&cursor, signRequired: true) && cursor.atEnd
        }
        _ = cursor.takeSign()
        guard cursor.take({ $0.isDigit }) else { return false }
        _ = cursor.takeRun({ $0.isDigitOrUnderscore })
        if cursor.take(.dot) {
            _ = cursor.takeRun({ $0.isDigitOrUnderscore })
            return takeExponent(&cursor, signRequired: true) && cursor.atEnd
        }
        guard takeSexagesimalFields(&cursor), cursor.take(.dot) else { return false }
        _ = cursor.takeRun({ $0.isDigitOrUnderscore })
        return cursor.atEnd
    }

    /// `[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}`
    private static func isDate(_ start: ByteCursor) -> Bool {
        var cursor = start
        return takeDate(&cursor) && cursor.atEnd
    }

    /// `-?` date `(?:[Tt]| +)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:[.,][0-9]*)?(?: *(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?`:
    /// PyYAML's timestamps, with Psych's and Go's one-digit fields and Psych's leading "-".
    private static func isTimestamp(_ start: ByteCursor) -> Bool {
        var cursor = start
        _ = cursor.take(.minus)
        guard takeDate(&cursor) else { return false }
        guard cursor.take({ $0.isLetter("t") }) || cursor.takeRun({ $0 == .space }) > 0 else { return false }
        guard (1...2).contains(cursor.takeRun({ $0.isDigit })), cursor.take(.colon),
              (1...2).contains(cursor.takeRun({ $0.isDigit })), cursor.take(.colon),
              (1...2).contains(cursor.takeRun({ $0.isDigit })) else { return false }
        if cursor.take(.dot) || cursor.take(.comma) { _ = cursor.takeRun({ $0.isDigit }) }
        if cursor.atEnd { return true }
        _ = cursor.takeRun { $0 == .space }
        if cursor.take(UInt8(ascii: "Z")) { return cursor.atEnd }
        guard cursor.takeSign() else { return false }
        let hourDigits = cursor.takeRun({ $0.isDigit })
        if cursor.atEnd { return (1...4).contains(hourDigits) }
        return (1...2).contains(hourDigits) && cursor.take(.colon) && cursor.takeRun({ $0.isDigit }) == 2 && cursor.atEnd
    }

    // MARK: - Psych

    /// `[-+]?(?:0b[01_,]+|0[0-7_,]+|[1-9][0-9_,]*|0x[0-9a-fA-F_,]+|[0-9][0-9_]*(?::[0-5]?[0-9])+)`:
    /// Psych allows "," in numbers (1,000) and a leading 0 in sexagesimal ones.
    private static func isPsychInt(_ start: ByteCursor) -> Bool {
        var cursor = start
        _ = cursor.takeSign()
        let number = cursor
        if cursor.take(.zero) {
            if cursor.take(UInt8(ascii: "b")) { return cursor.takeRun({ $0.isBinaryUnderscoreOrComma }) > 0 && cursor.atEnd }
            if cursor.take(UInt8(ascii: "x")) { return cursor.takeRun({ $0.isHexUnderscoreOrComma }) > 0 && cursor.atEnd }
            if cursor.takeRun({ $0.isOctalUnderscoreOrComma }) > 0 && cursor.atEnd { return true }
        } else if cursor.take({ $0.isDigit }) {
            _ = cursor.takeRun({ $0.isDigitUnderscoreOrComma })
            if cursor.atEnd { return true }
        } else {
            return false
        }
        cursor = number
        _ = cursor.takeRun({ $0.isDigitOrUnderscore })
        return takeSexagesimalFields(&cursor) && cursor.atEnd
    }

    /// `[-+]?(?:[0-9][0-9_,]*\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?|[-+]?\.[eE][-+][0-9]+`
    private static func isPsychFloat(_ start: ByteCursor) -> Bool {
        var cursor = start
        _ = cursor.takeSign()
        if cursor.take(.dot) {
            if cursor.takeRun({ $0.isDigit }) == 0 && !cursor.next.isLetter("e") { return false }
        } else {
            guard cursor.take({ $0.isDigit }) else { return false }
            _ = cursor.takeRun({ $0.isDigitUnderscoreOrComma })
            guard cursor.take(.dot) else { return false }
            _ = cursor.takeRun({ $0.isDigit })
        }
        return takeExponent(&cursor, signRequired: true) && cursor.atEnd
    }

    // MARK: - YAML 1.2

    /// `[-+][0-9_]+|[-+]?0o[0-7_]+|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?`: ruamel.yaml's YAML 1.2 allows "_"
    /// where the core schema does not.
    private static func isYAML12Number(_ start: ByteCursor) -> Bool {
        var cursor = start
        if cursor.takeSign() {
            var digits = cursor
            if digits.takeRun({ $0.isDigitOrUnderscore }) > 0 && digits.atEnd { return true }
        }
        if cursor.take(.zero) {
            return cursor.take(UInt8(ascii: "o")) && cursor.takeRun({ $0.isOctalOrUnderscore }) > 0 && cursor.atEnd
        }
        guard cursor.take(.dot), cursor.takeRun({ $0.isDigitOrUnderscore }) > 0 else { return false }
        return takeExponent(&cursor, signRequired: true) && cursor.atEnd
    }

    // MARK: - Go yaml

    /// `[-+]?0(?:[xX][0-9a-fA-F]+|[bB][01]+|[oO][0-7]+)|0b[-+]?[01]+|0o[-+]?[0-7]+`, read past every "_":
    /// strconv's integers (0x, 0o, 0b in either case; a sign may follow a lowercase 0b and 0o).
    private static func isGoInteger(_ start: ByteCursor) -> Bool {
        var cursor = start
        let signed = cursor.takeSign()
        guard cursor.take(.zero) else { return false }
        if cursor.take({ $0.isLetter("x") }) { return cursor.takeRun({ $0.isHex }) > 0 && cursor.atEnd }
        let prefix = cursor.next
        let accepts: (UInt8) -> Bool
        if prefix.isLetter("b") {
            accepts = { $0.isBinary }
        } else if prefix.isLetter("o") {
            accepts = { $0.isOctal }
        } else {
            return false
        }
        cursor.advance()
        if !signed && (prefix == UInt8(ascii: "b") || prefix == UInt8(ascii: "o")) { _ = cursor.takeSign() }
        return cursor.takeRun(accepts) > 0 && cursor.atEnd
    }

    /// `[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?`, read past every "_": a YAML 1.2 float
    /// as Go reads it (the core schema's numbers are a subset).
    private static func isGoFloat(_ start: ByteCursor) -> Bool {
        var cursor = start
        _ = cursor.takeSign()
        if cursor.take(.dot) {
            guard cursor.takeRun({ $0.isDigit }) > 0 else { return false }
        } else {
            guard cursor.takeRun({ $0.isDigit }) > 0 else { return false }
            if cursor.take(.dot) { _ = cursor.takeRun({ $0.isDigit }) }
        }
        return takeExponent(&cursor, signRequired: false) && cursor.atEnd
    }

    // MARK: - Pieces

    /// `(?::[0-5]?[0-9])+`: at least one sexagesimal field. A field is followed by ":", "." or the end in
    /// every pattern using it, so the digits after each ":" are all taken and must be one or two.
    private static func takeSexagesimalFields(_ cursor: inout ByteCursor) -> Bool {
        var fields = 0
        while cursor.take(.colon) {
            let first = cursor.next
            switch cursor.takeRun({ $0.isDigit }) {
            case 1: fields += 1
            case 2 where first <= UInt8(ascii: "5"): fields += 1
            default: return false
            }
        }
        return fields > 0
    }

    /// An optional `[eE][-+]?[0-9]+` (the sign required or not): false only when one begins and is cut short.
    private static func takeExponent(_ cursor: inout ByteCursor, signRequired: Bool) -> Bool {
        guard cursor.take({ $0.isLetter("e") }) else { return true }
        guard cursor.takeSign() || !signRequired else { return false }
        return cursor.takeRun({ $0.isDigit }) > 0
    }

    /// `[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}`; the day is all the digits that follow.
    private static func takeDate(_ cursor: inout ByteCursor) -> Bool {
        cursor.takeRun({ $0.isDigit }) == 4 && cursor.take(.minus)
            && (1...2).contains(cursor.takeRun({ $0.isDigit })) && cursor.take(.minus)
            && (1...2).contains(cursor.takeRun({ $0.isDigit }))
    }
}
