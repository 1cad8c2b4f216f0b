import Compiler

/// sysinv's 004_networking: `platform::network::<type>::params` for every network in the system
/// file, and per host the interface, devices, MTU and address of each platform network.
public struct NetworkingPlugin: ConfigPlugin {
    public init() {}

    public let description = PluginDescription(
        identifier: "004_networking",
        summary: "`platform::network::<type>::params` for every network; per host interface name, devices, MTU and address",
        reads: ["networks", "hosts[].interfaces", "hosts[].addresses"],
        writes: ["platform::network::"]
    )

    public func systemConfig(_ context: PluginContext) -> HieraData {
        let inventory = context.inventory
        var data = HieraData()
        for type in NetworkType.allCases {
            guard let pool = inventory.network(type) else { continue }
            let prefix = "platform::network::\(type.puppetName)::params::"
            let subnet = pool.subnet.value
            let from = [pool.subnet.location]
            data.set(prefix + "subnet_version", .int(subnet.family), from: from)
            data.set(prefix + "subnet_network", .string(subnet.network.description), from: from)
            data.set(prefix + "subnet_network_url", .string(subnet.network.urlFormatted), from: from)
            data.set(prefix + "subnet_prefixlen", .int(subnet.prefixLength), from: from)
            data.set(prefix + "subnet_netmask", .string(subnet.netmask), from: from)
            let range = pool.effectiveRange
            data.set(prefix + "subnet_start", YAMLValue(range?.0), from: pool.range.map { [$0.start.location] } ?? from)
            data.set(prefix + "subnet_end", YAMLValue(range?.1), from: pool.range.map { [$0.end.location] } ?? from)
            guard ![.clusterPod, .clusterService, .multicast].contains(type) else { continue }
            let floating = inventory.floating(type)
            data.set(prefix + "controller_address", YAMLValue(floating), from: inventory.source("controller", type))
            data.set(prefix + "controller_address_url", floating.map { .string($0.urlFormatted) } ?? .null, from: inventory.source("controller", type))
            data.set(prefix + "controller0_address", YAMLValue(inventory.address("controller-0", type)), from: inventory.source("controller-0", type))
            data.set(prefix + "controller1_address", YAMLValue(inventory.address("controller-1", type)), from: inventory.source("controller-1", type))
            if type == .mgmt || type == .oam {
                data.set(prefix + "gateway_address", YAMLValue(pool.gateway?.value), from: pool.gateway.map { [$0.location] } ?? [])
            }
            if type == .mgmt {
                data.set(prefix + "platform_nfs_address", YAMLValue(inventory.address("controller-platform-nfs", .mgmt)), from: from)
                data.set(prefix + "cgcs_nfs_address", YAMLValue(inventory.address("controller-nfs", .mgmt)), from: from)
            }
        }
        return data
    }

    public func hostConfig(_ host: InventoryHost, _ context: PluginContext) -> HieraData {
        let inventory = context.inventory
        var data = HieraData()
        var networks: [NetworkType] = [.pxeboot, .mgmt, .clusterHost]
        if host.isController { networks.append(.oam) }
        for type in networks {
            guard inventory.network(type) != nil else { continue }
            let prefix = "platform::network::\(type.puppetName)::params::"
            guard let interface = inventory.interface(of: host, carrying: type) else {
                if type == .mgmt && inventory.isSimplex {
                    data.set(prefix + "interface_name", "lo")
                    data.set(prefix + "interface_address", YAMLValue(inventory.floating(.mgmt)), from: inventory.source("controller", .mgmt))
                }
                continue
            }
            let from = [interface.location]
            data.set(prefix + "interface_name", .string(host.osName(of: interface)), from: from)
            data.set(prefix + "interface_devices", YAMLValue(strings: inventory.devices(of: interface, on: host)), from: from)
            data.set(prefix + "mtu", .int(interface.mtu.value), from: [interface.mtu.location])
            let address = inventory.unitAddress(of: host, on: type)
            data.set(prefix + "interface_address", YAMLValue(address), from: inventory.source(host.name, type))
        }
        return data
    }
}
