import Compiler

/// sysinv's 012_neutron: the networking server on the control plane, per compute node agent
/// settings, and the `network` service parameters. sysinv applied those parameters with a
/// shallow `dict.update` of `conf`, so one `ml2` parameter wiped the generated `ml2_conf`;
/// here each parameter sets exactly its own key and everything around it stays as generated.
struct NeutronOverrides: ChartPlugin {
    static let agents = ["neutron_ovs-agent", "neutron_dhcp-agent", "neutron_l3-agent", "neutron_metadata-agent", "neutron_sriov-agent"]
    /// sysinv's `network` service-parameter sections: where each lands in the chart's `conf`.
    static let parameterSections: [String: [String]] = [
        "default": ["neutron", "DEFAULT"],
        "ml2": ["plugins", "ml2_conf", "ml2"],
        "dhcp": ["dhcp_agent", "DEFAULT"],
    ]

    let description = ChartDescription(
        chart: "neutron", namespaces: ["openstack"],
        summary: "neutron server replicas, data network MTUs and flat networks, per-compute-node OVS/SR-IOV agent settings, network service parameters, credentials",
        reads: ["hosts[].labels openstack-control-plane, openstack-compute-node", ChartReads.dataNetworks,
                "hosts[].interfaces (data, pci-sriov: data_networks)", "system.vswitch", "service_parameters network/*"]
            + ChartReads.endpoints,
        writes: ["pod.replicas.server", "labels", "conf.overrides", "conf.paste", "conf.neutron", "conf.plugins", "conf.dhcp_agent", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        let inventory = context.inventory
        let hosts = YAMLValue.list(inventory.hosts.filter(\.runsOpenstackCompute).map { agentHost($0, inventory) })
        var conf: [String: YAMLValue] = [
            "overrides": .map(Dictionary(uniqueKeysWithValues: Self.agents.map { ($0, ["hosts": hosts]) })),
            "paste": ["app:neutronversions": ["paste.app_factory": "neutron.pecan_wsgi.app:versions_factory"]],
        ]
        // An inventory without data networks leaves the chart's own physical network settings alone.
        let dataNetworks = inventory.inventory.dataNetworks
        if !dataNetworks.isEmpty {
            conf["plugins"] = ["ml2_conf": [
                "ml2": ["physical_network_mtus": .string(dataNetworks.map { "\($0.name.value):\($0.mtu.value)" }.joined(separator: ","))],
                "ml2_type_flat": ["flat_networks": .string(dataNetworks.filter { $0.type.value == .flat }.map(\.name.value).joined(separator: ","))],
            ]]
        }
        conf = HelmMerge.merge([conf, serviceParameters(inventory)])
        var endpoints = Endpoints.service("neutron", publicName: "network", context)
        endpoints["identity"] = ["auth": Endpoints.identityAuth("neutron", users: ["neutron"], others: ["nova"], context)]
        return [
            "pod": ["replicas": ControlPlane.podReplicas(["server"], context)],
            "labels": ControlPlane.labels(control: ["server", "job"], agents: ["dhcp", "l3", "metadata"]),
            "conf": .map(conf),
            "endpoints": .map(endpoints),
        ]
    }

    /// Each `network` parameter as a one-key tree, so merging it replaces only that key.
    func serviceParameters(_ inventory: ValidatedInventory) -> [String: YAMLValue] {
        var tree: [String: YAMLValue] = [:]
        for parameter in inventory.inventory.serviceParameters where parameter.service == "network" {
            guard let path = Self.parameterSections[parameter.section] else { continue }
            let leaf = (path + [parameter.name]).reversed().reduce(YAMLValue.string(parameter.value)) { inner, key in [key: inner] }
            if case let .map(single) = leaf { tree = HelmMerge.merge([tree, single]) }
        }
        return tree
    }

    /// The agent configuration of one compute node. Mappings end in a comma, as sysinv wrote them.
    func agentHost(_ host: InventoryHost, _ inventory: ValidatedInventory) -> YAMLValue {
        let bridges = host.providerBridges(inventory)
        var ovs: [String: YAMLValue] = [
            "integration_bridge": "br-int",
            "datapath_type": .string(inventory.system.vswitch.value == .ovsDPDK ? "netdev" : "system"),
            "vhostuser_socket_dir": "/var/run/openvswitch",
        ]
        if let address = inventory.address(host.name, .clusterHost) { ovs["local_ip"] = .string(address.description) }
        let bridgeMappings = bridges.flatMap { bridge in bridge.networks.map { "\($0.name.value):\(bridge.name)," } }.joined()
        if !bridgeMappings.isEmpty { ovs["bridge_mappings"] = .string(bridgeMappings) }
        var openvswitchAgent: [String: YAMLValue] = ["ovs": .map(ovs)]
        let tunnelled = host.interfaces(ofClass: .data).contains { inventory.dataNetworks(of: $0).contains { $0.type.value == .vxlan } }
        if tunnelled { openvswitchAgent["agent"] = ["tunnel_types": "vxlan"] }

        var sriovAgent: [String: YAMLValue] = ["securitygroup": ["firewall_driver": "noop"], "agent": ["root_helper": ""]]
        let deviceMappings = host.interfaces(ofClass: .pciSRIOV).flatMap { interface in
            inventory.dataNetworks(of: interface).map { "\($0.name.value):\(host.osName(of: interface))," }
        }.joined()
        if !deviceMappings.isEmpty { sriovAgent["sriov_nic"] = ["physical_device_mappings": .string(deviceMappings)] }

        var conf: [String: YAMLValue] = ["plugins": ["openvswitch_agent": .map(openvswitchAgent), "sriov_agent": .map(sriovAgent)]]
        // Without a host vswitch the chart's openvswitch adds the provider bridges itself.
        if !inventory.system.runsPlatformVswitch, !bridges.isEmpty {
            conf["auto_bridge_add"] = .map(Dictionary(uniqueKeysWithValues: bridges.map { ($0.name, .string($0.port)) }))
        }
        return ["name": .string(host.name), "conf": .map(conf)]
    }
}
