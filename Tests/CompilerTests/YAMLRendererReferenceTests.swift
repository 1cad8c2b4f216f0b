import Compiler
import RegexYAMLRenderer
import Foundation
import XCTest

/// The byte-level renderer against the regex-based one it replaced, on strings and trees built to
/// sit on the edges of YAML's implicit types: both must say exactly the same thing.
final class YAMLRendererReferenceTests: XCTestCase {
    /// 200,000 strings in eight seeded batches, run side by side: the regexes take most of the time.
    func testNeedsQuotesAgreesWithTheRegexesOnGeneratedStrings() {
        let batches = 8, perBatch = 25_000
        let disagreements = Disagreements()
        DispatchQueue.concurrentPerform(iterations: batches) { batch in
            var random = SplitMix64(seed: 0x5EED_0F_7A5C &+ UInt64(batch))
            for _ in 0..<perBatch {
                let string = random.edgyString()
                if YAMLRenderer.needsQuotes(string) != RegexYAMLRenderer.needsQuotes(string) {
                    disagreements.add(string)
                }
            }
        }
        XCTAssertEqual(disagreements.first(20), [], "needsQuotes differs from the regexes on these")
    }

    func testFloatsAreSpelledAsBefore() {
        var random = SplitMix64(seed: 0xF10A7)
        var doubles: [Double] = [0, -0.0, 1e15, 1e16, 9999999999999998, 1e-4, 1e-5, 0.00012, .leastNonzeroMagnitude,
                                 .greatestFiniteMagnitude, .leastNormalMagnitude, .ulpOfOne, 1 / 3]
        for _ in 0..<20_000 {
            doubles.append(Double(bitPattern: random.next()))
            let scale = pow(10, Double(random.below(44) - 22))
            doubles.append(Double(Int(truncatingIfNeeded: random.next()) % 1_000_000) * scale)
        }
        for double in doubles where !double.isNaN {
            XCTAssertEqual(YAMLRenderer.formatFloat(double), RegexYAMLRenderer.formatFloat(double), "\(double)")
        }
    }

    func testRenderAgreesOnGeneratedTrees() {
        var random = SplitMix64(seed: 0x7EE5)
        for round in 0..<300 {
            let value = random.tree(depth: 4)
            XCTAssertEqual(YAMLRenderer.render(value), RegexYAMLRenderer.render(value), "tree \(round)")
            let documents = (0..<random.below(4)).map { _ in random.tree(depth: 2) }
            XCTAssertEqual(YAMLRenderer.renderDocuments(documents), RegexYAMLRenderer.renderDocuments(documents),
                           "documents \(round)")
        }
    }

    func testByteEntryWritesWhatRenderReturns() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<50 {
            let value = random.tree(depth: 3)
            var bytes: [UInt8] = Array("prefix\n".utf8)
            YAMLRenderer.render(value, into: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "prefix\n" + YAMLRenderer.render(value))
        }
    }
}

/// The strings on which the two renderers differ, gathered from concurrent batches.
private final class Disagreements: @unchecked Sendable {
    private let lock = NSLock()
    private var strings: [String] = []

    func add(_ string: String) { lock.withLock { strings.append(string) } }

    func first(_ count: Int) -> [String] { lock.withLock { Array(strings.prefix(count)) } }
}

/// Strings and trees on the edges of YAML's implicit types, from the shared seeded generator.
private extension SplitMix64 {
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

    /// Half the time a number, timestamp or keyword from a loose grammar of them, often edited by a
    /// character or two; otherwise one to six pieces of such things, indicators, or any single character.
    mutating func edgyString() -> String {
        if below(2) == 0 {
            var string = Array(pick([Self.number, Self.radixNumber, Self.sexagesimal, Self.timestamp, Self.keyword])(&self))
            for _ in 0..<pick([0, 0, 1, 2]) {
                let position = below(string.count + 1), character = pick(Self.editCharacters)
                switch below(3) {
                case 0: string.insert(character, at: position)
                case 1 where position < string.count: string[position] = character
                default: if position < string.count { string.remove(at: position) }
                }
            }
            return String(string)
        }
        var string = ""
        for _ in 0...below(6) {
            if below(8) == 0 {
                string.unicodeScalars.append(Unicode.Scalar(UInt8(0x20 + below(0x5F))))
            } else {
                string += pick(stringPieces)
            }
        }
        return string
    }

    private static let editCharacters = Array("0159_-+.:,eExXoObB ZTt")

    mutating func digits(_ lengths: ClosedRange<Int>, from alphabet: String = "0123456789") -> String {
        var string = ""
        for _ in 0..<lengths.lowerBound + below(lengths.count) {
            string.append(alphabet.randomElement(using: &self)!)
        }
        return string
    }

    mutating func sign() -> String { pick(["", "", "+", "-"]) }

    /// `[-+]?[0-9_,]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?` and its neighbours.
    static func number(_ random: inout Self) -> String {
        var string = random.sign() + (random.below(4) == 0 ? "" : random.digits(1...4, from: "0159_,"))
        if random.below(2) == 0 { string += "." + random.digits(0...3, from: "019_") }
        if random.below(3) == 0 { string += random.pick(["e", "E"]) + random.sign() + random.digits(0...2) }
        return string
    }

    /// 0x, 0o and 0b numbers, with signs and separators where some reader allows them.
    static func radixNumber(_ random: inout Self) -> String {
        random.sign() + "0" + random.pick(["x", "X", "o", "O", "b", "B", "", "_"]) + random.sign()
            + random.digits(0...4, from: "0178aF_,")
    }

    static func sexagesimal(_ random: inout Self) -> String {
        var string = random.sign() + random.digits(1...3, from: "0159_")
        for _ in 0...random.below(3) { string += ":" + random.digits(0...3, from: "05679") }
        if random.below(2) == 0 { string += "." + random.digits(0...2, from: "09_") }
        return string
    }

    /// Mostly fields of lengths some reader takes, so that whole timestamps come often.
    static func timestamp(_ random: inout Self) -> String {
        func field(_ random: inout Self) -> String { random.digits(random.below(8) == 0 ? 0...3 : 1...2) }
        var string = random.pick(["", "", "-"]) + random.digits(random.below(8) == 0 ? 3...5 : 4...4) + "-"
            + field(&random) + "-" + field(&random)
        if random.below(4) == 0 { return string }
        string += random.pick(["T", "t", " ", "  ", "x"]) + field(&random) + ":" + field(&random) + ":"
            + field(&random)
        if random.below(2) == 0 { string += random.pick([".", ","]) + random.digits(0...3) }
        if random.below(2) == 0 {
            string += random.pick(["", " ", "  "])
            string += random.below(3) == 0 ? "Z" : random.pick(["+", "-"]) + random.digits(0...5)
                + (random.below(2) == 0 ? random.pick([":", ""]) + random.digits(0...3) : "")
        }
        return string
    }

    /// The words of the null, bool, infinity and NaN types, each letter in either case.
    static func keyword(_ random: inout Self) -> String {
        let word = random.pick(["~", "null", "y", "n", "yes", "no", "true", "false", "on", "off", ".inf", ".nan",
                                "+.inf", "-.nan", "<<", "=", "nul", "tru", "offf"])
        return String(word.map { random.below(2) == 0 ? Character($0.uppercased()) : $0 })
    }

    mutating func tree(depth: Int) -> YAMLValue {
        switch below(depth > 0 ? 10 : 6) {
        case 0: return .int(pick([0, 1, -1, 42, .max, .min, 1_000_000]))
        case 1: return .float(pick([0.0, -0.0, 1.5, 1e20, 1e-05, .infinity, -.infinity, .nan, 0.1 + 0.2]))
        case 2: return .bool(below(2) == 0)
        case 3: return .null
        case 4, 5: return .string(edgyString())
        case 6, 7: return .list((0..<below(4)).map { _ in tree(depth: depth - 1) })
        default:
            var entries: [String: YAMLValue] = [:]
            for _ in 0..<below(5) {
                let key = below(20) == 0 ? String(repeating: "k", count: 118 + below(10)) : edgyString()
                entries[key] = tree(depth: depth - 1)
            }
            return .map(entries)
        }
    }
}

private let stringPieces: [String] = [
    "0", "1", "5", "7", "9", "00", "12", "59", "60", "123", "2001", "-", "+", ".", "_", ",", ":", ":5", ":59",
    "e", "E", "e+", "E-", "x", "X", "o", "O", "b", "B", "a", "F", "Z", "T", "t", " ", "  ", "#", " #", "<<", "<", "=",
    "yes", "Yes", "No", "no", "ON", "on", "off", "OfF", "y", "Y", "n", "N", "null", "NULL", "~", "true", "tRUE",
    "False", "inf", "Inf", ".inf", ".Inf", ".nan", ".NaN", "nan", "0x", "0x1F", "0X1f", "0o", "0o17", "0O7", "0b",
    "0b101", "0B1", "1_000", "1,000", "1:20", "0:20", "1:20.5", "2001-12-14", "2001-1-5", "12-14", "-12",
    "21:59:43", "21:59:43.10", "-05:00", "-5", "+0530", "Z", "T21:59:43", " 21:59:43.10 -5", "1e3", "1.5e+3", ".5",
    "---", "...", "--", "?", "? ", "- ", "'", "\"", "\\", "!", "%", "@", "`", "&", "*", "|", ">", "[", "]", "{", "}",
    "é", "😀", "\u{A0}", "\u{85}", "\u{2028}", "\t", "\n", "\r\n", "\u{7F}", "\u{0}", "e\u{301}",
]
