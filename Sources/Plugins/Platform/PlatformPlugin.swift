import Compiler
import Foundation

/// sysinv's 001_platform: `platform::params`, `platform::config::params` (with the /etc/hosts
/// map), amqp, dns, haproxy, sm multicast, drbd, ntp, ptp, sysctl, remote logging, snmp, users,
/// and the compute CPU and hugepage keys of worker hosts.
public struct PlatformPlugin: ConfigPlugin {
    public init() {}

    public let description = PluginDescription(
        identifier: "001_platform",
        summary: "`platform::params`, `platform::config::params` (with the /etc/hosts map), amqp, dns, haproxy, SM multicast, "
            + "drbd, ntp, ptp, sysctl, remote logging, snmp, sysadmin user, compute CPU and hugepage keys",
        reads: ["system", "networks", "hosts[].cpus", "hosts[].memory", "hosts[].interfaces", "applications"],
        writes: ["platform::params::", "platform::config::params::", "platform::amqp::", "platform::dns::",
                 "platform::haproxy::", "platform::sm::params::", "platform::drbd::", "platform::ntp::",
                 "platform::ptp::", "platform::sysctl::", "platform::remotelogging::params::",
                 "platform::snmp::params::", "platform::users::params::", "platform::compute::",
                 "platform::vswitch::params::hugepage_dir", "sysinv::agent::lldp_drivers"]
    )

    public func staticConfig(_ context: PluginContext) -> HieraData {
        var data = HieraData()
        let version = context.inventory.system.softwareVersion
        data.set("platform::params::software_version", .string(version.value), from: version.location)
        return data
    }

    public func secureStaticConfig(_ context: PluginContext) -> HieraData {
        var data = HieraData()
        data.set("platform::amqp::params::auth_password", .string(context.secrets.password("amqp/rabbit")))
        return data
    }

    public func systemConfig(_ context: PluginContext) -> HieraData {
        let inventory = context.inventory
        let system = inventory.system
        var data = HieraData()
        data.set("platform::params::controller_upgrade", false)
        data.set("platform::params::config_path", .string("/opt/platform/config/\(system.softwareVersion.value)/"), from: system.softwareVersion.location)
        data.set("platform::params::security_profile", .string(system.securityProfile), from: system.sectionLocation)
        data.set("platform::params::security_feature", "nopti nospectre_v2 nospectre_v1")
        data.set("platform::config::params::timezone", .string(system.timezone.value), from: system.timezone.location)
        data.set("platform::params::vswitch_type", .string(system.vswitch.value.rawValue), from: system.vswitch.location)
        data.set("platform::params::stx_openstack_applied", .bool(inventory.isApplied("stx-openstack")))
        data.set("platform::params::sdn_enabled", false)
        if let role = system.distributedCloud {
            data.set("platform::params::distributed_cloud_role", .string(role.value.rawValue), from: role.location)
        }

        let mgmt = inventory.source("controller", .mgmt)
        data.set("platform::amqp::params::host", YAMLValue(inventory.floating(.mgmt)), from: mgmt)
        data.set("platform::amqp::params::host_url", .string(inventory.mgmtFloatingURL), from: mgmt)
        data.set("platform::dns::resolv::servers",
                 .list([YAMLValue(inventory.floating(.mgmt))] + system.dnsServers.map { .string($0.value.description) }),
                 from: mgmt + system.dnsServers.map(\.location))
        data.set("platform::haproxy::params::public_ip_address", YAMLValue(inventory.floating(.oam)), from: inventory.source("controller", .oam))
        data.set("platform::haproxy::params::private_ip_address", YAMLValue(inventory.floating(.mgmt)), from: mgmt)
        data.set("platform::haproxy::params::enable_https", .bool(system.httpsEnabled.value), from: system.httpsEnabled.location)

        // sysinv gives SM the management multicast address for the cluster-host network too.
        let multicast = inventory.address("sm-mgmt-ip", .multicast)
        let multicastSource = inventory.source("sm-mgmt-ip", .multicast)
        data.set("platform::sm::params::mgmt_ip_multicast", YAMLValue(multicast), from: multicastSource)
        data.set("platform::sm::params::cluster_host_ip_multicast", YAMLValue(multicast), from: multicastSource)

        let drbd = system.drbd
        data.set("platform::drbd::params::link_util", .string(String(drbd.linkUtil.value)), from: drbd.linkUtil.location)
        data.set("platform::drbd::params::num_parallel", .string(String(drbd.numParallel.value)), from: drbd.numParallel.location)
        data.set("platform::drbd::params::rtt_ms", .string(YAMLRenderer.formatFloat(drbd.rttMs.value)), from: drbd.rttMs.location)

        data.set("platform::remotelogging::params::enabled", false)
        data.set("platform::remotelogging::params::ip_address", .null)
        data.set("platform::remotelogging::params::port", 514)
        data.set("platform::remotelogging::params::transport", "udp")

        data.set("platform::snmp::params::system_name", .string(system.name.value), from: system.name.location)
        data.set("platform::snmp::params::system_location", system.location.map(YAMLValue.string) ?? .null)
        data.set("platform::snmp::params::system_contact", system.contact.map(YAMLValue.string) ?? .null)
        data.set("platform::snmp::params::community_strings", [])
        data.set("platform::snmp::params::trap_destinations", [])
        return data
    }

    public func secureSystemConfig(_ context: PluginContext) -> HieraData {
        var data = HieraData()
        let secrets = context.secrets
        // The shadow hash of the sysadmin password: puppet sets it without seeing the password.
        data.set("platform::users::params::sysadmin_password",
                 .string(SHA512Crypt.hash(password: secrets.password("sysadmin"), salt: secrets.token("sysadmin/salt", length: 16))))
        data.set("platform::users::params::sysadmin_password_max_age", 45)
        return data
    }

    public func hostConfig(_ host: InventoryHost, _ context: PluginContext) -> HieraData {
        let inventory = context.inventory
        let system = inventory.system
        var data = HieraData()
        let hosts = hostsMap(for: host, inventory)
        data.set("platform::config::params::hosts", hosts.value, from: hosts.sources)

        let mgmtInterface = inventory.interface(of: host, carrying: .mgmt)
        let mtu = mgmtInterface?.mtu.value ?? 1500
        data.set("platform::params::nfs_rw_size", .int((mtu / 1024) * 1024), from: mgmtInterface.map { [$0.mtu.location] } ?? [])
        let nfs = inventory.address("controller-platform-nfs", .mgmt)
        data.set("platform::params::nfs_proto", nfs?.family == 6 ? "udp6" : "udp", from: inventory.source("controller-platform-nfs", .mgmt))
        data.set("platform::params::hostname", .string(host.name), from: host.hostname.location)
        data.set("platform::params::software_version", .string(system.softwareVersion.value), from: system.softwareVersion.location)
        data.set("platform::config::params::config_uuid", .string(configUUID(host, inventory)), from: host.location)

        if host.isController {
            let mate = host.name == "controller-0" ? "controller-1" : "controller-0"
            for unit in ["controller-0", "controller-1"] {
                guard let address = inventory.address(unit, .mgmt) else { continue }
                let key = unit.replacingOccurrences(of: "-", with: "_")
                data.set("platform::params::\(key)_ipaddress", .string(address.description), from: inventory.source(unit, .mgmt))
                data.set("platform::params::\(key)_hostname", .string(unit))
            }
            if let mateAddress = inventory.address(mate, .mgmt), inventory.host(named: mate) != nil {
                data.set("platform::params::mate_hostname", .string(mate))
                data.set("platform::params::mate_ipaddress", .string(mateAddress.description), from: inventory.source(mate, .mgmt))
            }
        }
        data.set("platform::params::system_name", .string(system.name.value), from: system.name.location)
        data.set("platform::params::system_mode", .string(system.mode.value.rawValue), from: system.mode.location)
        data.set("platform::params::system_type", .string(system.type.value.sysinvName), from: system.type.location)
        if let cpus = host.cpus {
            data.set("platform::params::platform_cpu_count", .int(cpus.platform.count), from: cpus.platform.map(\.location))
        }

        let ntpServers: [YAMLValue]
        if host.isController {
            ntpServers = system.ntpServers.map { .string($0.value) }
        } else {
            ntpServers = ["controller-0", "controller-1"].compactMap { inventory.address($0, .mgmt) }.map { .string($0.description) }
        }
        data.set("platform::ntp::enabled", .bool(!ntpServers.isEmpty), from: system.ntpServers.map(\.location))
        data.set("platform::ntp::servers", .list(ntpServers), from: system.ntpServers.map(\.location))
        data.set("platform::ntp::ntpdate_timeout", ntpServers.isEmpty ? "30" : "180")

        data.set("platform::ptp::enabled", false)
        data.set("platform::ptp::mode", "hardware")
        data.set("platform::ptp::transport", "l2")
        data.set("platform::ptp::mechanism", "e2e")
        data.set("platform::sysctl::params::low_latency", .bool(host.isLowLatency), from: host.location)
        if system.type.value == .allInOne, let cpus = host.cpus, !cpus.platform.isEmpty {
            data.set("platform::drbd::params::cpumask", .string(ComputeKeys.hexMask(cpus.platform.map(\.value))), from: cpus.platform.map(\.location))
        }
        if host.hasWorkerSubfunction {
            data.merge(ComputeKeys.cpuKeys(host))
            data.merge(ComputeKeys.memoryKeys(host))
        }
        data.set("sysinv::agent::lldp_drivers", ["lldpd"])
        return data
    }

    /// The /etc/hosts entries sysinv writes, skipping names the plan does not hold.
    /// The map and the lines of the addresses it names (not every address of the system: each
    /// host's file would then carry a list growing with the system). All but the host's own
    /// cluster-host entry are the same for every host, and are looked up once per compile.
    func hostsMap(for host: InventoryHost, _ inventory: ValidatedInventory) -> (value: YAMLValue, sources: [SourceLocation]) {
        var entries = inventory.derived(HostsFileEntries.init)
        entries.add("\(host.name)-cluster-host", host.name, .clusterHost, inventory)
        return (.map(entries.entries), entries.sources.sorted())
    }

    /// The /etc/hosts entries every host has.
    private struct HostsFileEntries: Sendable {
        var entries: [String: YAMLValue] = [:]
        var sources: [SourceLocation] = []

        init(_ inventory: ValidatedInventory) {
            for name in ["controller", "controller-0", "controller-1", "controller-platform-nfs", "controller-nfs"] {
                add(name, name, .mgmt, inventory)
            }
            add("pxecontroller", "controller", .pxeboot, inventory)
            add("oamcontroller", "controller", .oam, inventory)
            for name in ["controller-cinder", "storage-0", "storage-1"] {
                add(name, name, .mgmt, inventory)
            }
            for name in ["controller-0", "controller-1", "storage-0", "storage-1"] {
                add("\(name)-cluster-host", name, .clusterHost, inventory)
            }
        }

        mutating func add(_ hostname: String, _ name: String, _ network: NetworkType, _ inventory: ValidatedInventory) {
            guard let planned = inventory.addresses[name, network] else { return }
            entries[hostname] = ["ip": .string(planned.address.description)]
            sources.append(planned.source)
        }
    }

    /// sysinv stamps each host's configuration with a uuid; here it is derived from the system
    /// and host names so that compiles stay reproducible.
    func configUUID(_ host: InventoryHost, _ inventory: ValidatedInventory) -> String {
        StableUUID.named("\(inventory.system.name.value)/\(host.name)")
    }
}
