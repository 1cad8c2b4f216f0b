import Compiler

/// sysinv's 030_kubernetes: `platform::kubernetes::params` for the cluster (networks, API server
/// and etcd addresses, DNS) and per node (address, labels, CPU and memory kept from pods, CPU
/// manager policy, join command), plus the NAT rule workers reach external registries through.
public struct KubernetesPlugin: ConfigPlugin {
    public init() {}

    static let params = "platform::kubernetes::params::"
    /// Where puppet installs the host's join document (`kubernetes/kubeadm-join-<host>.yaml`).
    static let joinConfigPath = "/etc/kubernetes/kubeadm-join.yaml"

    public let description = PluginDescription(
        identifier: "030_kubernetes",
        summary: "`platform::kubernetes::*`: cluster and node parameters, labels, CPU manager policy, join command, registry NAT rule",
        reads: ["system.kubernetes", "system.mode", "networks.cluster-host", "networks.cluster-pod", "networks.cluster-service",
                "hosts[].labels", "hosts[].cpus", "hosts[].memory", "hosts[].subfunctions",
                "hosts[].interfaces (pci-sriov, pci-passthrough: data_networks, pci_address, sriov_vf_driver)"],
        writes: ["platform::kubernetes::params::", "platform::kubernetes::firewall::params::",
                 "platform::kubernetes::worker::params::join_cmd",
                 "platform::kubernetes::worker::pci::pcidp_network_resources"]
    )

    public func systemConfig(_ context: PluginContext) -> HieraData {
        let inventory = context.inventory
        var data = HieraData()
        guard inventory.kubernetesEnabled, let pod = inventory.podSubnet, let service = inventory.serviceSubnet else { return data }
        let enabled = inventory.system.kubernetesEnabled
        data.set(Self.params + "enabled", true, from: enabled.location)
        data.set(Self.params + "pod_network_cidr", .string(pod.value.description), from: pod.location)
        data.set(Self.params + "pod_network_ipversion", .int(pod.value.family), from: pod.location)
        data.set(Self.params + "service_network_cidr", .string(service.value.description), from: service.location)
        data.set(Self.params + "apiserver_advertise_address", YAMLValue(inventory.clusterHostFloating), from: inventory.clusterHostSource)
        data.set(Self.params + "etcd_endpoint", .string(inventory.etcdEndpoint), from: inventory.clusterHostSource)
        data.set(Self.params + "service_domain", .string(ValidatedInventory.serviceDomain))
        data.set(Self.params + "dns_service_ip", YAMLValue(inventory.dnsServiceIP), from: service.location)

        // Workers reach external image registries through the active controller's OAM address;
        // a simplex system has no workers.
        if !inventory.isSimplex {
            let firewall = "platform::kubernetes::firewall::params::"
            let mode = inventory.system.mode.location
            data.set(firewall + "transport", "tcp", from: mode)
            data.set(firewall + "table", "nat", from: mode)
            data.set(firewall + "dports", [80, 443, 9001, 5000], from: mode)
            data.set(firewall + "chain", "POSTROUTING", from: mode)
            data.set(firewall + "jump", "SNAT", from: mode)
        }
        return data
    }

    public func hostConfig(_ host: InventoryHost, _ context: PluginContext) -> HieraData {
        let inventory = context.inventory
        var data = HieraData()
        guard inventory.kubernetesEnabled, host.personality.value != .storage else { return data }
        data.set(Self.params + "node_ip", YAMLValue(inventory.nodeIP(of: host)), from: inventory.source(host.name, .clusterHost))
        // Current sysinv's `key=value` form: the value matters (openstack-compute-node=enabled).
        // Canonical keys, so a node labelled with the seed's synonym matches the charts' selectors.
        data.set(Self.params + "host_labels", YAMLValue(strings: host.canonicalLabels.map(\.assignment)),
                 from: host.labels.map(\.location))
        data.merge(cpuKeys(host))
        let reservation = KubeletReservation(host)
        if let cpus = reservation.cpus {
            data.set(Self.params + "k8s_reserved_cpus", .int(cpus), from: reservation.sources)
        }
        if let memory = reservation.memoryMiB {
            data.set(Self.params + "k8s_reserved_mem", .int(memory), from: reservation.sources)
        }
        if let policy = CPUManagerPolicy(host) {
            data.set(Self.params + "k8s_cpu_mgr_policy", .string(policy.rawValue), from: host.labels.map(\.location) + reservation.sources)
        }
        if host.hasWorkerSubfunction && host.hasLabel(WellKnownLabel.sriovDevicePlugin) {
            let ports = host.interfaces(ofClass: .pciPassthrough) + host.interfaces(ofClass: .pciSRIOV)
            data.set("platform::kubernetes::worker::pci::pcidp_network_resources", .string(pcidpNetworkResources(ports, inventory)),
                     from: host.labels.filter { $0.value.key == WellKnownLabel.sriovDevicePlugin }.map(\.location) + ports.map(\.location))
        }
        if inventory.joins(host) {
            // The token stays in the (secure) join document rather than in this file.
            data.set("platform::kubernetes::worker::params::join_cmd", .string("kubeadm join --config \(Self.joinConfigPath)"), from: host.location)
        }
        return data
    }

    /// The CPUs and NUMA nodes of the k8s-infra cgroup: platform CPUs only on pure workers that run
    /// OpenStack compute (the rest belong to nova), every CPU elsewhere, all-in-one controllers
    /// included, as sysinv does. Quoted: puppet pastes them into shell.
    func cpuKeys(_ host: InventoryHost) -> HieraData {
        var data = HieraData()
        guard let cpus = host.cpus else { return data }
        let platformOnly = host.personality.value == .worker && host.runsOpenstackCompute
        let set = platformOnly ? cpus.platform.map(\.value) : Array(0..<cpus.logicalCount)
        let nodes = Set(set.map { cpus.node(of: $0) })
        let from = [cpus.location] + host.labels.map(\.location)
        data.set(Self.params + "k8s_cpuset", .string("\"\(ComputeKeys.rangeList(set))\""), from: from)
        data.set(Self.params + "k8s_nodeset", .string("\"\(ComputeKeys.rangeList(Array(nodes)))\""), from: from)
        return data
    }

    /// The SR-IOV device plugin's resource list: one pod resource per class and data network
    /// (`pci_sriov_net_physnet0`), whose devices are the ports attaching that network.
    func pcidpNetworkResources(_ ports: [Interface], _ inventory: ValidatedInventory) -> String {
        var resources: [(name: String, deviceType: String, rootDevices: [String], sriovMode: Bool)] = []
        for port in ports {
            guard let address = port.pciAddress?.value else { continue }
            for network in inventory.dataNetworks(of: port) {
                let name = "\(port.interfaceClass.rawValue)_net_\(network.name.value)".replacingOccurrences(of: "-", with: "_")
                if let index = resources.firstIndex(where: { $0.name == name }) {
                    resources[index].rootDevices.append(address)
                } else {
                    let deviceType = (port.sriovVFDriver?.value ?? .netdevice).rawValue
                    resources.append((name, deviceType, [address], port.interfaceClass == .pciSRIOV))
                }
            }
        }
        let resourceList = resources.map { resource -> [String: Any] in
            ["resourceName": resource.name, "deviceType": resource.deviceType, "rootDevices": resource.rootDevices, "sriovMode": resource.sriovMode]
        }
        return CompactJSON.string(["resourceList": resourceList])
    }
}
