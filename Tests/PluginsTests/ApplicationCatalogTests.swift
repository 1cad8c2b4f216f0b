import Compiler
import Foundation
import Plugins
import XCTest

/// One catalog: helm, Armada and the commands see the same applications and charts, uploaded
/// applications are read at load with positions, and an application's rules are its own.
final class ApplicationCatalogTests: XCTestCase {
    /// Every chart a built-in application has a plugin for is deployed by its manifest, and
    /// every chart its manifest deploys has a plugin: no chart gets helm overrides but no Armada
    /// chart, or the reverse.
    func testBuiltInChartsHaveBothAPluginAndAnArmadaChart() {
        for application in BuiltInApplications.all {
            for chart in application.charts {
                XCTAssertNotNil(chart.plugin, "\(application.name): \(chart.name) (\(chart.namespace)) has no chart plugin")
                XCTAssertNotNil(chart.armada, "\(application.name): \(chart.name) (\(chart.namespace)) has no Armada chart")
            }
        }
    }

    /// An inventory directory holding the openstack example.
    func workspace() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in ["openstack.yaml", "example.key"] {
            try FileManager.default.copyItem(at: Examples.repository.appendingPathComponent("inventory-examples/\(file)"),
                                             to: directory.appendingPathComponent(file))
        }
        return directory
    }

    func upload(_ files: [String: String], as name: String, in directory: URL) throws {
        let application = directory.appendingPathComponent("applications/\(name)")
        try FileManager.default.createDirectory(at: application, withIntermediateDirectories: true)
        for (file, text) in files { try text.write(to: application.appendingPathComponent(file), atomically: true, encoding: .utf8) }
    }

    func testCorruptUploadedRecordIsAnErrorAtItsFileNotTheBuiltIn() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        try upload(["application.yaml": "name: stx-openstack\n", "manifest.yaml": "{}\n"], as: "stx-openstack", in: directory)
        let result = Pipeline.standard().validate(path: directory.appendingPathComponent("openstack.yaml").path)
        XCTAssertNil(result.inventory, "a corrupt upload stops the compile")
        let problem = try XCTUnwrap(result.diagnostics.first { $0.code == .uploadedApplication }, "\(result.diagnostics)")
        XCTAssertEqual(problem.location?.file, directory.appendingPathComponent("applications/stx-openstack/application.yaml").path)
        XCTAssertFalse(result.diagnostics.contains { $0.code == .unknownApplication })
    }

    /// A directory made by hand under applications/ names output directories and words of
    /// armada-apply.sh: outside the application-name grammar it is refused, not compiled.
    func testHandMadeApplicationDirectoryOutsideTheGrammarIsAnError() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        try upload(["application.yaml": "name: \"x;id\"\nversion: 1.0-1\n", "manifest.yaml": "{}\n"], as: "x;id", in: directory)
        let result = Pipeline.standard().validate(path: directory.appendingPathComponent("openstack.yaml").path)
        let problem = try XCTUnwrap(result.diagnostics.first { $0.code == .uploadedApplication }, "\(result.diagnostics)")
        XCTAssertEqual(problem.location?.file, directory.appendingPathComponent("applications/x;id").path)
        XCTAssertNil(result.inventory)
    }

    func testBrokenUploadedManifestIsAnErrorAtItsLine() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        try upload(["application.yaml": "name: stx-openstack\nversion: 1.0-2\n", "manifest.yaml": "schema: armada/Chart/v1\nmetadata: [\n"],
                   as: "stx-openstack", in: directory)
        let result = Pipeline.standard().validate(path: directory.appendingPathComponent("openstack.yaml").path)
        let problem = try XCTUnwrap(result.diagnostics.first { $0.code == .uploadedApplication }, "\(result.diagnostics)")
        XCTAssertEqual(problem.location?.file, directory.appendingPathComponent("applications/stx-openstack/manifest.yaml").path)
        XCTAssertGreaterThan(problem.location?.line ?? 0, 1)
        XCTAssertNil(result.inventory)
    }

    func testUnreadableUserOverridesAreAnErrorAtTheirLine() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let chart = directory.appendingPathComponent("helm-overrides/stx-openstack/openstack")
        try FileManager.default.createDirectory(at: chart, withIntermediateDirectories: true)
        try "pod:\n  replicas: [\n".write(to: chart.appendingPathComponent("nova.yaml"), atomically: true, encoding: .utf8)
        let result = Pipeline.standard().validate(path: directory.appendingPathComponent("openstack.yaml").path)
        let problem = try XCTUnwrap(result.diagnostics.first { $0.code == .helmUserOverrides }, "\(result.diagnostics)")
        XCTAssertEqual(problem.severity, .error)
        XCTAssertEqual(problem.location?.file, chart.appendingPathComponent("nova.yaml").path)
        XCTAssertGreaterThan(problem.location?.line ?? 0, 1)
    }

    /// stx-openstack's rule drops garbd from the mariadb group on an all-in-one system; an
    /// uploaded application of another name with a group of the same name keeps its charts.
    func testRulesReshapeOnlyTheirOwnApplication() throws {
        let inventory = try XCTUnwrap(Pipeline.standard().validate(path: Examples.inventoryPath("aio-simplex")).inventory)
        let group = ArmadaChartGroup(name: "openstack-mariadb", description: "Mariadb", sequenced: true, charts: ["openstack-mariadb", "openstack-garbd"])
        var manifest = StxOpenstackApplication.manifest
        manifest.name = "my-database"
        manifest.groups = [group]
        let catalog = ApplicationCatalog(builtIn: BuiltInApplications.all, uploaded: [UploadedApplication(manifest: manifest, directory: "/nowhere")])
        let uploaded = try catalog.application("my-database")
        XCTAssertEqual(uploaded.reshaped(for: inventory).group(named: "openstack-mariadb")?.charts, ["openstack-mariadb", "openstack-garbd"])
        let builtIn = try catalog.application("stx-openstack")
        XCTAssertEqual(builtIn.reshaped(for: inventory).group(named: "openstack-mariadb")?.charts, ["openstack-mariadb"])
    }

    /// A chart joins an application through its plugin and the application's entry alone: with
    /// those two, the compile writes its helm overrides, its Chart document in the manifest, its
    /// override document and its `--values` line.
    func testAChartIsAddedByItsPluginAndItsApplicationEntry() throws {
        struct DcdbsyncOverrides: ChartPlugin {
            let description = ChartDescription(chart: "dcdbsync", namespaces: ["openstack"], summary: "database sync of a distributed cloud",
                                               reads: [], writes: ["pod.replicas.api"])
            func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
                ["pod": ["replicas": ["api": .int(context.inventory.openstackControlPlaneLabelCount)]]]
            }
        }
        var entry = StxOpenstackApplication.entry
        entry.chartPlugins.append(DcdbsyncOverrides())
        entry.manifest.charts.append(ArmadaChart(
            name: "openstack-dcdbsync", chartName: "dcdbsync", release: "openstack-dcdbsync", namespace: "openstack",
            sourceLocation: "http://controller:8080/helm_charts/starlingx/dcdbsync-0.1.0.tgz", sourceSubpath: "dcdbsync", sourceReference: nil,
            dependencies: ["helm-toolkit"], waitTimeout: 1800, waitLabels: ["release_group": "osh-openstack-dcdbsync"],
            upgradePreDelete: nil, test: nil, values: [:]))
        entry.manifest.groups.append(ArmadaChartGroup(name: "openstack-dcdbsync", description: "Deploy dcdbsync", sequenced: true,
                                                      charts: ["openstack-dcdbsync"]))
        entry.manifest.manifestGroups.append("openstack-dcdbsync")
        let pipeline = Pipeline(plugins: PluginRegistry.all, applications: [PlatformIntegApplication.entry, entry])
        let result = try pipeline.run(path: Examples.inventoryPath("openstack"))
        XCTAssertFalse(result.hasErrors, "\(result.diagnostics)")
        let files = try XCTUnwrap(result.rendered?.files)
        XCTAssertEqual(files["helm/stx-openstack/openstack/dcdbsync.yaml"]?.text, "pod:\n  replicas:\n    api: 2\n")
        XCTAssertTrue(files["armada/stx-openstack/overrides/openstack-dcdbsync.yaml"]?.text.contains("api: 2") == true)
        XCTAssertTrue(files["armada/stx-openstack/stx-openstack-armada-manifest.yaml"]?.text.contains("chart_name: dcdbsync") == true)
        XCTAssertTrue(files["armada/stx-openstack/armada-apply.sh"]?.text.contains("--values /overrides/openstack-dcdbsync.yaml") == true)
    }
}
