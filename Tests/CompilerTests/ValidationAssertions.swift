import Compiler
import XCTest

extension XCTestCase {
    /// Every diagnostic of loading and validating an inventory text.
    func validationDiagnostics(_ text: String, file name: String = "inventory.yaml") -> [Diagnostic] {
        let (inventory, loadDiagnostics) = InventoryLoader.load(text: text, file: name)
        guard let inventory else { return loadDiagnostics }
        return loadDiagnostics + Validator.validate(inventory).diagnostics
    }

    /// The inventory's diagnostics are exactly `expected`, each as "line:column CODE".
    func assertDiagnosticCodes(_ text: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        let found = validationDiagnostics(text)
        XCTAssertEqual(found.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code.rawValue)" }, expected,
                       found.map(\.description).joined(separator: "\n"), file: file, line: line)
    }
}
