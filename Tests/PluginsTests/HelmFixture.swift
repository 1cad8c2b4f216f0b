import Compiler
import Foundation
@testable import Plugins
import XCTest

/// A small OpenStack system for chart snippet tests: two control-plane controllers (one through
/// the seed's label name), one compute worker, optional Ceph, https and service parameters.
enum HelmFixture {
    static func inventory(controlPlane: Bool = true, ceph: Bool = false, https: Bool = false, extra: String = "") -> String {
        """
        system:
          name: helm
          type: standard
          mode: duplex
          software_version: "19.01"
          region: RegionTwo
          https: \(https)
          vswitch: none
          kubernetes: {enabled: true, version: 1.29.2}
        \(InventoryText.networks)
        hosts:
          - hostname: controller-0
            personality: controller
            addresses: {oam: 10.10.10.3}
            interfaces:
              - {name: enp0s3, networks: [oam]}
              - {name: enp0s8, networks: [mgmt, pxeboot, cluster-host]}
            labels: {\(controlPlane ? "openstack-control-plane: enabled" : "")}
          - hostname: controller-1
            personality: controller
            addresses: {oam: 10.10.10.4}
            interfaces:
              - {name: enp0s3, networks: [oam]}
              - {name: enp0s8, networks: [mgmt, pxeboot, cluster-host]}
            labels: {\(controlPlane ? "openstack-controller-node: enabled" : "")}
          - hostname: worker-0
            personality: worker
            interfaces:
              - {name: enp0s8, networks: [mgmt, cluster-host]}
              - {name: enp0s9, class: data}
            cpus: {nodes: 1, cores_per_node: 8, platform: [0], vswitch: [1]}
            memory:
              - {node: 0, platform_reserved_mib: 7000}
            labels: {openstack-compute-node: enabled, remote-storage: enabled}
        \(ceph ? "storage:\n  ceph: {replication: 3, min_replication: 2, tiers: [storage, gold]}" : "")
        \(extra)
        applications:
          - {name: stx-openstack, applied: true}
        \(ceph ? "  - {name: platform-integ-apps, applied: true}" : "")
        """
    }

    static let secrets = SecretStore(key: Data(repeating: 7, count: 32))

    /// The validated inventory; fails the test on any error.
    static func validated(_ text: String, plugins: [any ConfigPlugin] = [], file: StaticString = #filePath, line: UInt = #line) throws -> ValidatedInventory {
        let result = try validation(text, plugins: plugins)
        let errors = result.diagnostics.filter { $0.severity == .error }
        XCTAssertTrue(errors.isEmpty, errors.map(\.description).joined(separator: "\n"), file: file, line: line)
        return try XCTUnwrap(result.inventory, file: file, line: line)
    }

    /// Validation of the inventory, written to a directory of its own, with the built-in applications.
    static func validation(_ text: String, plugins: [any ConfigPlugin] = []) throws -> Pipeline.Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-helm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("inventory.yaml")
        try text.write(to: path, atomically: true, encoding: .utf8)
        return Pipeline(plugins: plugins, applications: PluginRegistry.applications).validate(path: path.path)
    }

    /// The system overrides of a chart of stx-openstack (or `application`).
    static func overrides(_ chart: String, namespace: String = "openstack", application: String = BuiltInApplications.stxOpenstack,
                          _ inventory: ValidatedInventory) throws -> YAMLValue {
        let plugin = try XCTUnwrap(try inventory.catalog.chart(chart, namespace: namespace, application: application).plugin)
        return .map(plugin.overrides(namespace: namespace, context: ChartContext(inventory: inventory, secrets: secrets)))
    }
}

extension YAMLValue {
    /// The value at a dotted path (`pod.replicas.api`); list elements by index (`hosts.0`).
    func at(_ path: String) -> YAMLValue? {
        path.split(separator: ".").reduce(Optional(self)) { value, component in
            switch value {
            case let .map(entries)?: return entries[String(component)]
            case let .list(items)?: return Int(component).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: return nil
            }
        }
    }
}
