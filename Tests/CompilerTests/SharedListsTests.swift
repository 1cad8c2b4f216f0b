@testable import Compiler
import XCTest

final class SharedListsTests: XCTestCase {
    /// Every line gets the indent, blank lines included; a last line without its line break is
    /// indented and copied as it is, and no indent copies the bytes unchanged.
    func testLinesAreIndentedOneByOne() {
        func indented(_ text: String, by indent: Int) -> String {
            var bytes = Array("x:\n".utf8)
            SharedLists.append(Array(text.utf8), indentedBy: indent, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        XCTAssertEqual(indented("- a\n- b: 1\n  c: 2\n", by: 4), "x:\n    - a\n    - b: 1\n      c: 2\n")
        XCTAssertEqual(indented("- a\n\n- b\n", by: 2), "x:\n  - a\n  \n  - b\n")
        XCTAssertEqual(indented("- a\n- b", by: 2), "x:\n  - a\n  - b")
        XCTAssertEqual(indented("- a\n", by: 0), "x:\n- a\n")
        XCTAssertEqual(indented("", by: 3), "x:\n")
    }
}
