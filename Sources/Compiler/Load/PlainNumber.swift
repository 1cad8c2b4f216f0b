import Yams

/// Numbers of plain scalars, read without the base-60 (sexagesimal) forms of YAML 1.1.
///
/// Yams' constructors trap on a base-60 integer that overflows (`1:0:0:0:0:0:0:0:0:0:0`), so no
/// scalar with a colon reaches them. Such a scalar stays text, as YAML 1.2 and helm's go-yaml read
/// it; a MAC address (`52:54:00:12:34:56`) or a time (`12:30`) keeps its meaning that way.
///
/// The reading is Yams' own (`Int.construct`, `Double.construct`, `Bool.construct`,
/// `NSNull.construct` for a plain scalar), done on the text without building a node or going
/// through Foundation; `PlainNumberTests` holds the two side by side.
enum PlainNumber {
    static func int(_ scalar: Node.Scalar) -> Int? {
        scalar.style == .plain || scalar.style == .any ? int(scalar.string) : nil
    }

    static func float(_ scalar: Node.Scalar) -> Double? {
        scalar.style == .plain || scalar.style == .any ? float(scalar.string) : nil
    }

    /// A plain scalar's integer: an optional sign, then decimal, `0x` hex, `0b` binary, `0o` or
    /// `0` octal digits; underscores anywhere are ignored.
    static func int(_ text: String) -> Int? {
        guard !text.utf8.contains(.colon) else { return nil }
        let digits = withoutUnderscores(text)
        if digits == "0" { return 0 }
        let negative = digits.hasPrefix("-")
        let signed = negative || digits.hasPrefix("+")
        let unsigned = digits.dropFirst(signed ? 1 : 0)
        for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where unsigned.hasPrefix(prefix) {
            return Int((negative ? "-" : "") + unsigned.dropFirst(prefix.count), radix: radix)
        }
        return Int(digits)
    }

    /// A plain scalar's floating-point number, including `.inf` and `.nan` in YAML's spellings.
    static func float(_ text: String) -> Double? {
        guard !text.utf8.contains(.colon) else { return nil }
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: return Double(withoutUnderscores(text))
        }
    }

    static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// `true`, `yes`, `on`, `false`, `no`, `off` in any case.
    static func isBool(_ text: String) -> Bool {
        guard text.utf8.count <= 5 else { return false }
        switch text.lowercased() {
        case "true", "yes", "on", "false", "no", "off": return true
        default: return false
        }
    }

    private static func withoutUnderscores(_ text: String) -> String {
        text.utf8.contains(.underscore) ? String(text.unicodeScalars.filter { $0 != "_" }) : text
    }
}
