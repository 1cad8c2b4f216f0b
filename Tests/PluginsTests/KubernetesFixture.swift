import Compiler
import Foundation
import Plugins
import XCTest
import Yams

/// Small inline inventories for the Kubernetes plugin tests, compiled through the real pipeline
/// stages with a fixed secret key.
enum KubernetesFixture {
    /// Two controllers and two workers: worker-0 is an OpenStack compute node, worker-1 a pure
    /// Kubernetes worker; cluster-host MTUs differ so the smallest must win.
    static func standard(version: String = "1.29.2", kubernetes: Bool = true, mode: String = "duplex", extra: String = "") -> String {
        """
        system:
          name: k8s
          type: standard
          mode: \(mode)
          software_version: "19.01"
          kubernetes: {enabled: \(kubernetes), version: \(version)}
        \(InventoryText.networks)
        hosts:
          - hostname: controller-0
            personality: controller
            addresses: {oam: 10.10.10.3}
            interfaces:
              - {name: enp0s3, networks: [oam]}
              - {name: enp0s8, networks: [mgmt, pxeboot]}
              - {name: enp0s9, mtu: 9000, networks: [cluster-host]}
          - hostname: controller-1
            personality: controller
            addresses: {oam: 10.10.10.4}
            interfaces:
              - {name: enp0s3, networks: [oam]}
              - {name: enp0s8, networks: [mgmt, pxeboot]}
              - {name: enp0s9, mtu: 9000, networks: [cluster-host]}
          - hostname: worker-0
            personality: worker
            interfaces:
              - {name: enp0s8, networks: [mgmt]}
              - {name: enp0s9, mtu: 9000, networks: [cluster-host]}
            cpus: {nodes: 2, cores_per_node: 4, platform: [0, 4], vswitch: [1]}
            memory:
              - {node: 0, platform_reserved_mib: 7000}
              - {node: 1, platform_reserved_mib: 2000}
            labels: {openstack-compute-node: enabled}
          - hostname: worker-1
            personality: worker
            interfaces:
              - {name: enp0s8, networks: [mgmt]}
              - {name: enp0s9, mtu: 1500, networks: [cluster-host]}
            cpus: {nodes: 1, cores_per_node: 4, platform: [0]}
            memory:
              - {node: 0, platform_reserved_mib: 6000}
            labels: {sriovdp: enabled}
        \(extra)
        """
    }

    /// The same cluster on IPv6 pools (pxeboot stays IPv4).
    static let ipv6 = """
        system:
          name: k8s6
          type: standard
          mode: duplex
          kubernetes: {enabled: true, version: 1.31.4}
        networks:
          oam: {subnet: "fd00::/64", gateway: "fd00::1", floating: "fd00::2"}
          mgmt: {subnet: "fd01::/64"}
          pxeboot: {subnet: 169.254.202.0/24}
          cluster-host: {subnet: "fd02::/64"}
          cluster-pod: {subnet: "fd03::/64"}
          cluster-service: {subnet: "fd04::/112"}
          multicast: {subnet: "ff08::1:1:0/124"}
        hosts:
          - hostname: controller-0
            personality: controller
            addresses: {oam: "fd00::3"}
            interfaces:
              - {name: enp0s3, networks: [oam]}
              - {name: enp0s8, networks: [mgmt, pxeboot]}
              - {name: enp0s9, networks: [cluster-host]}
          - hostname: controller-1
            personality: controller
            addresses: {oam: "fd00::4"}
            interfaces:
              - {name: enp0s3, networks: [oam]}
              - {name: enp0s8, networks: [mgmt, pxeboot]}
              - {name: enp0s9, networks: [cluster-host]}
          - hostname: worker-0
            personality: worker
            interfaces:
              - {name: enp0s8, networks: [mgmt]}
              - {name: enp0s9, networks: [cluster-host]}
        """

    /// An all-in-one simplex system; `controller` adds lines to controller-0 (labels, cpus).
    static func simplex(controller extra: String = "") -> String {
        let lines = extra.isEmpty ? "" : extra.split(separator: "\n").map { "    \($0)\n" }.joined()
        return """
            system: {name: sx, type: all-in-one, mode: simplex, kubernetes: {enabled: true, version: 1.29.2}}
            networks:
              oam: {subnet: 10.10.10.0/24, floating: 10.10.10.2}
              mgmt: {subnet: 192.168.204.0/24}
              cluster-host: {subnet: 192.168.206.0/24}
              cluster-pod: {subnet: 172.16.0.0/16}
              cluster-service: {subnet: 10.96.0.0/12}
              multicast: {subnet: 239.1.1.0/28}
            hosts:
              - hostname: controller-0
                personality: controller

            """ + lines + """
                interfaces:
                  - {name: enp0s3, networks: [oam]}
                  - {name: enp0s8, networks: [mgmt, cluster-host]}
            """
    }

    static func validated(_ text: String) throws -> ValidatedInventory {
        let (inventory, loadDiagnostics) = InventoryLoader.load(text: text, file: "inline.yaml")
        let loaded = try XCTUnwrap(inventory, "load failed: \(loadDiagnostics)")
        let (validated, diagnostics) = Validator.validate(loaded, applications: PluginRegistry.applications)
        return try XCTUnwrap(validated, "validation failed: \(diagnostics)")
    }

    static func compile(_ text: String) throws -> OutputTree {
        try Generator(plugins: PluginRegistry.all).generate(validated(text), secrets: SecretStore(key: Data(repeating: 7, count: 32)))
    }

    static func rendered(_ tree: OutputTree, _ path: String) throws -> String {
        try XCTUnwrap(TreeRenderer.render(tree).files[path], "no \(path) in \(tree.paths)").text
    }

    /// Every document of a multi-document YAML file, parsed back with Yams.
    static func documents(_ tree: OutputTree, _ path: String) throws -> [[String: Any]] {
        try Yams.load_all(yaml: rendered(tree, path)).map { try XCTUnwrap(plain($0) as? [String: Any], "document is not a mapping") }
    }

    /// Yams keys mappings by AnyHashable; the tests read them by String.
    static func plain(_ value: Any?) -> Any? {
        switch value {
        case let map as [AnyHashable: Any]:
            return Dictionary(uniqueKeysWithValues: map.map { ("\($0.key.base)", plain($0.value) as Any) })
        case let list as [Any]:
            return list.map { plain($0) as Any }
        default:
            return value
        }
    }
}

extension OutputTree {
    func value(_ file: HieraFile, _ key: String) -> YAMLValue? { hiera[file]?[key] }

    func keys(_ file: HieraFile) -> [String] { hiera[file]?.values.keys.sorted() ?? [] }
}

/// Reads nested values of a parsed document by a dotted path: `doc.at("discovery.file.kubeConfigPath")`.
extension Dictionary where Key == String, Value == Any {
    func at(_ path: String) -> Any? {
        var current: Any? = self
        for part in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(part)]
        }
        return current
    }
}
