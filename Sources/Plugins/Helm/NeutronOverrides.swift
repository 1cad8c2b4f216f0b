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
        summary: "neutron server replicas, per-compute-node OVS/SR-IOV agent settings, network service parameters, credentials",
        reads: ["hosts[].labels openstack-control-plane, openstack-compute-node", "hosts[].interfaces (data)", "system.vswitch",
                "service_parameters network/*", "system.region", "system.https", "service_parameters openstack/helm/endpoint_domain"],
        writes: ["pod.replicas.server", "labels", "conf.overrides", "conf.paste", "conf.neutron", "conf.plugins", "conf.dhcp_agent", "endpoints"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        let inventory = context.inventory
        let hosts = YAMLValue.list(inventory.hosts.filter(\.isOpenstackComputeNode).map { agentHost($0, inventory) })
        var conf: [String: YAMLValue] = [
            "overrides": .map(Dictionary(uniqueKeysWithValues: Self.agents.map { ($0, ["hosts": hosts]) })),
            "paste": ["app:neutronversions": ["paste.app_factory": "neutron.pecan_wsgi.app:versions_factory"]],
        ]
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

    /// The agent configuration of one compute node.
    func agentHost(_ host: InventoryHost, _ inventory: ValidatedInventory) -> YAMLValue {
        let vswitch = inventory.system.vswitchType.value
        let dataPorts = host.interfaces.filter { $0.interfaceClass == "data" }.map(\.port)
        var ovs: [String: YAMLValue] = [
            "integration_bridge": "br-int",
            "datapath_type": .string(vswitch == "ovs-dpdk" ? "netdev" : "system"),
            "vhostuser_socket_dir": "/var/run/openvswitch",
        ]
        if let address = inventory.address(host.name, .clusterHost) { ovs["local_ip"] = .string(address.description) }
        var conf: [String: YAMLValue] = ["plugins": [
            "openvswitch_agent": ["ovs": .map(ovs)],
            "sriov_agent": ["securitygroup": ["firewall_driver": "noop"], "agent": ["root_helper": ""]],
        ]]
        // Without a host vswitch the chart's openvswitch adds a bridge per data port itself.
        if vswitch == "none", !dataPorts.isEmpty {
            conf["auto_bridge_add"] = .map(Dictionary(uniqueKeysWithValues: dataPorts.enumerated().map { ("br-phy\($0.offset)", .string($0.element)) }))
        }
        return ["name": .string(host.name), "conf": .map(conf)]
    }
}
