import Compiler

/// sysinv's 002_interface: the resource hashes puppet turns into ifcfg files —
/// `platform::interfaces::network_config`, `route_config`, `sriov_config` and `platform::addresses::address_config`.
public struct InterfacePlugin: ConfigPlugin {
    public init() {}

    public let description = PluginDescription(
        identifier: "002_interface",
        summary: "per-host `platform::interfaces::network_config`, `route_config`, `sriov_config` and `platform::addresses::address_config` resource hashes",
        reads: ["hosts[].interfaces", "hosts[].interfaces (pci-sriov: pci_address, sriov_vfs, sriov_vf_driver)", "networks", "system.mode"],
        writes: ["platform::interfaces::network_config", "platform::interfaces::route_config",
                 "platform::interfaces::sriov_config", "platform::addresses::address_config"]
    )

    public func hostConfig(_ host: InventoryHost, _ context: PluginContext) -> HieraData {
        let inventory = context.inventory
        var networkConfig: [String: YAMLValue] = [:]
        var sources: [SourceLocation] = []
        if !inventory.isSimplex {
            networkConfig["lo"] = [
                "ensure": "present", "family": "inet", "method": "loopback",
                "hotplug": "false", "onboot": "true", "mtu": "1500", "options": .map([:]),
            ]
        }
        for interface in host.interfacesByType {
            sources.append(interface.location)
            let networks = interface.networks.map(\.value)
            if networks.isEmpty {
                networkConfig[host.osName(of: interface)] = config(interface, host: host, network: nil, inventory)
                continue
            }
            for (index, network) in networks.enumerated() {
                // A second network on the same interface is an alias, `<ifname>:<network id>`.
                let name = index == 0 ? host.osName(of: interface) : "\(host.osName(of: interface)):\(networkID(network))"
                networkConfig[name] = config(interface, host: host, network: network, inventory, alias: index > 0)
            }
        }
        for bond in host.interfaces where bond.type == .bond {
            for member in bond.members {
                guard let slave = host.interfaces.first(where: { $0.name.value == member.value }), slave.networks.isEmpty else { continue }
                networkConfig[host.osName(of: slave)] = [
                    "ensure": "present", "family": "inet", "method": "manual", "hotplug": "false", "onboot": "true",
                    "mtu": .string(String(bond.mtu.value)),
                    "options": ["MASTER": .string(host.osName(of: bond)), "SLAVE": "yes", "PROMISC": "no", "LINKDELAY": "20"],
                ]
            }
        }

        var data = HieraData()
        data.set("platform::interfaces::network_config", .map(networkConfig), from: sources)
        data.set("platform::interfaces::route_config", .map([:]))
        let sriov = host.interfaces(ofClass: .pciSRIOV)
        data.set("platform::interfaces::sriov_config", .map(sriovConfig(sriov, host)), from: sriov.map(\.location))
        data.set("platform::addresses::address_config", addressConfig(host, inventory), from: sources)
        return data
    }

    /// What puppet needs to create a port's VFs: its PCI address and VF count, and vfio-pci when
    /// user-space drivers take the VFs (netdevice VFs keep the NIC's own kernel driver).
    func sriovConfig(_ interfaces: [Interface], _ host: InventoryHost) -> [String: YAMLValue] {
        var config: [String: YAMLValue] = [:]
        for interface in interfaces {
            guard let address = interface.pciAddress, let vfs = interface.sriovVFs else { continue }
            let name = host.osName(of: interface)
            var resource: [String: YAMLValue] = ["addr": .string(address.value), "num_vfs": .int(vfs.value), "port_name": .string(name)]
            if interface.sriovVFDriver?.value == .vfio { resource["vf_driver"] = "vfio-pci" }
            config[name] = .map(resource)
        }
        return config
    }

    func networkID(_ network: NetworkType) -> Int {
        NetworkType.allCases.firstIndex(of: network)! + 1
    }

    /// Controllers configure every platform network statically; other hosts use static only for
    /// cluster-host, manual for pxeboot and dhcp for the management network.
    func method(_ host: InventoryHost, _ network: NetworkType?) -> String {
        guard let network else { return "manual" }
        if host.isController || network == .clusterHost { return "static" }
        return network == .pxeboot ? "manual" : "dhcp"
    }

    func config(_ interface: Interface, host: InventoryHost, network: NetworkType?, _ inventory: ValidatedInventory, alias: Bool = false) -> YAMLValue {
        let method = method(host, network)
        let pool = network.flatMap { inventory.network($0) }
        var config: [String: YAMLValue] = [
            "ensure": "present",
            "family": pool?.subnet.value.family == 6 ? "inet6" : "inet",
            "method": .string(method),
            "hotplug": "false",
            "onboot": "true",
            "mtu": .string(String(interface.mtu.value)),
        ]
        if method == "static", let network, let pool, let address = inventory.unitAddress(of: host, on: network) {
            config["ipaddress"] = .string(address.description)
            let subnet = pool.subnet.value
            config["netmask"] = .string(subnet.family == 4 ? subnet.netmask : String(subnet.prefixLength))
            if let gateway = pool.gateway, network == .oam || !host.isController {
                config["gateway"] = .string(gateway.value.description)
            }
        }
        config["options"] = .map(options(interface, host: host, network: network, alias: alias))
        return .map(config)
    }

    func options(_ interface: Interface, host: InventoryHost, network: NetworkType?, alias: Bool) -> [String: YAMLValue] {
        var options: [String: YAMLValue] = [:]
        switch interface.type {
        case .ethernet:
            options["LINKDELAY"] = "20"
        case .bond:
            options["BONDING_OPTS"] = .string(bondingOptions(interface, host: host))
            options["up"] = "sleep 10"
        case .vlan:
            options["VLAN"] = "yes"
            options["pre_up"] = "/sbin/modprobe -q 8021q"
        }
        if network == .mgmt && !alias {
            options["post_up"] = .string("/usr/local/bin/tc_setup.sh \(host.osName(of: interface)) mgmt 10000 > /dev/null")
        }
        return options
    }

    func bondingOptions(_ bond: Interface, host: InventoryHost) -> String {
        switch bond.bondMode {
        case .activeBackup:
            let members = bond.members.compactMap { member in host.interfaces.first { $0.name.value == member.value } }
            let primary = members.min { ($0.mac?.value ?? $0.port) < ($1.mac?.value ?? $1.port) }
            return "mode=active-backup miimon=100" + (primary.map { " primary=\(host.osName(of: $0))" } ?? "")
        case .balanceXOR:
            return "mode=balance-xor xmit_hash_policy=\(bond.transmitHashPolicy) miimon=100"
        case .ieee8023ad:
            return "mode=802.3ad lacp_rate=fast xmit_hash_policy=\(bond.transmitHashPolicy) miimon=100"
        }
    }

    /// Floating addresses the active controller holds, per network, on the interface carrying it
    /// (the loopback for a simplex management network). OAM is left to SM except on simplex.
    func addressConfig(_ host: InventoryHost, _ inventory: ValidatedInventory) -> YAMLValue {
        guard host.isController else { return .map([:]) }
        var result: [String: YAMLValue] = [:]
        var networks: [NetworkType] = [.mgmt, .pxeboot, .clusterHost]
        if !inventory.isSimplex { networks.append(.oam) }
        for network in networks {
            guard let pool = inventory.network(network), let floating = inventory.floating(network) else { continue }
            let ifname = inventory.interface(of: host, carrying: network).map(host.osName(of:)) ?? (network == .mgmt && inventory.isSimplex ? "lo" : nil)
            guard let ifname else { continue }
            result[network.rawValue] = ["ifname": .string(ifname), "address": .string("\(floating)/\(pool.subnet.value.prefixLength)")]
        }
        return .map(result)
    }
}
