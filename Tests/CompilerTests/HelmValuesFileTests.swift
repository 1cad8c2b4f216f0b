@testable import Compiler
import XCTest

final class ValuesFileTests: XCTestCase {
    func testScalarTypesFollowTheResolver() throws {
        let values = try ValuesFile.parse("""
        string: hello
        quoted: "42"
        single: 'true'
        int: 42
        negative: -7
        hex: 0x1F
        octal: 010
        float: 1.5
        exponent: 1e3
        bool: true
        yes: yes
        off: Off
        null: null
        tilde: ~
        empty:
        date: 2001-12-14
        block: |
          line
        huge: 99999999999999999999
        explicit: !!int "12"
        """)
        XCTAssertEqual(values, [
            "string": "hello", "quoted": "42", "single": "true",
            "int": 42, "negative": -7, "hex": 31, "octal": 8,
            "float": 1.5, "exponent": 1000.0,
            "bool": true, "yes": true, "off": false,
            "null": nil, "tilde": nil, "empty": nil,
            "date": "2001-12-14", "block": "line\n",
            "huge": 1e20, "explicit": 12,
        ])
    }

    func testNestedStructuresAndKeyText() throws {
        let values = try ValuesFile.parse("""
        conf:
          list: [a, 1, {k: v}]
          map: {x: [], y: {}}
        1: one
        true: yes-string
        dup: first
        dup: last
        """)
        XCTAssertEqual(values, [
            "conf": ["list": ["a", 1, ["k": "v"]], "map": ["x": [], "y": [:]]],
            "1": "one", "true": "yes-string", "dup": "last",
        ])
    }

    func testAliasesAndMergeKeys() throws {
        let values = try ValuesFile.parse("""
        base: &base {a: 1, b: 2}
        extra: &extra {b: 3, c: 4}
        copy: *base
        merged:
          <<: [*base, *extra]
          a: 10
        """)
        XCTAssertEqual(values["copy"], ["a": 1, "b": 2])
        XCTAssertEqual(values["merged"], ["a": 10, "b": 2, "c": 4])
    }

    func testEmptyDocumentsAreEmptyMaps() throws {
        XCTAssertEqual(try ValuesFile.parse(""), [:])
        XCTAssertEqual(try ValuesFile.parse("# only a comment\n"), [:])
        XCTAssertEqual(try ValuesFile.parse("---\n"), [:])
        XCTAssertEqual(try ValuesFile.parse("null"), [:])
    }

    func testTopLevelMustBeAMap() {
        XCTAssertThrowsError(try ValuesFile.parse("\n- a\n- b\n")) { error in
            let error = error as? ValuesFileError
            XCTAssertEqual(error?.line, 2)
            XCTAssertEqual(error?.column, 1)
            XCTAssertEqual(error?.message, "a values file must hold a mapping at the top level, not a list")
        }
        XCTAssertThrowsError(try ValuesFile.parse("just text")) { error in
            XCTAssertEqual((error as? ValuesFileError)?.message, "a values file must hold a mapping at the top level, not a string")
        }
    }

    func testSyntaxErrorCarriesPosition() {
        XCTAssertThrowsError(try ValuesFile.parse("a: 1\nb: [1, 2\nc: 3\n")) { error in
            guard let error = error as? ValuesFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.line, 3)
            XCTAssertEqual(error.column, 2)
            XCTAssertTrue(error.message.hasPrefix("invalid YAML: "), error.message)
        }
        XCTAssertThrowsError(try ValuesFile.parse("a:\n  b: 1\n c: 2\n")) { error in
            guard let error = error as? ValuesFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.line, 3)
            XCTAssertEqual(error.column, 2)
        }
    }

    func testSecondDocumentIsRejected() {
        XCTAssertThrowsError(try ValuesFile.parse("a: 1\n---\nb: 2\n")) { error in
            XCTAssertEqual((error as? ValuesFileError)?.line, 2)
        }
    }

    func testComplexKeyIsRejectedWithPosition() {
        XCTAssertThrowsError(try ValuesFile.parse("ok: 1\n? [a, b]\n: v\n")) { error in
            let error = error as? ValuesFileError
            XCTAssertEqual(error?.line, 2)
            XCTAssertEqual(error?.column, 3)
            XCTAssertEqual(error?.message, "a mapping key must be a scalar, not a list or mapping")
        }
    }

    func testBadMergeValueIsRejected() {
        XCTAssertThrowsError(try ValuesFile.parse("a:\n  <<: 5\n")) { error in
            XCTAssertEqual((error as? ValuesFileError)?.line, 2)
        }
    }

    func testExpandingAliasesAreBounded() {
        var lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...7 {
            let refs = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("l\(level): &l\(level) [\(refs)]")
        }
        XCTAssertThrowsError(try ValuesFile.parse(lines.joined(separator: "\n"))) { error in
            XCTAssertTrue((error as? ValuesFileError)?.message.contains("more than") == true, "\(error)")
        }
    }
}
