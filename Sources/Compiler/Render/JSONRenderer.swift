/// A value as JSON the way `json.dumps(value, indent=2, sort_keys=True)` lays it out: keys in the
/// order of their UTF-8 bytes (never a locale's or a "numeric" order), two spaces a level,
/// `"key": value`, a final newline. Strings keep their UTF-8; `"`, `\` and control characters
/// are escaped. The same value gives the same bytes on every machine.
public enum JSONRenderer {
    public static func render(_ value: YAMLValue) -> String {
        var out = ""
        write(value, indent: 0, to: &out)
        return out + "\n"
    }

    private static func write(_ value: YAMLValue, indent: Int, to out: inout String) {
        switch value {
        case .string(let text): quote(text, to: &out)
        case .int(let int): out += String(int)
        // JSON has no NaN or infinity; no output of sysinvc holds one, and null is what a reader can take.
        case .float(let double): out += double.isFinite ? "\(double)" : "null"
        case .bool(let bool): out += bool ? "true" : "false"
        case .null: out += "null"
        case .list(let items) where items.isEmpty: out += "[]"
        case .map(let entries) where entries.isEmpty: out += "{}"
        case .list(let items):
            out += "["
            for (index, item) in items.enumerated() {
                out += (index == 0 ? "\n" : ",\n") + String(repeating: " ", count: indent + 2)
                write(item, indent: indent + 2, to: &out)
            }
            out += "\n" + String(repeating: " ", count: indent) + "]"
        case .map(let entries):
            out += "{"
            let keys = entries.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                out += (index == 0 ? "\n" : ",\n") + String(repeating: " ", count: indent + 2)
                quote(key, to: &out)
                out += ": "
                write(entries[key]!, indent: indent + 2, to: &out)
            }
            out += "\n" + String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string. `asciiOnly` writes every character outside printable ASCII as `\uXXXX`
    /// (UTF-16 units), as Python's `json.dumps` does by default; otherwise only control
    /// characters (and U+2028, U+2029, which end a line in JavaScript) are escaped.
    public static func quote(_ text: String, asciiOnly: Bool = false, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029 || (asciiOnly && scalar.value > 0x7E):
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
