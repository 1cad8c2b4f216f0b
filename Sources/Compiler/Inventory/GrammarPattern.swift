/// A `FieldGrammar` expression compiled for matching byte by byte, with no regular-expression
/// engine to start: the grammars are checked on every name of every host.
///
/// The expressions are the small, anchored subset JSON Schema and Swift share, and this reads
/// exactly that subset: `^` and `$` around the whole; ASCII characters, escaped ones (`\.`);
/// bracket classes of ASCII characters and ranges (`[-A-Za-z0-9._]`); groups; the quantifiers
/// `?`, `*`, `+`, `{m}` and `{m,n}`. Anything else is refused at compile time (nil). Every
/// atom is ASCII, so a byte of a non-ASCII character matches nothing, as no Unicode scalar
/// outside ASCII matches under Swift's unicode-scalar semantics. `GrammarPatternTests` holds
/// each grammar against Swift's `Regex` over generated strings.
struct GrammarPattern: Sendable {
    /// The ASCII bytes one position may hold.
    struct ByteSet: Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        mutating func insert(_ byte: UInt8) {
            if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
        }

        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
        }
    }

    indirect enum Node: Sendable {
        case byte(ByteSet)
        case sequence([Node])
        case repetition(Node, minimum: Int, maximum: Int?)
    }

    let root: Node

    init?(_ pattern: String) {
        var reader = Reader(bytes: Array(pattern.utf8))
        guard reader.take(UInt8(ascii: "^")), let root = reader.sequence(), reader.take(UInt8(ascii: "$")), reader.atEnd else { return nil }
        self.root = root
    }

    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            Self.match(root, bytes, 0) { $0 == bytes.count }
        }
    }

    /// Whether `node` matches at `position` with a rest that `then` accepts; tries the longest
    /// repetitions first and backs off, as a backtracking engine does.
    private static func match(_ node: Node, _ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, _ then: (Int) -> Bool) -> Bool {
        switch node {
        case let .byte(set):
            return position < bytes.count && set.contains(bytes[position]) && then(position + 1)
        case let .sequence(nodes):
            return matchSequence(nodes[...], bytes, position, then)
        case let .repetition(inner, minimum, maximum):
            return matchRepetition(inner, minimum: minimum, maximum: maximum, count: 0, bytes, position, then)
        }
    }

    private static func matchSequence(_ nodes: ArraySlice<Node>, _ bytes: UnsafeBufferPointer<UInt8>, _ position: Int,
                                      _ then: (Int) -> Bool) -> Bool {
        guard let first = nodes.first else { return then(position) }
        return match(first, bytes, position) { matchSequence(nodes.dropFirst(), bytes, $0, then) }
    }

    private static func matchRepetition(_ node: Node, minimum: Int, maximum: Int?, count: Int, _ bytes: UnsafeBufferPointer<UInt8>,
                                        _ position: Int, _ then: (Int) -> Bool) -> Bool {
        if maximum.map({ count < $0 }) ?? true {
            // Another round must consume something, or `(a*)*` would loop forever.
            let again = match(node, bytes, position) { next in
                next > position && matchRepetition(node, minimum: minimum, maximum: maximum, count: count + 1, bytes, next, then)
            }
            if again { return true }
        }
        return count >= minimum && then(position)
    }

    /// Reads the pattern's text; every method returns nil on anything outside the subset.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// Atoms with their quantifiers, up to `)`, `$` or the end.
        mutating func sequence() -> Node? {
            var nodes: [Node] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: ")"), bytes[index] != UInt8(ascii: "$") {
                guard let atom = atom(), let quantified = quantifier(atom) else { return nil }
                nodes.append(quantified)
            }
            return .sequence(nodes)
        }

        mutating func atom() -> Node? {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "("):
                guard let inner = sequence(), take(UInt8(ascii: ")")) else { return nil }
                return inner
            case UInt8(ascii: "["):
                return byteClass()
            case UInt8(ascii: "\\"):
                guard index < bytes.count, let literal = escaped(bytes[index]) else { return nil }
                index += 1
                return single(literal)
            case UInt8(ascii: "."), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "*"), UInt8(ascii: "+"),
                 UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"):
                return nil
            default:
                return byte < 128 ? single(byte) : nil
            }
        }

        /// A punctuation character written with a backslash; letters after one (`\d`, `\w`)
        /// are classes this subset does not read.
        func escaped(_ byte: UInt8) -> UInt8? {
            let punctuation = Array(".-_/:+*?()[]{}|^$\\".utf8)
            return punctuation.contains(byte) ? byte : nil
        }

        func single(_ byte: UInt8) -> Node {
            var set = ByteSet()
            set.insert(byte)
            return .byte(set)
        }

        /// `[...]` after its `[`: ASCII characters and ranges; a `-` first or last is itself.
        mutating func byteClass() -> Node? {
            var set = ByteSet()
            var first = true
            while index < bytes.count, bytes[index] != UInt8(ascii: "]") || first {
                first = false
                var low = bytes[index]
                index += 1
                if low == UInt8(ascii: "\\") {
                    guard index < bytes.count, let literal = escaped(bytes[index]) else { return nil }
                    low = literal
                    index += 1
                } else if low == UInt8(ascii: "[") || low == UInt8(ascii: "^") || low >= 128 {
                    return nil
                }
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] != UInt8(ascii: "]") {
                    let high = bytes[index + 1]
                    guard high >= low, high < 128, high != UInt8(ascii: "\\"), high != UInt8(ascii: "[") else { return nil }
                    index += 2
                    for byte in low...high { set.insert(byte) }
                } else {
                    set.insert(low)
                }
            }
            guard take(UInt8(ascii: "]")) else { return nil }
            return .byte(set)
        }

        mutating func quantifier(_ atom: Node) -> Node? {
            guard index < bytes.count else { return atom }
            switch bytes[index] {
            case UInt8(ascii: "?"): index += 1; return .repetition(atom, minimum: 0, maximum: 1)
            case UInt8(ascii: "*"): index += 1; return .repetition(atom, minimum: 0, maximum: nil)
            case UInt8(ascii: "+"): index += 1; return .repetition(atom, minimum: 1, maximum: nil)
            case UInt8(ascii: "{"):
                index += 1
                guard let minimum = number() else { return nil }
                var maximum: Int? = minimum
                if take(UInt8(ascii: ",")) { maximum = number() }
                guard take(UInt8(ascii: "}")), maximum.map({ $0 >= minimum }) ?? true else { return nil }
                return .repetition(atom, minimum: minimum, maximum: maximum)
            default:
                return atom
            }
        }

        mutating func number() -> Int? {
            var value: Int?
            while index < bytes.count, bytes[index].isDigit, (value ?? 0) < 10_000 {
                value = (value ?? 0) * 10 + Int(bytes[index] - .zero)
                index += 1
            }
            return value
        }
    }
}
