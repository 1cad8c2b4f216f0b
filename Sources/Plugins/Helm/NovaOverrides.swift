import Compiler

/// sysinv's 013_nova: compute control services on the control plane and, per OpenStack compute
/// node, the CPUs guests may use, the address services bind and where instance disks live.
struct NovaOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "nova", namespaces: ["openstack"],
        summary: "nova replicas, per-compute-node CPU pinning, addresses and image backend, Ceph ephemeral pool, VNC URL, credentials",
        reads: ["hosts[].labels openstack-control-plane, openstack-compute-node, openstack-ironic, remote-storage",
                "hosts[].cpus", "hosts[].memory", "hosts[] cluster-host addresses", "networks.cluster-host", "storage.ceph",
                "system.region", "system.https", "service_parameters openstack/helm/endpoint_domain"],
        writes: ["manifests.statefulset_compute_ironic", "pod.mounts.nova_compute", "pod.replicas", "labels", "conf.ceph",
                 "conf.nova", "conf.overrides.nova_compute.hosts", "network.sshd", "ceph_client", "endpoints"])

    static let controlComponents = ["api_metadata", "placement", "osapi", "conductor", "consoleauth", "scheduler", "novncproxy"]

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        let inventory = context.inventory
        var conf: [String: YAMLValue] = [
            "nova": [
                "libvirt": ["virt_type": "kvm"],
                "vnc": ["novncproxy_base_url": .string(novncProxyURL(context))],
            ],
            "overrides": ["nova_compute": ["hosts": .list(inventory.hosts.filter(\.isOpenstackComputeNode).map { computeHost($0, context) })]],
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
            "ceph_client": CephFacts.client,
            "endpoints": .map(endpoints),
        ]
        if let clusterHost = inventory.network(.clusterHost) {
            values["network"] = ["sshd": ["from_subnet": .string(clusterHost.subnet.value.description)]]
        }
        return values
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
            defaults["vcpu_pin_set"] = .string("\"\(Self.ranges(guestCPUs))\"")
        }
        let platformMemory = host.memory.compactMap(\.platformReservedMiB)
        if !platformMemory.isEmpty { defaults["reserved_host_memory_mb"] = .int(platformMemory.reduce(0, +)) }
        let remote = host.hasLabel(WellKnownLabel.remoteStorage) && CephFacts(context.inventory) != nil
        var libvirt: [String: YAMLValue] = ["images_type": .string(remote ? "rbd" : "default"),
                                            "live_migration_inbound_addr": YAMLValue(address)]
        if remote {
            libvirt["images_rbd_pool"] = "ephemeral"
            libvirt["images_rbd_ceph_conf"] = "/etc/ceph/ceph.conf"
        }
        let anyAddress = address?.family == 6 ? "::0" : "0.0.0.0"
        return ["name": .string(host.name), "conf": ["nova": [
            "DEFAULT": .map(defaults),
            "vnc": ["vncserver_listen": .string(anyAddress), "vncserver_proxyclient_address": YAMLValue(address)],
            "libvirt": .map(libvirt),
        ]]]
    }

    /// `0,2-5,7`: CPU lists as nova and the kernel write them.
    static func ranges(_ cpus: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < cpus.count {
            var end = index
            while end + 1 < cpus.count, cpus[end + 1] == cpus[end] + 1 { end += 1 }
            parts.append(end == index ? "\(cpus[index])" : "\(cpus[index])-\(cpus[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}
