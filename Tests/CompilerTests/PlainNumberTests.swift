@testable import Compiler
import Foundation
import XCTest
import Yams

/// The inventory reader types plain scalars without Yams' nodes; these are Yams' own answers
/// for the same text, so the two can never drift apart unnoticed.
final class PlainNumberTests: XCTestCase {
    static let corpus: [String] = [
        "", "~", "null", "Null", "NULL", "nULL", "none",
        "true", "True", "TRUE", "tRuE", "yes", "Yes", "on", "ON", "false", "No", "off", "OfF", "y", "n", "truex", "\u{212A}",
        "0", "-0", "+0", "00", "007", "08", "09", "0x1F", "0X1F", "-0x1f", "+0x1F", "0x", "0b101", "-0b11", "0b2", "0o17", "0o8",
        "1_000", "_1", "1_", "_", "__", "+", "-", "+-1", "--1", "1e3", "1E3", "1.5", ".5", "5.", "-.5", "+1.5e-3", "1_0.5",
        ".inf", ".Inf", ".INF", "+.inf", "-.inf", "-.INF", ".nan", ".NaN", ".NAN", "nan", "NaN", "inf", "-inf", "infinity",
        "0x1p3", "1.2.3", "10.10.10.3", "9000", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "12:30", "52:54:00:12:34:56", "1:0:0", "١٢", "1\u{301}", "_\u{301}1", " 1", "1 ", "0.0.0.0", "fd00::1", "1e", "e1",
    ]

    func testIntegersAsYamsReadsThem() {
        for text in Self.corpus where !text.contains(":") {
            XCTAssertEqual(PlainNumber.int(text), Int.construct(from: Node.Scalar(text, Tag(.implicit), .plain)), text)
        }
    }

    func testFloatsAsYamsReadsThem() {
        for text in Self.corpus where !text.contains(":") {
            let yams = Double.construct(from: Node.Scalar(text, Tag(.implicit), .plain))
            let ours = PlainNumber.float(text)
            XCTAssertEqual(ours?.isNaN, yams?.isNaN, text)
            if let ours, let yams, !ours.isNaN { XCTAssertEqual(ours, yams, text) }
        }
    }

    func testNullsAndBooleansAsYamsReadsThem() {
        for text in Self.corpus {
            let node = Node.scalar(Node.Scalar(text, Tag(.implicit), .plain))
            XCTAssertEqual(PlainNumber.isNull(text), node.null != nil, text)
            XCTAssertEqual(PlainNumber.isBool(text), node.bool != nil, text)
        }
    }

    /// The reader takes a scalar with two dots for text without asking: nothing in the corpus
    /// with two dots is a number to Yams.
    func testNoNumberHoldsTwoDots() {
        for text in Self.corpus + ["1.2.3", "..5", "1..", ".1.", "0x1.2.3", "1_.2.3"] where text.filter({ $0 == "." }).count >= 2 {
            let scalar = Node.Scalar(text, Tag(.implicit), .plain)
            XCTAssertNil(Int.construct(from: scalar), text)
            XCTAssertNil(Double.construct(from: scalar), text)
        }
    }

    /// The inventory reader types a plain scalar as Yams' constructors read it when it starts as
    /// a YAML 1.1 null, bool or number can (`~nNyYtTfFoO+-.` or a digit); anything else
    /// (`inf`, `_1`) is text, as YAML 1.1's resolvers say.
    func testTheReaderTypesScalarsAsYamsDoes() throws {
        let words = Self.corpus + ["openstack-compute-node", "offline", "yesterday", "truest", "nan(1)", "NaN(2)", "nanny-state",
                                   "onwards", "Falsehood", "Nulled", "0x1F_FF", "infinity"]
        let plain = words.filter { $0 != "-" && !$0.isEmpty && $0.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || "0123456789._+-~()".unicodeScalars.contains($0)) } }
        XCTAssertGreaterThan(plain.count, 60)
        for text in plain {
            guard case let .mapping(pairs, _)? = YAMLReader.read("v: \(text)\n", file: "t.yaml").node, case let .scalar(scalar)? = pairs.first?.value else {
                XCTFail("\(text) did not read as a mapping of one scalar")
                continue
            }
            let yams = Node.scalar(Node.Scalar(text, Tag(.implicit), .plain))
            let startsAsTyped = "~nNyYtTfFoO+-.0123456789".utf8.contains(text.utf8.first!)
            let expected: SourceScalar.Kind = !startsAsTyped ? .string : yams.null != nil ? .null : yams.bool != nil ? .bool
                : Int.construct(from: yams.scalar!) != nil ? .int : Double.construct(from: yams.scalar!) != nil ? .float : .string
            XCTAssertEqual(scalar.kind, expected, text)
        }
    }

    /// A colon keeps a scalar text: no base-60 numbers.
    func testColonsKeepText() {
        for text in ["12:30", "1:0:0", "52:54:00:12:34:56", "1:0:0:0:0:0:0:0:0:0:0"] {
            XCTAssertNil(PlainNumber.int(text), text)
            XCTAssertNil(PlainNumber.float(text), text)
        }
    }
}
