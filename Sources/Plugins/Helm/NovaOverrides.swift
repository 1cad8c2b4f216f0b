import Compiler

/// sysinv's 013_nova: compute control services on the control plane and, per OpenStack compute
/// node, the CPUs guests may use, the address services bind and where instance disks live.
struct NovaOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "nova", namespaces: ["openstack"],
        summary: "nova replicas, per-compute-node CPU pinning, reserved memory, PCI whitelist, addresses and image backend, Ceph ephemeral pool, VNC URL, credentials",
        reads: ["hosts[].labels openstack-control-plane, openstack-compute-node, openstack-ironic, remote-storage",
                "hosts[].cpus", "hosts[].memory", "hosts[].interfaces (pci-passthrough, pci-sriov)", ChartReads.dataNetworks,
                "hosts[] cluster-host addresses", "networks.cluster-host", ChartReads.ceph]
            + ChartReads.endpoints,
        writes: ["manifests.statefulset_compute_ironic", "pod.mounts.nova_compute", "pod.replicas", "labels", "conf.ceph",
                 "conf.nova", "conf.nova.pci.alias", "conf.ssh_private", "conf.ssh_public", "conf.overrides.nova_compute.hosts", "network.sshd", "ceph_client", "endpoints"])

    static let controlComponents = ["api_metadata", "placement", "osapi", "conductor", "consoleauth", "scheduler", "novncproxy"]

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        let inventory = context.inventory
        // Compute hosts copy instances to each other over ssh (cold migration, resize).
        let ssh = context.sshKeyPair("nova/ssh", comment: "nova@\(inventory.system.name.value)")
        var conf: [String: YAMLValue] = [
            "nova": [
                "libvirt": ["virt_type": "kvm"],
                "vnc": ["novncproxy_base_url": .string(novncProxyURL(context))],
                "pci": ["alias": .multistring(pciAliases(inventory))],
            ],
            "ssh_private": .string(ssh.privateKey),
            "ssh_public": .string(ssh.publicKey),
            "overrides": ["nova_compute": ["hosts": .list(inventory.hosts.filter(\.runsOpenstackCompute).map { computeHost($0, context) })]],
        ]
        if let ceph = CephFacts(inventory) {
            conf["ceph"] = ["ephemeral_storage": ["type": "rbd", "rbd_pools": [[
                "rbd_pool_name": "ephemeral", "rbd_user": "cinder",
                "rbd_crush_rule": .string(CephFacts.crushRule(tier: CephFacts.primaryTier)),
                "rbd_replication": .int(ceph.replication), "rbd_chunk_size": 512,
            ]]]]
        }
        var endpoints = Endpoints.service("nova", publicName: "compute", database: false, context)
        endpoints["identity"] = ["name": "keystone",
                                 "auth": Endpoints.identityAuth("nova", users: ["nova"], others: ["neutron", "ironic", "placement"], context)]
        endpoints["compute_novnc_proxy"] = .map(Endpoints.publicEndpoint("novncproxy", context))
        for database in ["oslo_db", "oslo_db_api", "oslo_db_cell0"] { endpoints[database] = Endpoints.osloDBAuth("nova", context) }
        var values: [String: YAMLValue] = [
            "manifests": ["statefulset_compute_ironic": .bool(inventory.anyHostLabelled(WellKnownLabel.openstackIronic))],
            "pod": [
                "replicas": ControlPlane.podReplicas(Self.controlComponents, context),
                "mounts": ["nova_compute": ["nova_compute": computeMounts]],
            ],
            "labels": ControlPlane.labels(control: Self.controlComponents + ["job"], agents: ["compute"]),
            "conf": .map(conf),
            "endpoints": .map(endpoints),
        ]
        values["ceph_client"] = CephFacts.client(inventory)
        if let clusterHost = inventory.network(.clusterHost) {
            values["network"] = ["sshd": ["from_subnet": .string(clusterHost.subnet.value.description)]]
        }
        return values
    }

    /// Device classes guests can ask for by name (`pci_passthrough:alias`): Intel QuickAssist
    /// physical and virtual functions, any GPU, and the aliases the `nova pci_alias` service
    /// parameters add (`name: vendor_id=..,device_id=..`; nova calls the device id product_id).
    func pciAliases(_ inventory: ValidatedInventory) -> [String] {
        let quickAssist: [(product: String, name: String, type: String)] = [
            ("0435", "qat-dh895xcc-pf", "type-PF"), ("0443", "qat-dh895xcc-vf", "type-VF"),
            ("37c8", "qat-c62x-pf", "type-PF"), ("37c9", "qat-c62x-vf", "type-VF"),
        ]
        var aliases = quickAssist.map { CompactJSON.string(["vendor_id": "8086", "product_id": $0.product, "device_type": $0.type, "name": $0.name]) }
        aliases.append(CompactJSON.string(["class_id": "030000", "name": "gpu"]))
        for parameter in inventory.inventory.serviceParameters where parameter.service == "nova" && parameter.section == "pci_alias" {
            var alias: [String: String] = ["name": parameter.name]
            for field in parameter.value.split(separator: ",") {
                let pair = field.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                alias[pair[0] == "device_id" ? "product_id" : pair[0]] = pair[1]
            }
            aliases.append(CompactJSON.string(alias))
        }
        return aliases
    }

    /// UEFI firmware for guests and the host's pseudo-terminals for serial consoles.
    var computeMounts: YAMLValue {
        guard case let .list(volumes)? = LibvirtOverrides.uefiMounts["volumes"],
              case let .list(mounts)? = LibvirtOverrides.uefiMounts["volumeMounts"] else { return LibvirtOverrides.uefiMounts }
        return [
            "volumes": .list(volumes + [["name": "dev-pts", "hostPath": ["path": "/dev/pts"]]]),
            "volumeMounts": .list(mounts + [["name": "dev-pts", "mountPath": "/dev/pts"]]),
        ]
    }

    func novncProxyURL(_ context: ChartContext) -> String {
        let scheme = context.inventory.system.httpsEnabled.value ? "https" : "http"
        let host = Endpoints.domain(context).map { "novncproxy.\($0)" } ?? "novncproxy.openstack.svc.cluster.local"
        return "\(scheme)://\(host)/vnc_auto.html"
    }

    /// One `conf.overrides.nova_compute.hosts` entry: nova.conf settings only this host gets.
    func computeHost(_ host: InventoryHost, _ context: ChartContext) -> YAMLValue {
        let address = context.inventory.address(host.name, .clusterHost)
        var defaults: [String: YAMLValue] = ["my_ip": YAMLValue(address)]
        if let cpus = host.cpus {
            let reserved = Set((cpus.platform + cpus.vswitch).map(\.value))
            let guestCPUs = (0..<cpus.logicalCount).filter { !reserved.contains($0) }
            // sysinv writes the range quoted inside the string, as nova.conf wants it.
            defaults["vcpu_pin_set"] = .string("\"\(ComputeKeys.rangeList(guestCPUs))\"")
        }
        defaults.merge(reservedMemory(host)) { _, reserved in reserved }
        let remote = host.hasLabel(WellKnownLabel.remoteStorage) && CephFacts(context.inventory) != nil
        var libvirt: [String: YAMLValue] = ["images_type": .string(remote ? "rbd" : "default"),
                                            "live_migration_inbound_addr": YAMLValue(address)]
        if remote {
            libvirt["images_rbd_pool"] = "ephemeral"
            libvirt["images_rbd_ceph_conf"] = "/etc/ceph/ceph.conf"
        }
        let anyAddress = address?.family == 6 ? "::0" : "0.0.0.0"
        var nova: [String: YAMLValue] = [
            "DEFAULT": .map(defaults),
            "vnc": ["vncserver_listen": .string(anyAddress), "vncserver_proxyclient_address": YAMLValue(address)],
            "libvirt": .map(libvirt),
        ]
        let whitelist = passthroughWhitelist(host, context.inventory)
        if !whitelist.isEmpty { nova["pci"] = ["passthrough_whitelist": .multistring(whitelist)] }
        return ["name": .string(host.name), "conf": ["nova": .map(nova)]]
    }

    /// Memory nova must not give guests, per NUMA node: the platform's 4K pages and the
    /// vswitch's 1G pages, as sysinv's `_update_reserved_memory`, and their total in MiB.
    func reservedMemory(_ host: InventoryHost) -> [String: YAMLValue] {
        var pages: [String] = []
        var totalMiB = 0
        for memory in host.memory.sorted(by: { $0.node < $1.node }) {
            if let platform = memory.platformReservedMiB {
                pages.append("node:\(memory.node),size:4,count:\(platform * 256)")
                totalMiB += platform
            }
            if let vswitch = memory.vswitchHugepages1G {
                pages.append("node:\(memory.node),size:1048576,count:\(vswitch)")
                totalMiB += vswitch * 1024
            }
        }
        guard !pages.isEmpty else { return [:] }
        return ["reserved_huge_pages": .multistring(pages), "reserved_host_memory_mb": .int(totalMiB)]
    }

    /// The devices guests may be given, one JSON object per line: passthrough ports, then
    /// SR-IOV ports. An SR-IOV entry names the physical function, which nova matches to all of
    /// its VFs (sysinv listed the VF addresses the host reported; the inventory has the PF's).
    func passthroughWhitelist(_ host: InventoryHost, _ inventory: ValidatedInventory) -> [String] {
        (host.interfaces(ofClass: .pciPassthrough) + host.interfaces(ofClass: .pciSRIOV)).compactMap { interface in
            guard let address = interface.pciAddress else { return nil }
            let networks = inventory.dataNetworks(of: interface).map(\.name.value).joined(separator: ",")
            return CompactJSON.string(["address": address.value, "physical_network": networks])
        }
    }
}
