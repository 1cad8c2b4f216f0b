import Compiler
import Foundation
import XCTest

final class InventoryLoaderTests: XCTestCase {
    static let minimal = """
        system: {name: s, type: all-in-one, mode: simplex, kubernetes: {enabled: false}}
        networks:
          oam: {subnet: 10.10.10.0/24}
          mgmt: {subnet: 192.168.204.0/24}
          cluster-host: {subnet: 192.168.206.0/24}
          multicast: {subnet: 239.1.1.0/28}
        hosts:
          - hostname: controller-0
            personality: controller
            interfaces: [{name: eth0, networks: [oam, cluster-host]}]

        """

    func codes(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code.rawValue)" }
    }

    func testEveryDuplicateKeyIsReportedAtItsOwnLine() {
        let text = """
            system: {name: a, type: standard, mode: duplex}
            networks:
              mgmt: {subnet: 192.168.204.0/24}
              mgmt: {subnet: 192.168.205.0/24}
            hosts: []
            hosts: []

            """
        let (_, diagnostics) = InventoryLoader.load(text: text, file: "dup.yaml")
        let duplicates = diagnostics.filter { $0.code == .duplicateKey }
        XCTAssertEqual(codes(duplicates), ["4:3 YAML002", "6:1 YAML002"])
        XCTAssertTrue(duplicates[0].message.contains("first given at line 3, column 3"))
    }

    /// Small mappings are searched key by key and large ones through an index built on the way:
    /// a duplicate is found on either side of that change, always pointing at its first line.
    func testDuplicateKeysOfALargeMappingAreFoundBeforeAndAfterItIsIndexed() {
        var lines = ["labels:"]
        for index in 0..<20 { lines.append("  key-\(index): v") }
        lines.insert("  key-3: again", at: 9)     // the 9th key, while keys are compared one by one
        lines.append("  key-1: again")           // the 22nd key, found through the index
        lines.append("  key-20: v")
        lines.append("  key-20: again")          // a key first seen after the index was built
        let (node, diagnostics) = YAMLReader.read(lines.joined(separator: "\n") + "\n", file: "large.yaml")
        XCTAssertNotNil(node)
        XCTAssertEqual(codes(diagnostics), ["10:3 YAML002", "23:3 YAML002", "25:3 YAML002"])
        XCTAssertTrue(diagnostics[0].message.contains("first given at line 5, column 3"), diagnostics[0].message)
        XCTAssertTrue(diagnostics[1].message.contains("first given at line 3, column 3"), diagnostics[1].message)
        XCTAssertTrue(diagnostics[2].message.contains("first given at line 24, column 3"), diagnostics[2].message)
    }

    func testSyntaxErrorHasPosition() {
        let (inventory, diagnostics) = InventoryLoader.load(text: "system:\n  name: [a, b\n  type: standard\n", file: "bad.yaml")
        XCTAssertNil(inventory)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.code, .yamlSyntax)
        XCTAssertEqual(diagnostics.first?.location?.file, "bad.yaml")
        XCTAssertEqual(diagnostics.first?.location?.line, 3)
    }

    func testUnknownFieldsTypesAndValuesAreAllReported() {
        let text = Self.minimal
            .replacingOccurrences(of: "type: all-in-one", with: "type: all-in-on")
            .replacingOccurrences(of: "personality: controller", with: "personality: controller\n    adminstrative: locked")
            .replacingOccurrences(of: "name: eth0,", with: "name: eth0, mtu: \"big\",")
        let (_, diagnostics) = InventoryLoader.load(text: text, file: "i.yaml")
        XCTAssertEqual(diagnostics.map(\.code), [.valueNotAllowed, .unknownField, .wrongType])
        XCTAssertTrue(diagnostics[0].message.contains("did you mean \"all-in-one\"?"), diagnostics[0].message)
        XCTAssertTrue(diagnostics[1].message.contains("did you mean \"administrative\"?"), diagnostics[1].message)
        XCTAssertEqual(diagnostics[1].location?.line, 10)
    }

    func testQuotedScalarsStayText() throws {
        let text = Self.minimal.replacingOccurrences(of: "name: s,", with: "name: s, software_version: \"19.10\",")
        let (inventory, diagnostics) = InventoryLoader.load(text: text, file: "i.yaml")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(inventory?.system.softwareVersion.value, "19.10")
    }

    func testIncludesMergeSectionsAndReportConflicts() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-include-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let main = Self.minimal.replacingOccurrences(of: "hosts:", with: "include: [more.yaml]\nhosts:")
        try main.write(to: directory.appendingPathComponent("main.yaml"), atomically: true, encoding: .utf8)
        try """
            networks:
              pxeboot: {subnet: 169.254.202.0/24}
            hosts:
              - {hostname: controller-1, personality: controller}
            system: {name: other}

            """.write(to: directory.appendingPathComponent("more.yaml"), atomically: true, encoding: .utf8)
        let (inventory, diagnostics) = InventoryLoader.load(path: directory.appendingPathComponent("main.yaml").path)
        XCTAssertEqual(inventory?.hosts.map(\.name), ["controller-0", "controller-1"])
        XCTAssertNotNil(inventory?.networks[.pxeboot])
        XCTAssertEqual(diagnostics.map(\.code), [.includeConflict])
        XCTAssertTrue(diagnostics[0].location?.file.hasSuffix("more.yaml") == true)
    }

    func testIncludeCycleIsReported() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-cycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try (Self.minimal + "include: [b.yaml]\n").write(to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "include: [a.yaml]\n".write(to: directory.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let (_, diagnostics) = InventoryLoader.load(path: directory.appendingPathComponent("a.yaml").path)
        XCTAssertEqual(diagnostics.map(\.code), [.includeCycle])
    }

    func testAliasBombIsStopped() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for level in 1...7 {
            let name = "l\(level)"
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        let (_, diagnostics) = InventoryLoader.load(text: text, file: "bomb.yaml")
        XCTAssertTrue(diagnostics.contains { $0.code == .aliasNotAllowed })
    }
}
