import Compiler

/// The renderer as it was before it wrote bytes: every string tried against the implicit-type regexes,
/// output built by concatenation. Kept as the reference the byte-level renderer must agree with
/// (YAMLRendererReferenceTests) and is measured beside (render-benchmark); never part of a product.
public enum RegexYAMLRenderer {
    /// One document, ending in "\n". The top level is usually a map; any value is allowed.
    public static func render(_ value: YAMLValue) -> String {
        // Like PyYAML, close a document that is a plain scalar, so that nothing appended can extend it.
        lines(value, indent: 0) + (isPlainScalar(value) ? "...\n" : "")
    }

    /// Several documents, each preceded by "---\n" (multi-document stream, like kubectl manifests).
    /// As PyYAML's `dump_all(explicit_start=True)`, a scalar or empty container shares its "--- " line.
    public static func renderDocuments(_ documents: [YAMLValue]) -> String {
        var out = ""
        for document in documents {
            out += isBlock(document) ? "---\n" + lines(document, indent: 0) : "--- " + flow(document) + "\n"
        }
        if let last = documents.last, isPlainScalar(last) { out += "...\n" }
        return out
    }

    /// True when `string` written plain would not be read back as that same string by a YAML 1.1 or 1.2 reader.
    /// Also true for anything but printable ASCII, which PyYAML escapes in double quotes.
    public static func needsQuotes(_ string: String) -> Bool {
        let scalars = Array(string.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return true }
        if !scalars.allSatisfy(isPrintableASCII) || first == " " || last == " " { return true }
        if string.hasPrefix("---") || string.hasPrefix("...") { return true }
        // ":" leads too: Psych reads ":x" as a Ruby symbol.
        if "#,[]{}&*!|>'\"%@`:".unicodeScalars.contains(first) { return true }
        if (first == "-" || first == "?") && (scalars.count == 1 || scalars[1] == " ") { return true }
        for index in scalars.indices.dropFirst() {
            if scalars[index] == ":" && (index == scalars.count - 1 || scalars[index + 1] == " ") { return true }
            if scalars[index] == "#" && scalars[index - 1] == " " { return true }
        }
        // Every implicit type starts with one of these; PyYAML too looks its resolvers up by the first character.
        guard "~nNyYtTfFoO+-.0123456789<=".unicodeScalars.contains(first) else { return false }
        let withoutUnderscores = string.replacing("_", with: "")
        return nonStringPatterns.contains { string.wholeMatch(of: $0) != nil }
            || goNumberPatterns.contains { withoutUnderscores.wholeMatch(of: $0) != nil }
    }

    /// PyYAML's spelling of a float (repr-based): 0.2 -> "0.2", 1.0 -> "1.0", 1e20 -> "1.0e+20", 1e-05 -> "1.0e-05", inf -> ".inf", -inf -> "-.inf", nan -> ".nan".
    public static func formatFloat(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        // Swift's description has the same shortest round-trip digits as Python's repr, laid out differently.
        let parts = value.magnitude.description.split(separator: "e")
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(mantissa.joined())
        var point = mantissa[0].count + (parts.count > 1 ? Int(parts[1])! : 0)
        while digits.count > 1, digits.first == "0" { digits.removeFirst(); point -= 1 }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        let sign = value.sign == .minus ? "-" : ""
        if digits == ["0"] { return sign + "0.0" }
        let exponent = point - 1
        if exponent < -4 || exponent >= 16 {
            // Python writes "1e+20"; PyYAML adds ".0" so that YAML 1.1 reads a float.
            let fraction = digits.count > 1 ? String(digits.dropFirst()) : "0"
            let magnitude = String(abs(exponent))
            let exponentDigits = magnitude.count < 2 ? "0" + magnitude : magnitude
            return sign + "\(digits[0]).\(fraction)e\(exponent < 0 ? "-" : "+")\(exponentDigits)"
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + String(digits) }
        if point >= digits.count {
            return sign + String(digits) + String(repeating: "0", count: point - digits.count) + ".0"
        }
        return sign + String(digits[..<point]) + "." + String(digits[point...])
    }

    // MARK: - Layout

    /// `value` as whole lines, each indented by at least `indent` spaces.
    private static func lines(_ value: YAMLValue, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .list(let items) where !items.isEmpty:
            return items.map { pad + compact("-", $0, indent: indent) }.joined()
        case .map(let entries) where !entries.isEmpty:
            let keys = entries.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            return keys.map { pad + entry($0, entries[$0]!, indent: indent) }.joined()
        default:
            return pad + flow(value) + "\n"
        }
    }

    /// `indicator` ("-" or an explicit key's ":") followed by `value`, whose first line shares the indicator's line.
    private static func compact(_ indicator: String, _ value: YAMLValue, indent: Int) -> String {
        indicator + " " + lines(value, indent: indent + 2).dropFirst(indent + 2)
    }

    /// One mapping entry; its first line carries no indentation.
    private static func entry(_ key: String, _ value: YAMLValue, indent: Int) -> String {
        // PyYAML's limit of 128 characters for a simple key counts the 5 of the "!!str" tag.
        let keyScalars = key.unicodeScalars
        if keyScalars.isEmpty || keyScalars.count >= 123 || keyScalars.contains(where: isLineBreak) {
            let pad = String(repeating: " ", count: indent)
            return "? " + quote(key) + "\n" + pad + compact(":", value, indent: indent)
        }
        guard isBlock(value) else { return quote(key) + ": " + flow(value) + "\n" }
        // PyYAML does not indent a list under a key.
        let isList = if case .list = value { true } else { false }
        return quote(key) + ":\n" + lines(value, indent: isList ? indent : indent + 2)
    }

    /// A non-empty list or map, which takes lines of its own.
    private static func isBlock(_ value: YAMLValue) -> Bool {
        switch value {
        case .list(let items): !items.isEmpty
        case .map(let entries): !entries.isEmpty
        default: false
        }
    }

    private static func isPlainScalar(_ value: YAMLValue) -> Bool {
        switch value {
        case .string(let string): !needsQuotes(string)
        case .list, .map: false
        default: true
        }
    }

    /// A scalar, or an empty container (written `[]` or `{}`).
    private static func flow(_ value: YAMLValue) -> String {
        switch value {
        case .string(let string): quote(string)
        case .int(let int): String(int)
        case .float(let double): formatFloat(double)
        case .bool(let bool): bool ? "true" : "false"
        case .null: "null"
        case .list: "[]"
        case .map: "{}"
        }
    }

    // MARK: - Strings

    private static func quote(_ string: String) -> String {
        if !needsQuotes(string) { return string }
        if string.unicodeScalars.allSatisfy(isPrintableASCII) { return "'" + string.replacing("'", with: "''") + "'" }
        var out = "\""
        for scalar in string.unicodeScalars {
            if let escape = escapes[scalar] {
                out += "\\" + escape
            } else if isPrintableASCII(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let (letter, width) = scalar.value <= 0xFF ? ("x", 2) : scalar.value <= 0xFFFF ? ("u", 4) : ("U", 8)
                out += "\\" + letter + String(repeating: "0", count: width - hex.count) + hex
            }
        }
        return out + "\""
    }

    /// PyYAML's short escapes in double-quoted strings.
    private static let escapes: [Unicode.Scalar: String] = [
        "\0": "0", "\u{07}": "a", "\u{08}": "b", "\t": "t", "\n": "n", "\u{0B}": "v", "\u{0C}": "f", "\r": "r",
        "\u{1B}": "e", "\"": "\"", "\\": "\\", "\u{85}": "N", "\u{A0}": "_", "\u{2028}": "L", "\u{2029}": "P",
    ]

    private static func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool { (0x20...0x7E).contains(scalar.value) }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        "\n\u{85}\u{2028}\u{2029}".unicodeScalars.contains(scalar)
    }

    // MARK: - Implicit types

    /// Plain scalars that some reader resolves to a non-string, whole-string patterns by reader.
    /// (Regex is not marked Sendable, but compiles its program lazily in a thread-safe way and is never mutated.)
    nonisolated(unsafe) private static let nonStringPatterns: [Regex<Substring>] = [
        // Null and bool of PyYAML; Go yaml.v2 adds y and n; Psych (puppet hiera) ignores letter case.
        #/(?i:~|null|y|n|yes|no|true|false|on|off)/#,
        // PyYAML ints and floats, sexagesimal 1:20 and 1:20.5 included.
        #/[-+]?(?:0b[01_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)/#,
        #/[-+]?[0-9][0-9_]*(?:\.[0-9_]*(?:[eE][-+][0-9]+)?|(?::[0-5]?[0-9])+\.[0-9_]*)|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?/#,
        // Psych's, which allow "," in numbers (1,000) and a leading 0 in sexagesimal ones.
        #/[-+]?(?:0b[01_,]+|0[0-7_,]+|[1-9][0-9_,]*|0x[0-9a-fA-F_,]+|[0-9][0-9_]*(?::[0-5]?[0-9])+)/#,
        #/[-+]?(?:[0-9][0-9_,]*\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?|[-+]?\.[eE][-+][0-9]+/#,
        // ruamel.yaml's YAML 1.2 allows "_" where the core schema does not.
        #/[-+][0-9_]+|[-+]?0o[0-7_]+|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?/#,
        // Infinity and NaN; Psych ignores letter case.
        #/(?i:[-+]?\.inf|\.nan)/#,
        // PyYAML's timestamps; Psych and Go also take one-digit fields, and Psych a leading "-".
        #/[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/#,
        #/-?[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]| +)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:[.,][0-9]*)?(?: *(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?/#,
        // PyYAML's merge and value keys.
        #/<<|=/#,
    ]

    /// Go yaml reads a plain scalar that starts with a sign, dot or digit, less its "_", with strconv (0x, 0o, 0b
    /// in either case; a sign may follow 0b and 0o) or as a YAML 1.2 float. The YAML 1.2 core schema's numbers
    /// are a subset of these.
    nonisolated(unsafe) private static let goNumberPatterns: [Regex<Substring>] = [
        #/[-+]?0(?:[xX][0-9a-fA-F]+|[bB][01]+|[oO][0-7]+)|0b[-+]?[01]+|0o[-+]?[0-7]+/#,
        #/[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?/#,
    ]
}
