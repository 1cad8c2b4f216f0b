import Compiler

/// How stx-openstack is made fit for one system, as sysinv's chart plugins did with their
/// meta-overrides at apply time, and what the system must give it.
extension StxOpenstackApplication {
    static let rules: [any ApplicationRule] = [
        ComputeKitRule(), MariadbQuorumRule(), KeystoneApiProxyRule(), ControlPlaneRule(), CephRule(),
    ]

    /// The compute kit gains the openvswitch chart when the platform runs no vswitch of its own
    /// (openvswitch.py) and the ironic chart when a host is labelled for it (ironic.py).
    struct ComputeKitRule: ApplicationRule {
        func reshape(_ manifest: inout ArmadaApplication, for inventory: ValidatedInventory) {
            guard let index = manifest.groups.firstIndex(where: { $0.name == "openstack-compute-kit" }) else { return }
            if !inventory.system.runsPlatformVswitch, manifest.chart(named: "openstack-openvswitch") != nil {
                manifest.groups[index].charts.insert("openstack-openvswitch", at: min(1, manifest.groups[index].charts.count))
            }
            if inventory.anyHostLabelled("openstack-ironic"), manifest.chart(named: "openstack-ironic") != nil {
                manifest.groups[index].charts.append("openstack-ironic")
            }
        }
    }

    /// mariadb drops its arbitrator (garbd) where a quorum cannot use one (garbd.py): fewer than
    /// two control-plane hosts, an all-in-one system, or a distributed-cloud system controller.
    struct MariadbQuorumRule: ApplicationRule {
        func reshape(_ manifest: inout ArmadaApplication, for inventory: ValidatedInventory) {
            guard let index = manifest.groups.firstIndex(where: { $0.name == "openstack-mariadb" }) else { return }
            let quorumImpossible = inventory.openstackControlPlaneLabelCount < 2 || inventory.system.type.value == .allInOne
                || isSystemController(inventory)
            if quorumImpossible { manifest.groups[index].charts.removeAll { $0 == "openstack-garbd" } }
        }
    }

    /// keystone-api-proxy is deployed only on a distributed-cloud system controller
    /// (keystone_api_proxy.py).
    struct KeystoneApiProxyRule: ApplicationRule {
        func reshape(_ manifest: inout ArmadaApplication, for inventory: ValidatedInventory) {
            let group = "openstack-keystone-api-proxy"
            if isSystemController(inventory), manifest.group(named: group) != nil, !manifest.manifestGroups.contains(group) {
                manifest.manifestGroups.append(group)
            }
        }
    }

    /// Every control service scales with the control-plane hosts; with none, sysinv deployed 0
    /// replicas of everything. That is an inventory mistake, reported as one.
    struct ControlPlaneRule: ApplicationRule {
        func check(_ inventory: ValidatedInventory, application: String, at location: SourceLocation) -> [Diagnostic] {
            guard ControlPlane.hosts(inventory).isEmpty else { return [] }
            return [Diagnostic(.helmControlPlane,
                               "\(application) needs at least one host labelled \(WellKnownLabel.openstackControlPlane)=\(WellKnownLabel.enabled) "
                                   + "to run its control services; label the controllers (sysinvc host-label-assign)",
                               at: location)]
        }
    }

    /// cinder keeps volumes and backups on Ceph, nova its ephemeral disks where hosts ask for it,
    /// and their pods read the key of the Ceph secret platform-integ-apps' rbd provisioner creates
    /// (sysinv copied it into the openstack namespace). Without Ceph the deployment comes up with
    /// no volume service: a warning. With Ceph but without platform-integ-apps, the charts wait
    /// for a secret nothing creates: an error.
    struct CephRule: ApplicationRule {
        func check(_ inventory: ValidatedInventory, application: String, at location: SourceLocation) -> [Diagnostic] {
            guard inventory.inventory.storage?.ceph != nil else {
                return [Diagnostic(.helmNeedsCeph,
                                   "\(application) keeps volumes (cinder) on Ceph, and this system has no Ceph backend: "
                                       + "it would come up without volumes; add storage.ceph with OSDs, and apply \(PlatformIntegApplication.name)",
                                   at: location)]
            }
            guard inventory.isApplied(PlatformIntegApplication.name) else {
                return [Diagnostic(.helmNeedsPlatformApps,
                                   "\(application)'s charts read the Ceph secret \(CephFacts.chartSecretName), which \(PlatformIntegApplication.name) "
                                       + "creates; apply it too (- {name: \(PlatformIntegApplication.name), applied: true})",
                                   at: location)]
            }
            return []
        }
    }

    static func isSystemController(_ inventory: ValidatedInventory) -> Bool {
        inventory.system.isSystemController
    }
}
