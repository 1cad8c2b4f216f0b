import Compiler
import Foundation

/// The data-network facts of a host that neutron's agents, nova's PCI whitelist, the SR-IOV
/// device plugin and puppet's VF setup all read, walked in one order so that they agree.
extension InventoryHost {
    func interfaces(ofClass interfaceClass: InterfaceClass) -> [Interface] {
        // Filtered first: most hosts have few interfaces of a class, often none, and those are
        // all that are copied and ordered.
        interfaces.filter { $0.interfaceClass == interfaceClass }.sorted(by: Interface.precedesInConfiguration)
    }

    /// One OVS bridge `br-phy<N>` per data interface attaching a flat or vlan data network;
    /// vxlan networks are tunnelled and need none. sysinv numbered the mappings per data network
    /// but the bridges per interface, so a second network on one port named a bridge that did
    /// not exist; here both count interfaces.
    func providerBridges(_ inventory: ValidatedInventory) -> [ProviderBridge] {
        let attached = interfaces(ofClass: .data).map { interface in
            (interface, inventory.dataNetworks(of: interface).filter { $0.type.value != .vxlan })
        }
        return attached.filter { !$0.1.isEmpty }.enumerated().map { index, pair in
            ProviderBridge(name: "br-phy\(index)", port: osName(of: pair.0), networks: pair.1)
        }
    }
}

struct ProviderBridge {
    let name: String
    /// The OS interface the bridge is built on.
    let port: String
    let networks: [DataNetwork]
}

extension ValidatedInventory {
    /// The data networks an interface attaches, in its own order (validation resolved every name).
    func dataNetworks(of interface: Interface) -> [DataNetwork] {
        interface.dataNetworks.compactMap { inventory.dataNetwork(named: $0.value) }
    }
}

extension YAMLValue {
    /// oslo.config's MultiStrOpt as the charts take it: one `name = value` line per value.
    static func multistring(_ values: [String]) -> YAMLValue {
        ["type": "multistring", "values": YAMLValue(strings: values)]
    }
}

/// JSON on one line without spaces, as sysinv's `json.dumps(..., separators=(',', ':'))`; keys
/// sorted so the bytes are the same on every run.
enum CompactJSON {
    static func string(_ object: Any) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
