import Compiler
import Foundation
import Plugins
import XCTest

/// Generation holds every plugin to its declaration: small plugins that break it, run after the
/// real ones on an example, stop the compile with the code that names the defect.
final class PluginOwnershipTests: XCTestCase {
    /// Sets one system hiera key.
    struct KeyWriter: ConfigPlugin {
        let description: PluginDescription
        let key: String
        let value: YAMLValue

        init(_ identifier: String, writes: [WritePattern], overrides: [HieraKeyPattern] = [], sets key: String, to value: YAMLValue = "x") {
            description = PluginDescription(identifier: identifier, summary: "test", reads: [], writes: writes, overrides: overrides)
            self.key = key
            self.value = value
        }

        func systemConfig(_ context: PluginContext) -> HieraData {
            var data = HieraData()
            data.set(key, value)
            return data
        }
    }

    /// Writes one file.
    struct FileWriter: ConfigPlugin {
        let description: PluginDescription
        let path: String

        init(_ identifier: String, writes: [WritePattern], path: String) {
            description = PluginDescription(identifier: identifier, summary: "test", reads: [], writes: writes)
            self.path = path
        }

        func files(_ context: PluginContext) -> [OutputFile] {
            [OutputFile(path: path, content: .text("x\n"))]
        }
    }

    func run(_ plugins: [any ConfigPlugin]) throws -> Pipeline.Result {
        let key = Examples.repository.appendingPathComponent("inventory-examples/example.key").path
        return try Pipeline(plugins: PluginRegistry.all + plugins, secretKeyFile: key).run(path: Examples.inventoryPath("aio-simplex"))
    }

    func errors(_ result: Pipeline.Result) -> [Diagnostic] {
        result.diagnostics.filter { $0.severity == .error }
    }

    func testAnUndeclaredHieraKeyStopsGenerationNamingThePluginAndTheKey() throws {
        let result = try run([KeyWriter("950_test", writes: ["test::declared::"], sets: "test::undeclared::key")])
        let error = try XCTUnwrap(errors(result).first, "\(result.diagnostics)")
        XCTAssertEqual(errors(result).count, 1)
        XCTAssertEqual(error.code, .undeclaredWrite)
        XCTAssertTrue(error.message.contains("950_test"), error.message)
        XCTAssertTrue(error.message.contains("test::undeclared::key"), error.message)
        XCTAssertTrue(error.message.contains("defect in sysinvc"), error.message)
        XCTAssertNil(result.tree)
    }

    func testAKeyPatternWithoutTrailingColonsIsOneKeyNotAPrefix() throws {
        let result = try run([KeyWriter("950_test", writes: ["test::declared"], sets: "test::declared_too")])
        XCTAssertEqual(errors(result).map(\.code), [.undeclaredWrite])
    }

    func testAnUndeclaredFileStopsGenerationNamingThePluginAndThePath() throws {
        let result = try run([FileWriter("950_test", writes: ["test/<name>.yaml"], path: "other/name.yaml")])
        let error = try XCTUnwrap(errors(result).first, "\(result.diagnostics)")
        XCTAssertEqual(error.code, .undeclaredWrite)
        XCTAssertTrue(error.message.contains("950_test") && error.message.contains("other/name.yaml"), error.message)
    }

    func testAPlaceholderDoesNotStandForADirectory() throws {
        let result = try run([FileWriter("950_test", writes: ["test/<name>.yaml"], path: "test/a/b.yaml")])
        XCTAssertEqual(errors(result).map(\.code), [.undeclaredWrite])
    }

    func testTwoPluginsWritingOneFileStopGenerationNamingBoth() throws {
        let result = try run([FileWriter("950_first", writes: ["test/shared.yaml"], path: "test/shared.yaml"),
                              FileWriter("951_second", writes: ["test/<file>.yaml"], path: "test/shared.yaml")])
        let error = try XCTUnwrap(errors(result).first, "\(result.diagnostics)")
        XCTAssertEqual(error.code, .pluginOutputCollision)
        XCTAssertTrue(error.message.contains("950_first") && error.message.contains("951_second"), error.message)
        XCTAssertTrue(error.message.contains("test/shared.yaml"), error.message)
    }

    func testAPluginWritingAHieraFileCollidesWithTheHieraFiles() throws {
        let result = try run([FileWriter("950_test", writes: ["hieradata/<file>.yaml"], path: "hieradata/system.yaml")])
        let error = try XCTUnwrap(errors(result).first, "\(result.diagnostics)")
        XCTAssertEqual(error.code, .pluginOutputCollision)
        XCTAssertTrue(error.message.contains("950_test") && error.message.contains("the hiera files"), error.message)
    }

    func testADeclaredOverrideStillReplacesTheEarlierValue() throws {
        let result = try run([KeyWriter("950_first", writes: ["test::shared::"], sets: "test::shared::key", to: 1),
                              KeyWriter("951_second", writes: [], overrides: ["test::shared::"], sets: "test::shared::key", to: 2)])
        XCTAssertEqual(errors(result).map(\.description), [])
        let document = try XCTUnwrap(result.tree?.hiera[.system])
        XCTAssertEqual(document["test::shared::key"], 2)
        XCTAssertEqual(document.provenance["test::shared::key"]?.plugin, "951_second")
        XCTAssertEqual(document.provenance["test::shared::key"]?.replaced.map(\.plugin), ["950_first"])
    }

    func testAnUndeclaredOverrideStopsGeneration() throws {
        let result = try run([KeyWriter("950_first", writes: ["test::shared::"], sets: "test::shared::key", to: 1),
                              KeyWriter("951_second", writes: ["test::shared::"], sets: "test::shared::key", to: 2)])
        XCTAssertEqual(errors(result).map(\.code), [.undeclaredOverride])
    }

    func testAServiceParameterMayStillNameAnyHieraKey() throws {
        let tree = try KubernetesFixture.compile(KubernetesFixture.standard(extra: """
            service_parameters:
              - {service: platform, section: config, name: x, value: "y", resource: "platform::example::x", personality: worker}
            """))
        XCTAssertEqual(tree.hiera[.host("worker-0")]?["platform::example::x"], "y")
    }

    func testEveryFileRecordsThePluginThatWroteIt() throws {
        let result = try run([FileWriter("950_test", writes: ["test/<name>.yaml"], path: "test/owned.yaml")])
        let tree = try XCTUnwrap(result.tree, "\(result.diagnostics)")
        XCTAssertEqual(tree.owners["test/owned.yaml"], "950_test")
        XCTAssertEqual(tree.owners["platform/openrc"], "900_openrc")
        XCTAssertNil(tree.owners["hieradata/system.yaml"], "hiera files are every plugin's")
    }
}
