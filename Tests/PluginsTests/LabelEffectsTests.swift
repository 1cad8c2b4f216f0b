import Compiler
import Foundation
import Plugins
import XCTest

/// What labels and host deletion do to the compiled tree, shown by compiling before and after
/// the commands a user runs.
final class LabelEffectsTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    func copy(_ example: String) throws -> String {
        for file in ["\(example).yaml", "example.key"] {
            try FileManager.default.copyItem(atPath: Examples.repository.appendingPathComponent("inventory-examples/\(file)").path,
                                             toPath: directory.appendingPathComponent(file).path)
        }
        return directory.appendingPathComponent("\(example).yaml").path
    }

    func compile(_ path: String) throws -> [String: String] {
        let result = try Pipeline.standard().run(path: path)
        return try XCTUnwrap(result.rendered, "\(result.diagnostics)").files.mapValues(\.text)
    }

    func edit(_ path: String, _ operation: (HostEditor) throws -> InventoryEdit) throws {
        try operation(HostEditor(path: path, pipeline: .standard())).write()
    }

    /// The README walk-through: lock a pure Kubernetes worker, label it an OpenStack compute node,
    /// unlock it, compile. Only that worker's files change: its labels, the kubelet CPU manager
    /// policy (none: nova pins CPUs) and the k8s-infra cpuset (nova owns the other CPUs now).
    func testWalkThroughChangesExactlyTheComputeNodeOutputs() throws {
        let path = try copy("standard")
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let worker = "  - hostname: worker-1\n    personality: worker\n    administrative: unlocked\n"
        try source.replacingOccurrences(of: worker, with: worker + "    cpus: {nodes: 1, cores_per_node: 4, platform: [0]}\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let before = try compile(path)
        XCTAssertTrue(before["hieradata/worker-1.yaml"]!.contains("k8s_cpu_mgr_policy: static"))
        try edit(path) { try $0.lock("worker-1") }
        try edit(path) { try $0.assignLabels("worker-1", ["openstack-compute-node=enabled"], overwrite: false) }
        try edit(path) { try $0.unlock("worker-1") }
        let after = try compile(path)
        XCTAssertEqual(Set(before.keys), Set(after.keys))
        XCTAssertEqual(before.keys.filter { before[$0] != after[$0] }.sorted(), ["hieradata/worker-1.yaml", "kubernetes/kubeadm-join-worker-1.yaml"])
        let join = after["kubernetes/kubeadm-join-worker-1.yaml"]!
        XCTAssertTrue(join.contains("cpu-manager-policy: none") && !join.contains("system-reserved"), join)
        let changed = Set(after["hieradata/worker-1.yaml"]!.split(separator: "\n")).subtracting(before["hieradata/worker-1.yaml"]!.split(separator: "\n"))
        XCTAssertEqual(changed.sorted(), [
            "- openstack-compute-node=enabled",
            "platform::kubernetes::params::host_labels:",
            "platform::kubernetes::params::k8s_cpu_mgr_policy: none",
            "platform::kubernetes::params::k8s_cpuset: '\"0\"'",
        ])
    }

    /// Deleting a host removes its files, and no other file names it any more.
    func testDeletedHostLeavesTheTree() throws {
        let path = try copy("openstack")
        let before = try compile(path)
        try edit(path) { try $0.lock("worker-1") }
        try edit(path) { try $0.delete("worker-1") }
        let after = try compile(path)
        XCTAssertEqual(Set(before.keys).subtracting(after.keys).sorted(), ["hieradata/worker-1.yaml", "kubernetes/kubeadm-join-worker-1.yaml", "maintenance/worker-1.json"])
        XCTAssertEqual(after.filter { $0.value.contains("worker-1") }.keys.sorted(), [])
    }

    /// The seed's openstack-controller-node is taken as openstack-control-plane, with a warning.
    func testControllerNodeSynonymWarnsAndCountsAsControlPlane() throws {
        let text = KubernetesFixture.standard().replacingOccurrences(of: "labels: {sriovdp: enabled}", with: "labels: {sriovdp: enabled, openstack-controller-node: enabled}")
        let (inventory, _) = InventoryLoader.load(text: text, file: "inline.yaml")
        let (validated, diagnostics) = Validator.validate(try XCTUnwrap(inventory))
        let warning = try XCTUnwrap(diagnostics.first { $0.code == .labelSynonym })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.message.contains("taken as openstack-control-plane"), warning.message)
        XCTAssertEqual(validated?.openstackControlPlaneLabelCount, 1)
        let tree = try KubernetesFixture.compile(text)
        XCTAssertEqual(tree.value(.host("worker-1"), "platform::kubernetes::params::host_labels"),
                       YAMLValue(strings: ["sriovdp=enabled", "openstack-control-plane=enabled"]))
    }
}
