/// Where YAML tokens end. The reader gives only where nodes start; an edit also needs the end
/// of the scalar or flow collection it replaces.
extension SourceText {
    /// The end of the scalar starting at `start`, on the same line. Nil for a scalar that goes on
    /// to further lines, which the editor leaves to the user.
    func scalarEnd(from start: Int, inFlow: Bool) -> Int? {
        guard start < scalars.count else { return nil }
        switch scalars[start] {
        case "\"":
            var index = start + 1
            while index < scalars.count, scalars[index] != "\n" {
                if scalars[index] == "\\" { index += 2; continue }
                if scalars[index] == "\"" { return index + 1 }
                index += 1
            }
            return nil
        case "'":
            var index = start + 1
            while index < scalars.count, scalars[index] != "\n" {
                if scalars[index] == "'" {
                    if index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
                    return index + 1
                }
                index += 1
            }
            return nil
        default:
            var index = start
            while index < scalars.count, !isPlainEnd(at: index, inFlow: inFlow) { index += 1 }
            while index > start, scalars[index - 1] == " " || scalars[index - 1] == "\t" { index -= 1 }
            return index
        }
    }

    private func isPlainEnd(at index: Int, inFlow: Bool) -> Bool {
        let scalar = scalars[index]
        if scalar == "\n" || scalar == "\r" { return true }
        if scalar == "#", index > 0, scalars[index - 1] == " " || scalars[index - 1] == "\t" { return true }
        if inFlow && (scalar == "," || scalar == "]" || scalar == "}") { return true }
        if scalar == ":" {
            let next = index + 1 < scalars.count ? scalars[index + 1] : "\n"
            return next == " " || next == "\n" || next == "\r" || (inFlow && (next == "," || next == "]" || next == "}"))
        }
        return false
    }

    /// The offset just past the bracket that closes the flow collection opening at `start`,
    /// skipping quoted text and comments.
    func flowEnd(from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < scalars.count {
            switch scalars[index] {
            case "{", "[":
                depth += 1
            case "}", "]":
                depth -= 1
                if depth == 0 { return index + 1 }
            case "\"", "'":
                guard let end = scalarEnd(from: index, inFlow: true) else { return nil }
                index = end
                continue
            case "#" where index > 0 && (scalars[index - 1] == " " || scalars[index - 1] == "\t"):
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// The offset just past the `:` that follows a mapping key starting at `keyStart`.
    func colonEnd(afterKeyAt keyStart: Int, inFlow: Bool) -> Int? {
        guard var index = scalarEnd(from: keyStart, inFlow: inFlow) else { return nil }
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        return index < scalars.count && scalars[index] == ":" ? index + 1 : nil
    }
}

/// Scalar text for the inventory: plain when every YAML reader reads it back as the same string,
/// quoted otherwise, in the style a replaced scalar already used.
enum YAMLScalarText {
    static func plainOrQuoted(_ string: String) -> String {
        YAMLRenderer.needsQuotes(string) ? doubleQuoted(string) : string
    }

    /// `string` in the quoting style of `original` (the scalar's text in the file).
    static func replacing(_ original: Substring.UnicodeScalarView, with string: String) -> String {
        switch original.first {
        case "\"": return doubleQuoted(string)
        case "'": return "'" + string.replacing("'", with: "''") + "'"
        default: return plainOrQuoted(string)
        }
    }

    static func doubleQuoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
