@testable import Compiler
import XCTest

final class JSONRendererTests: XCTestCase {
    /// Keys in byte order, never a numeric or locale order: "10" before "9", "Z" before "a".
    func testKeysSortByTheirBytes() {
        let value: YAMLValue = ["9": 1, "10": 2, "a": true, "Z": nil, "é": [], "b": [:]]
        XCTAssertEqual(JSONRenderer.render(value), """
            {
              "10": 2,
              "9": 1,
              "Z": null,
              "a": true,
              "b": {},
              "é": []
            }

            """)
    }

    func testNestingAndEscapes() {
        let value: YAMLValue = ["list": ["a\"b\\c", "line\nbreak\ttab", "\u{1}\u{7F}\u{2028}", 1.5, ["k": "v"]]]
        XCTAssertEqual(JSONRenderer.render(value), #"""
            {
              "list": [
                "a\"b\\c",
                "line\nbreak\ttab",
                "\u0001\u007f\u2028",
                1.5,
                {
                  "k": "v"
                }
              ]
            }

            """#)
    }

    /// Python's default `json.dumps`: everything outside printable ASCII as UTF-16 escapes.
    func testASCIIOnlyQuotingIsPythons() {
        var out = ""
        JSONRenderer.quote("é😀\u{7F}\u{8}\u{C}\u{1}\"", asciiOnly: true, to: &out)
        XCTAssertEqual(out, #""\u00e9\ud83d\ude00\u007f\b\f\u0001\"""#)
    }
}
