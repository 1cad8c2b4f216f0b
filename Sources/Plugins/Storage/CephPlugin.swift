import Compiler

/// sysinv's 011_ceph, as of 19.01: the cluster's fsid and the object gateway's admin password on
/// every system; with the Ceph backend, its monitors (the controllers and a third on storage-0 or
/// a worker) and the gateway's keystone settings; on controllers and storage hosts their OSDs
/// and journal disks; on every host the size of a monitor's volume. Replication, CRUSH rules and
/// cephx keys are in no hiera key (puppet and the charts fix them), so none is written.
public struct CephPlugin: ConfigPlugin {
    public init() {}

    static let params = "platform::ceph::params::"
    static let osds = "platform::ceph::osds::"

    public let description = PluginDescription(
        identifier: "011_ceph",
        summary: "`platform::ceph::params` (fsid, monitors, object gateway), each host's OSDs and journal disks (`platform::ceph::osds`), `ceph::ms_bind_ipv6`",
        reads: ["storage.ceph", "system.name", "hosts[].personality", "networks.mgmt addresses", "applications stx-openstack"],
        writes: ["platform::ceph::params::", "platform::ceph::osds::", "ceph::ms_bind_ipv6"]
    )

    /// The fsid (`cluster_uuid`), which sysinv drew at bootstrap even without Ceph: the
    /// inventory's, or one derived from the system's name, the same at every compile.
    public func staticConfig(_ context: PluginContext) -> HieraData {
        var data = HieraData()
        if let fsid = context.inventory.inventory.storage?.ceph?.fsid {
            data.set(Self.params + "cluster_uuid", .string(fsid.value), from: fsid.location)
        } else {
            let name = context.inventory.system.name
            data.set(Self.params + "cluster_uuid", .string(StableUUID.named("\(name.value)/ceph/fsid")), from: name.location)
        }
        return data
    }

    /// The object gateway's keystone password, kept by sysinv's keyring.
    public func secureStaticConfig(_ context: PluginContext) -> HieraData {
        var data = HieraData()
        data.set(Self.params + "rgw_admin_password", .string(context.secrets.password("ceph/rgw-admin")))
        return data
    }

    /// With the Ceph backend: where the monitors listen, and who the gateway is to keystone.
    public func systemConfig(_ context: PluginContext) -> HieraData {
        let inventory = context.inventory
        var data = HieraData()
        guard let ceph = inventory.inventory.storage?.ceph else { return data }
        let monitors: [(key: String, host: String?)] = [
            ("floating_mon", "controller"), ("mon_0", "controller-0"), ("mon_1", "controller-1"),
            ("mon_2", CephFacts.thirdMonitor(inventory, ceph)),
        ]
        let addresses = monitors.map { monitor in monitor.host.flatMap { inventory.address($0, .mgmt) } }
        // sysinv writes none of these without a monitor address.
        guard addresses.contains(where: { $0 != nil }) else { return data }
        data.set("ceph::ms_bind_ipv6", .bool(addresses[1]?.family == 6), from: inventory.source("controller-0", .mgmt))
        data.set(Self.params + "service_enabled", true, from: ceph.location)
        for (monitor, address) in zip(monitors, addresses) {
            let sources = monitor.host.map { inventory.source($0, .mgmt) } ?? []
            data.set(Self.params + monitor.key + "_host", monitor.host.map(YAMLValue.string) ?? .null, from: sources)
            data.set(Self.params + monitor.key + "_ip", YAMLValue(address), from: sources)
            data.set(Self.params + monitor.key + "_addr", address.map { .string("\($0.urlFormatted):\(CephFacts.monitorPort)") } ?? .null, from: sources)
        }
        data.set(Self.params + "rgw_admin_user", "swift")
        data.set(Self.params + "rgw_admin_domain", "Default")
        data.set(Self.params + "rgw_admin_project", "services")
        if inventory.isApplied(StxOpenstackApplication.name) {
            data.set(Self.params + "rgw_service_domain", "service")
            data.set(Self.params + "rgw_service_project", "service")
        }
        return data
    }

    /// The containerized swift's password, which sysinv copied from the ceph-rgw chart into
    /// system.yaml; here it is in the secure file, as every secret is.
    public func secureSystemConfig(_ context: PluginContext) -> HieraData {
        var data = HieraData()
        guard context.inventory.inventory.storage?.ceph != nil, context.inventory.isApplied(StxOpenstackApplication.name) else { return data }
        data.set(Self.params + "rgw_service_password", .string(context.secrets.password(Endpoints.keystoneSecret("swift", "swift"))))
        return data
    }

    public func hostConfig(_ host: InventoryHost, _ context: PluginContext) -> HieraData {
        var data = HieraData()
        let ceph = context.inventory.inventory.storage?.ceph
        // Every host, as sysinv did: the monitor's volume, 20 GiB unless it runs a monitor.
        let monitorGiB = ceph.flatMap { ceph in Self.isMonitor(host, context.inventory, ceph) ? ceph.monitorGiB : nil }
        data.set(Self.params + "mon_lv_size", .int(monitorGiB?.value ?? CephSettings.defaultMonitorGiB), from: monitorGiB.map { [$0.location] } ?? [])
        guard host.isController || host.personality.value == .storage else { return data }
        let stors = CephStors.of(context.inventory)
        var osdConfig: [String: YAMLValue] = [:]
        var sources: [SourceLocation] = []
        for entry in stors?.osds(on: host.name) ?? [] {
            let device = entry.osd.device.value
            osdConfig["stor-\(entry.stor)"] = [
                "osd_id": .int(entry.osdID),
                "osd_uuid": .string(StableUUID.named("\(context.inventory.system.name.value)/ceph/osd/\(host.name)/\(device)")),
                "disk_path": .string(device),
                "data_path": .string(device + "-part1"),
                "journal_path": .string(entry.journalPath),
                "tier_name": .string(entry.osd.tierName),
            ]
            sources.append(entry.osd.location)
        }
        var journalConfig: [String: YAMLValue] = [:]
        for journal in stors?.journals(on: host.name) ?? [] {
            journalConfig["stor-\(journal.stor)"] = ["disk_path": .string(journal.device), "journal_sizes": .list(journal.sizes.map(YAMLValue.int))]
        }
        data.set(Self.osds + "osd_config", .map(osdConfig), from: sources)
        data.set(Self.osds + "journal_config", .map(journalConfig), from: sources)
        return data
    }

    /// Asked for every host: the hosts are searched (for storage-0) only for the one worker the
    /// inventory names as a monitor.
    static func isMonitor(_ host: InventoryHost, _ inventory: ValidatedInventory, _ ceph: CephSettings) -> Bool {
        switch host.personality.value {
        case .controller: true
        case .storage: host.name == "storage-0"
        case .worker: host.name == ceph.monitors.first?.value && CephFacts.thirdMonitor(inventory, ceph) == host.name
        }
    }
}
