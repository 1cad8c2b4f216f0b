@testable import Compiler
import XCTest

/// `GrammarPattern` matches every grammar's expression exactly as Swift's `Regex` does (with
/// unicode-scalar semantics, as `FieldGrammar` used it), over strings built to sit on each
/// grammar's edges: every string of up to three characters from the characters the grammars
/// name, and thousands of longer random ones.
final class GrammarPatternTests: XCTestCase {
    static let grammars: [FieldGrammar] = [
        .region, .softwareVersion, .systemName, .dnsLabel("host name"), .dnsName, .interfaceName, .dataNetworkName,
        .parameterWord("section"), .hieraKey, .tierName, .applicationVersion, .chartName, .timezone,
    ]
    /// Letters of both cases, digits, every separator the grammars use, and characters they refuse.
    static let alphabet: [String] = ["a", "z", "Q", "0", "9", "-", "_", ".", "+", ":", "/", " ", "é", "e\u{301}", "\n", "$", "x"]

    func testEveryGrammarCompiles() {
        for grammar in Self.grammars {
            XCTAssertNotNil(GrammarPattern(grammar.pattern), grammar.pattern)
        }
    }

    func testMatchesAsSwiftRegexDoes() throws {
        var generator = SystemRandomNumberGenerator()
        var samples: [String] = [""]
        for first in Self.alphabet {
            samples.append(first)
            for second in Self.alphabet {
                samples.append(first + second)
                for third in Self.alphabet { samples.append(first + second + third) }
            }
        }
        for _ in 0..<3_000 {
            let length = Int.random(in: 4...70, using: &generator)
            samples.append((0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! }.joined())
        }
        samples += ["19.01", "22.12.1", "12345.1", "1.2.3.4", "platform::docker::params::http_proxy", "a::", "::a",
                    "America/New_York", "Etc/GMT+5", "a.b-c.d", "-a", "a-", "a..b", String(repeating: "a", count: 300)]
        for grammar in Self.grammars {
            let regex = try Regex(grammar.pattern).matchingSemantics(.unicodeScalar)
            let compiled = try XCTUnwrap(GrammarPattern(grammar.pattern))
            for sample in samples {
                let expected = (try regex.wholeMatch(in: sample)) != nil
                XCTAssertEqual(compiled.matches(sample), expected, "\(grammar.pattern) on \(sample.debugDescription)")
            }
        }
    }

    func testExpressionsOutsideTheSubsetAreRefused() {
        for pattern in ["a", "^a", "^a|b$", "^\\d+$", "^.$", "^[^a]$", "^(a$", "^a)$", "^a**$", "^[a$", "^a{2,1}$", "^é$"] {
            XCTAssertNil(GrammarPattern(pattern), pattern)
        }
        XCTAssertNotNil(GrammarPattern("^a{2,}$"))
        XCTAssertTrue(GrammarPattern("^a{2,}$")!.matches("aaaa"))
        XCTAssertFalse(GrammarPattern("^a{2,}$")!.matches("a"))
    }
}
