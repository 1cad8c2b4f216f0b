/// A `--set` / `--set-string` argument that helm would reject.
///
/// `offset` counts Unicode scalars (Go runes, as helm reads them) from the start of `expression`
/// and points at the token that is wrong; `message` carries helm's wording plus that offset.
public struct HelmSetError: Error, Equatable, CustomStringConvertible {
    public let expression: String
    public let message: String
    public let offset: Int

    public init(expression: String, message: String, offset: Int) {
        self.expression = expression
        self.message = message
        self.offset = offset
    }

    public var description: String {
        "cannot parse --set value \"\(expression)\": \(message)"
    }
}

/// Helm's `--set` grammar (`pkg/strvals`), following Helm 3 as of v3.21.
///
/// Two deliberate departures from v3.10+, where those releases silently drop input that
/// v2.13.1 (StarlingX's Helm) and v3.0.0 kept or rejected: `a.` (a dotted key that sets nothing)
/// is an error, and `list[0].key=` at the very end of the argument stores `key: ""` instead of
/// losing it. Everything else — including that `=1`, `[0]=1` and `.a=1` set nothing without an
/// error, and that `{}` is a one-element list `[""]` — is what helm does.
public enum HelmSet {
    /// Largest list index helm accepts (`strvals.MaxIndex`, v3.10+): bounds the null padding.
    public static let maxIndex = 65536
    /// Most dots helm accepts in one key path (`strvals.MaxNestedNameLevel`, v3.11+).
    public static let maxNestedNameLevel = 30

    /// Applies one `--set` argument (which may hold several comma-separated assignments) onto `values`.
    ///
    /// Dotted paths merge into existing maps and `[i]` edits existing lists, like helm's `ParseInto`.
    /// `null` is stored as `.null`: it only removes a key later, when layers are merged.
    /// On error `values` is left untouched (helm would leave it half-written).
    public static func apply(_ expression: String, to values: inout [String: YAMLValue]) throws(HelmSetError) {
        try run(expression, typed: true, into: &values)
    }

    /// Same for `--set-string`: every value stays a string.
    public static func applyString(_ expression: String, to values: inout [String: YAMLValue]) throws(HelmSetError) {
        try run(expression, typed: false, into: &values)
    }

    /// Parses one expression into a fresh map.
    public static func parse(_ expression: String, typed: Bool = true) throws(HelmSetError) -> [String: YAMLValue] {
        var values: [String: YAMLValue] = [:]
        try run(expression, typed: typed, into: &values)
        return values
    }

    private static func run(_ expression: String, typed: Bool, into values: inout [String: YAMLValue]) throws(HelmSetError) {
        var scanner = SetScanner(expression: expression, typed: typed)
        var result = values
        while try scanner.key(&result, level: 0) == .more {}
        values = result
    }
}

/// Recursive descent over the expression, mirroring helm's `parser.key` / `parser.listItem`.
private struct SetScanner {
    /// Whether more assignments may follow (helm's `nil`) or the input ran out (helm's `io.EOF`).
    enum Flow { case more, end }

    let expression: String
    let chars: [Unicode.Scalar]
    let typed: Bool
    var pos = 0

    init(expression: String, typed: Bool) {
        self.expression = expression
        self.chars = Array(expression.unicodeScalars)
        self.typed = typed
    }

    func fail(_ what: String, at offset: Int) -> HelmSetError {
        HelmSetError(expression: expression, message: "\(what) (at offset \(offset))", offset: offset)
    }

    /// Reads up to (and consumes) the first unescaped stop character; `nil` means end of input.
    /// A backslash takes the next character literally; a trailing backslash is dropped, as in helm.
    mutating func read(until stops: Set<Unicode.Scalar>) -> (text: String, stop: Unicode.Scalar?) {
        var text = String.UnicodeScalarView()
        while pos < chars.count {
            let c = chars[pos]
            pos += 1
            if stops.contains(c) { return (String(text), c) }
            if c == "\\" {
                guard pos < chars.count else { break }
                text.append(chars[pos])
                pos += 1
            } else {
                text.append(c)
            }
        }
        return (String(text), nil)
    }

    /// One assignment (or one path segment of it) into `data`.
    mutating func key(_ data: inout [String: YAMLValue], level: Int) throws(HelmSetError) -> Flow {
        let start = pos
        let (name, stop) = read(until: ["=", "[", ",", "."])
        switch stop {
        case nil:
            if name.isEmpty { return .end }
            throw fail("key \(quoted(name)) has no value", at: start)
        case ",":
            throw fail("key \(quoted(name)) has no value (cannot end with ,)", at: start)
        case "=":
            let (value, flow) = try value()
            set(&data, name, value)
            return flow
        case "[":
            let (index, indexAt) = try index()
            var list: [YAMLValue] = []
            if let existing = data[name] {
                guard case let .list(items) = existing else {
                    throw fail("unable to parse key: \(quoted(name)) is \(existing.helmKindName), not a list", at: start)
                }
                list = items
            }
            let flow = try listItem(&list, index, indexAt: indexAt, level: level)
            set(&data, name, .list(list))
            return flow
        default: // "."
            let level = level + 1
            if level > HelmSet.maxNestedNameLevel {
                throw fail("value name nested level is greater than maximum supported nested level of \(HelmSet.maxNestedNameLevel)", at: pos - 1)
            }
            var inner: [String: YAMLValue] = [:]
            if let existing = data[name] {
                guard case let .map(entries) = existing else {
                    throw fail("unable to parse key: \(quoted(name)) is \(existing.helmKindName), not a map", at: start)
                }
                inner = entries
            }
            let flow = try key(&inner, level: level)
            if inner.isEmpty { throw fail("key map \(quoted(name)) has no value", at: start) }
            set(&data, name, .map(inner))
            return flow
        }
    }

    /// What follows `name[i]`: `=value`, another `[j]`, or `.key...`.
    mutating func listItem(_ list: inout [YAMLValue], _ index: Int, indexAt: Int, level: Int) throws(HelmSetError) -> Flow {
        if index < 0 { throw fail("negative \(index) index not allowed", at: indexAt) }
        let start = pos
        let (junk, stop) = read(until: ["[", ".", "="])
        if !junk.isEmpty { throw fail("unexpected data at end of array index: \(quoted(junk))", at: start) }
        switch stop {
        case nil:
            return .end
        case "=":
            let (value, _) = try value()
            try setIndex(&list, index, value, indexAt: indexAt)
            return .more
        case "[":
            let (next, nextAt) = try self.index()
            var inner: [YAMLValue] = []
            if index < list.count {
                switch list[index] {
                case .null: break
                case let .list(items): inner = items
                case let other:
                    throw fail("unable to parse key: index \(index) is \(other.helmKindName), not a list", at: indexAt)
                }
            }
            if try listItem(&inner, next, indexAt: nextAt, level: level) == .end { return .end }
            try setIndex(&list, index, .list(inner), indexAt: indexAt)
            return .more
        default: // "."
            var inner: [String: YAMLValue] = [:]
            if index < list.count {
                // Helm replaces a non-map element silently here ("indices out of order").
                if case let .map(entries) = list[index] { inner = entries } else { list[index] = .map([:]) }
            }
            let flow = try key(&inner, level: level)
            try setIndex(&list, index, .map(inner), indexAt: indexAt)
            return flow
        }
    }

    /// The text between `[` and `]`, read as Go's `strconv.Atoi` would.
    mutating func index() throws(HelmSetError) -> (Int, Int) {
        let start = pos
        let (text, stop) = read(until: ["]"])
        guard stop != nil else { throw fail("error parsing index: EOF", at: start) }
        guard let value = Int(text) else {
            let digits = text.drop { $0 == "+" || $0 == "-" }
            let wellFormed = text.count - digits.count <= 1 && !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
            let reason = wellFormed ? "value out of range" : "invalid syntax"
            throw fail("error parsing index: strconv.Atoi: parsing \(quoted(text)): \(reason)", at: start)
        }
        return (value, start)
    }

    /// The right-hand side of `=`: empty, a `{a,b}` list, or one scalar up to the next comma.
    mutating func value() throws(HelmSetError) -> (YAMLValue, Flow) {
        guard pos < chars.count else { return (.string(""), .end) }
        guard chars[pos] == "{" else { return (typedValue(read(until: [","]).text), .more) }
        let open = pos
        pos += 1
        var items: [YAMLValue] = []
        while true {
            let (text, stop) = read(until: [",", "}"])
            guard let stop else { throw fail("list must terminate with '}'", at: open) }
            items.append(typedValue(text))
            if stop == "}" {
                if pos < chars.count, chars[pos] == "," { pos += 1 }
                return (.list(items), .more)
            }
        }
    }

    /// Helm's `typedVal`: bools and null case-insensitively, int64 without a leading zero; floats stay strings.
    func typedValue(_ text: String) -> YAMLValue {
        guard typed else { return .string(text) }
        if text.helmEqualFold("true") { return .bool(true) }
        if text.helmEqualFold("false") { return .bool(false) }
        if text.helmEqualFold("null") { return .null }
        if text == "0" { return .int(0) }
        if let first = text.unicodeScalars.first, first != "0", let number = Int64(text) { return .int(Int(number)) }
        return .string(text)
    }

    /// Helm's `set`: an empty key is skipped silently.
    func set(_ data: inout [String: YAMLValue], _ name: String, _ value: YAMLValue) {
        if !name.isEmpty { data[name] = value }
    }

    func setIndex(_ list: inout [YAMLValue], _ index: Int, _ value: YAMLValue, indexAt: Int) throws(HelmSetError) {
        if index > HelmSet.maxIndex {
            throw fail("index of \(index) is greater than maximum supported index of \(HelmSet.maxIndex)", at: indexAt)
        }
        if list.count <= index { list.append(contentsOf: repeatElement(.null, count: index + 1 - list.count)) }
        list[index] = value
    }
}

/// Go's `%q` for the texts helm quotes in its messages, so odd keys stay readable.
private func quoted(_ text: String) -> String {
    var out = "\""
    for c in text.unicodeScalars {
        switch c {
        case "\"", "\\": out += "\\\(c)"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case _ where c.value < 0x20 || c.value == 0x7F:
            let hex = String(c.value, radix: 16)
            out += (hex.count < 2 ? "\\x0" : "\\x") + hex
        default:
            out.unicodeScalars.append(c)
        }
    }
    return out + "\""
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

private extension String {
    /// Go's `strings.EqualFold` restricted to the ASCII words helm compares against: besides ASCII
    /// case, Unicode simple folding maps U+017F (long s) to `s`, so helm reads `falſe` as false.
    func helmEqualFold(_ word: String) -> Bool {
        let folded = unicodeScalars.map { c -> Unicode.Scalar in
            if c == "\u{017F}" { return "s" }
            return ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32)! : c
        }
        return folded.elementsEqual(word.unicodeScalars)
    }
}
