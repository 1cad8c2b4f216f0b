import Foundation
import XCTest

/// The README sequence list → update --set → show → delete on a copy of the openstack example,
/// and the refusals that must leave the stored overrides byte-identical.
final class HelmOverrideCommandTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try CLIRunner.scratchDirectory()
        for file in ["openstack.yaml", "example.key"] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"),
                                             to: directory.appendingPathComponent(file))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func run(_ arguments: [String]) throws -> CLIRunner.Output {
        try CLIRunner.run(arguments + ["-i", "openstack.yaml"], in: directory)
    }

    func combinedServerReplicas() throws -> String {
        let show = try run(["helm-override-show", "stx-openstack", "rabbitmq", "openstack", "--format", "helm"])
        XCTAssertEqual(show.status, 0, show.stderr)
        let lines = show.stdout.split(separator: "\n")
        return try XCTUnwrap(lines.last { $0.contains("server:") }).trimmingCharacters(in: .whitespaces)
    }

    func testListUpdateShowDelete() throws {
        let list = try run(["helm-override-list", "stx-openstack"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("| ingress "), list.stdout)
        XCTAssertTrue(list.stdout.contains("kube-system, openstack"), list.stdout)
        XCTAssertEqual(try combinedServerReplicas(), "server: 2")

        let update = try run(["helm-override-update", "stx-openstack", "rabbitmq", "openstack", "--set", "pod.replicas.server=3"])
        XCTAssertEqual(update.status, 0, update.stderr)
        XCTAssertEqual(try combinedServerReplicas(), "server: 3")
        let json = try run(["helm-override-list", "stx-openstack", "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"user_overrides\" : [\n        \"openstack\""), json.stdout)

        let show = try run(["helm-override-show", "stx-openstack", "rabbitmq", "openstack"])
        XCTAssertTrue(show.stdout.contains("password: '********'"), show.stdout)
        let revealed = try run(["helm-override-show", "stx-openstack", "rabbitmq", "openstack", "--reveal"])
        XCTAssertFalse(revealed.stdout.contains("********"))

        let delete = try run(["helm-override-delete", "stx-openstack", "rabbitmq", "openstack"])
        XCTAssertEqual(delete.stdout, "Deleted chart overrides for rabbitmq:openstack\n")
        XCTAssertEqual(try combinedServerReplicas(), "server: 2")
    }

    func testArmadaFormatToFile() throws {
        let show = try run(["helm-override-show", "stx-openstack", "keystone", "openstack", "--format", "armada", "--file", "keystone.yaml", "--reveal"])
        XCTAssertEqual(show.status, 0, show.stderr)
        let text = try String(contentsOf: directory.appendingPathComponent("keystone.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("location: http://controller:8080/helm_charts/starlingx/keystone-0.1.0.tgz"), text)
        XCTAssertTrue(text.contains("name: openstack-keystone") && text.contains("schema: armada/Chart/v1"), text)
    }

    func testRefusalsLeaveTheStoreUnchanged() throws {
        XCTAssertEqual(try run(["helm-override-update", "stx-openstack", "nova", "openstack", "--set", "conf.nova.DEFAULT.debug=true"]).status, 0)
        let before = try CLIRunner.snapshot(directory)
        try "pod:\n  replicas: [1\n".write(to: directory.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let refusals: [([String], String)] = [
            (["--set", "a=1,,b=2"], "cannot parse --set value"),
            (["--values", "bad.yaml"], "bad.yaml:3:"),
            (["--set", "endpoints.oslo_db.auth.admin.password=x"], "Pass --force"),
        ]
        for (arguments, message) in refusals {
            let result = try run(["helm-override-update", "stx-openstack", "nova", "openstack", "--reuse-values"] + arguments)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.contains(message), result.stderr)
        }
        for (chart, namespace, message) in [("novaa", "openstack", "has no chart novaa"), ("nova", "kube-system", "no overrides for namespace kube-system")] {
            let result = try run(["helm-override-update", "stx-openstack", chart, namespace, "--set", "a=1"])
            XCTAssertEqual(result.status, 2)
            XCTAssertTrue(result.stderr.contains(message), result.stderr)
        }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("bad.yaml"))
        let after = try CLIRunner.snapshot(directory)
        XCTAssertEqual(after.keys.sorted(), before.keys.sorted())
        for (path, (data, mode)) in before {
            XCTAssertEqual(after[path]?.0, data, path)
            XCTAssertEqual(after[path]?.1, mode, path)
        }
    }

    func testUnknownOverridePathWarnsWithCharts() throws {
        let charts = directory.appendingPathComponent("charts/rabbitmq")
        try FileManager.default.createDirectory(at: charts, withIntermediateDirectories: true)
        try "pod:\n  replicas:\n    server: 1\nendpoints: {}\nlabels: {}\n".write(to: charts.appendingPathComponent("values.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["helm-override-update", "stx-openstack", "rabbitmq", "openstack", "--set", "pod.replicas.sever=2", "--charts", "charts"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("warning[HELM003]: chart rabbitmq (openstack) has no value pod.replicas.sever"), result.stderr)
    }
}
