/// The labels sysinv, the VIM and the stx-openstack charts act on. Plugins read label facts
/// through these accessors so that the seed's synonym and sysinv's counting rules live in one place.
public enum WellKnownLabel {
    public static let enabled = "enabled"
    /// Hosts running OpenStack control services; the count of these labels sets chart replicas.
    public static let openstackControlPlane = "openstack-control-plane"
    /// The seed's (2019 spec) name for `openstack-control-plane`, accepted with a warning.
    public static let openstackControllerNode = "openstack-controller-node"
    /// Workers running nova-compute and the neutron agents; without it a worker is a pure
    /// Kubernetes worker, and the VIM creates no nova, neutron or guest services for it.
    public static let openstackComputeNode = "openstack-compute-node"
    public static let openvswitch = "openvswitch"
    public static let sriov = "sriov"
    /// Runs the SR-IOV device plugin, which advertises the host's VFs as pod resources.
    public static let sriovDevicePlugin = "sriovdp"
    public static let openstackIronic = "openstack-ironic"
    public static let remoteStorage = "remote-storage"
}

extension Label {
    /// The label as Kubernetes and the charts see it.
    public var canonical: Label {
        key == WellKnownLabel.openstackControllerNode ? Label(key: WellKnownLabel.openstackControlPlane, value: value) : self
    }

    /// `key=value`, the form sysinv stores and the CLI takes.
    public var assignment: String { "\(key)=\(value)" }
}

extension InventoryHost {
    /// The host's labels under their canonical keys; a key given twice through the synonym counts once.
    public var canonicalLabels: [Label] {
        var seen: Set<String> = []
        return labels.map(\.value.canonical).filter { seen.insert($0.key).inserted }
    }

    /// Whether `canonicalLabels` holds `key=value`: the first label under `key` decides, as there.
    public func hasLabel(_ key: String, value: String = WellKnownLabel.enabled) -> Bool {
        labels.first { $0.value.canonical.key == key }?.value.value == value
    }

    /// A worker-subfunction host labelled `openstack-compute-node=enabled`: it runs nova-compute
    /// and the neutron agents, the VIM manages its nova, neutron and guest services, and nova pins
    /// its CPUs, so the kubelet's CPU manager stays `none` there. The one definition of an
    /// OpenStack compute node: the charts, the VIM and the kubelet settings must agree on it.
    public var runsOpenstackCompute: Bool {
        hasWorkerSubfunction && hasLabel(WellKnownLabel.openstackComputeNode)
    }
}

extension ValidatedInventory {
    /// Hosts carrying `key=value` (canonical keys), in inventory order.
    public func hostsLabelled(_ key: String, value: String = WellKnownLabel.enabled) -> [InventoryHost] {
        hosts.filter { $0.hasLabel(key, value: value) }
    }

    /// sysinv's `_is_labeled(k, v)`: whether any host carries the label.
    public func anyHostLabelled(_ key: String, value: String = WellKnownLabel.enabled) -> Bool {
        !hostsLabelled(key, value: value).isEmpty
    }

    /// sysinv's `_num_controllers()` for chart replicas: hosts with an `openstack-control-plane`
    /// label of any value (not the number of controllers).
    public var openstackControlPlaneLabelCount: Int {
        hosts.filter { host in host.canonicalLabels.contains { $0.key == WellKnownLabel.openstackControlPlane } }.count
    }
}
