import Compiler
import Foundation
import Plugins
import XCTest

/// The repository's examples, compiled through the whole pipeline as a user would.
enum Examples {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let names = ["aio-simplex", "aio-duplex", "standard", "storage", "no-kubernetes", "ipv6", "openstack", "virtual"]

    static func inventoryPath(_ name: String) -> String {
        repository.appendingPathComponent("inventory-examples/\(name).yaml").path
    }

    static func goldenPath(_ name: String) -> String {
        repository.appendingPathComponent("golden/\(name)").path
    }

    static func compile(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Pipeline.Result {
        let result = try Pipeline.standard().run(path: inventoryPath(name))
        XCTAssertFalse(result.hasErrors, "\(name): \(result.diagnostics.map(\.description).joined(separator: "\n"))", file: file, line: line)
        XCTAssertNotNil(result.rendered, file: file, line: line)
        return result
    }

    /// A hiera value of an example, by file and key.
    static func hiera(_ result: Pipeline.Result, _ file: HieraFile, _ key: String) -> YAMLValue? {
        result.tree?.hiera[file]?[key]
    }
}
