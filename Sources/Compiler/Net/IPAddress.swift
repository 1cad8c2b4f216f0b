/// An IPv4 or IPv6 address held as plain integers, so comparison, hashing and
/// arithmetic are exact and independent of how the address was written.
///
/// Ordering (synthesized): every IPv4 address sorts before every IPv6 address;
/// within a family, numerically.
public enum IPAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    case v4(UInt32)
    /// The high and low 64 bits of the 128-bit address.
    case v6(UInt64, UInt64)

    /// Parses a dotted-quad IPv4 address or any RFC 4291 IPv6 text form.
    ///
    /// Strict on purpose: the input comes from configuration, where "010.0.0.1"
    /// (octal to some tools), surrounding whitespace or a zone id ("fe80::1%eth0")
    /// is more likely a mistake than intent, so all of those are rejected.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        if bytes.contains(UInt8(ascii: ":")) {
            guard let (high, low) = Self.parseV6(bytes[...]) else { return nil }
            self = .v6(high, low)
        } else {
            guard let value = Self.parseV4(bytes[...]) else { return nil }
            self = .v4(value)
        }
    }

    /// 4 or 6.
    public var family: Int {
        switch self {
        case .v4: return 4
        case .v6: return 6
        }
    }

    /// IPv4 dotted quad; IPv6 in RFC 5952 canonical form. IPv4-mapped IPv6
    /// addresses keep the dotted tail ("::ffff:10.0.0.1"), as RFC 5952 §5 recommends.
    public var description: String {
        switch self {
        case .v4(let value):
            return Self.dotted(value)
        case .v6(let high, let low):
            if high == 0 && low >> 32 == 0xffff {
                return "::ffff:" + Self.dotted(UInt32(truncatingIfNeeded: low))
            }
            return Self.compressed(Self.groups(high, low))
        }
    }

    /// The form to embed in a URL host: IPv6 in brackets, IPv4 unchanged.
    public var urlFormatted: String {
        switch self {
        case .v4: return description
        case .v6: return "[\(description)]"
        }
    }

    /// The address `offset` steps away, or nil when that leaves the family's range
    /// (no wrap-around, so an off-by-one at the edge of the space is caught).
    public func adding(_ offset: Int) -> IPAddress? {
        switch self {
        case .v4(let value):
            let (sum, overflow) = Int64(value).addingReportingOverflow(Int64(offset))
            guard !overflow, let result = UInt32(exactly: sum) else { return nil }
            return .v4(result)
        case .v6(let high, let low):
            let step = UInt64(offset.magnitude)
            if offset >= 0 {
                let (newLow, carry) = low.addingReportingOverflow(step)
                if !carry { return .v6(high, newLow) }
                let (newHigh, overflow) = high.addingReportingOverflow(1)
                return overflow ? nil : .v6(newHigh, newLow)
            }
            let (newLow, borrow) = low.subtractingReportingOverflow(step)
            if !borrow { return .v6(high, newLow) }
            let (newHigh, underflow) = high.subtractingReportingOverflow(1)
            return underflow ? nil : .v6(newHigh, newLow)
        }
    }

    /// 224.0.0.0/4 or ff00::/8.
    public var isMulticast: Bool {
        switch self {
        case .v4(let value): return value >> 28 == 0xE
        case .v6(let high, _): return high >> 56 == 0xff
        }
    }
}

// MARK: - Parsing and formatting

extension IPAddress {
    private static let colon = UInt8(ascii: ":")
    private static let dot = UInt8(ascii: ".")

    /// Four decimal fields 0-255 with no leading zeros and nothing else.
    private static func parseV4(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        let fields = bytes.split(separator: dot, omittingEmptySubsequences: false)
        guard fields.count == 4 else { return nil }
        var value: UInt32 = 0
        for field in fields {
            guard (1...3).contains(field.count),
                  field.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                  field.count == 1 || field.first != UInt8(ascii: "0")
            else { return nil }
            let octet = field.reduce(UInt32(0)) { $0 * 10 + UInt32($1 - UInt8(ascii: "0")) }
            guard octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    private static func parseV6(_ bytes: ArraySlice<UInt8>) -> (UInt64, UInt64)? {
        var gap: Int?
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == colon && bytes[index + 1] == colon {
                guard gap == nil else { return nil }  // also rejects ":::"
                gap = index
            }
            index += 1
        }
        var words: [UInt16]
        if let gap {
            guard let head = parseGroups(bytes[..<gap], allowIPv4Tail: false),
                  let tail = parseGroups(bytes[(gap + 2)...], allowIPv4Tail: true),
                  head.count + tail.count <= 7
            else { return nil }
            words = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let all = parseGroups(bytes, allowIPv4Tail: true), all.count == 8 else { return nil }
            words = all
        }
        let high = words[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = words[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (high, low)
    }

    /// Colon-separated hex groups; an embedded IPv4 address counts as two groups
    /// and is only allowed as the very last group of the address.
    private static func parseGroups(_ bytes: ArraySlice<UInt8>, allowIPv4Tail: Bool) -> [UInt16]? {
        if bytes.isEmpty { return [] }
        let fields = bytes.split(separator: colon, omittingEmptySubsequences: false)
        var words: [UInt16] = []
        for (position, field) in fields.enumerated() {
            if allowIPv4Tail && position == fields.count - 1 && field.contains(dot) {
                guard let v4 = parseV4(field) else { return nil }
                words += [UInt16(v4 >> 16), UInt16(v4 & 0xffff)]
                continue
            }
            guard (1...4).contains(field.count) else { return nil }
            var word: UInt16 = 0
            for byte in field {
                guard let digit = hexValue(byte) else { return nil }
                word = word << 4 | digit
            }
            words.append(word)
        }
        return words
    }

    private static func hexValue(_ byte: UInt8) -> UInt16? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt16(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt16(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt16(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func dotted(_ value: UInt32) -> String {
        [24, 16, 8, 0].map { String(value >> $0 & 0xff) }.joined(separator: ".")
    }

    private static func groups(_ high: UInt64, _ low: UInt64) -> [UInt16] {
        [high, low].flatMap { half in [48, 32, 16, 0].map { UInt16(truncatingIfNeeded: half >> $0) } }
    }

    /// RFC 5952: compress the longest run of two or more zero groups (the first
    /// one on a tie), lowercase hex, no leading zeros.
    private static func compressed(_ words: [UInt16]) -> String {
        var best = (start: 0, length: 0)
        var runStart: Int?
        for (index, word) in words.enumerated() {
            if word == 0 {
                let start = runStart ?? index
                runStart = start
                if index - start + 1 > best.length { best = (start, index - start + 1) }
            } else {
                runStart = nil
            }
        }
        let hex = words.map { String($0, radix: 16) }
        guard best.length >= 2 else { return hex.joined(separator: ":") }
        let head = hex[..<best.start].joined(separator: ":")
        let tail = hex[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }
}
