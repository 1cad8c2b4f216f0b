import Compiler

/// sysinv's 010_nfv: the VIM, its keystone endpoints and the OpenStack it manages. Until the
/// stx-openstack application is applied there is no OpenStack to manage, so every OpenStack
/// plugin and endpoint of the VIM is disabled; once applied they are enabled and point at the
/// keystone running in pods.
public struct NfvPlugin: ConfigPlugin {
    public init() {}

    static let port = 4545
    static let platformKeyringService = "CGCS"
    static let podKeystoneHost = "keystone.openstack.svc.cluster.local"
    static let disableFlags = [
        "nfv::vim::block_storage_plugin_disabled", "nfv::vim::compute_plugin_disabled", "nfv::vim::network_plugin_disabled",
        "nfv::vim::image_plugin_disabled", "nfv::vim::guest_plugin_disabled", "nfv::vim::fault_mgmt_plugin_disabled",
        "nfv::nfvi::nova_endpoint_disabled", "nfv::nfvi::neutron_endpoint_disabled", "nfv::nfvi::cinder_endpoint_disabled",
        "nfv::alarm::fault_mgmt_endpoint_disabled", "nfv::event_log::fault_mgmt_endpoint_disabled",
    ]

    public let description = PluginDescription(
        identifier: "010_nfv",
        summary: "the VIM: keystone endpoints, NFVI credentials, OpenStack plugins enabled only when stx-openstack is applied",
        reads: ["system.region", "system.mode", "system.https", "system.software_version", "networks.mgmt", "networks.oam", "applications"],
        writes: ["nfv::", "platform::nfv::params::"]
    )

    public func secureStaticConfig(_ context: PluginContext) -> HieraData {
        var data = HieraData()
        data.set("nfv::keystone::auth::password", .string(context.secrets.password("nfv/keystone")))
        return data
    }

    public func systemConfig(_ context: PluginContext) -> HieraData {
        let inventory = context.inventory
        let system = inventory.system
        let region = system.region
        let mgmt = inventory.source("controller", .mgmt)
        let mgmtFloating = YAMLValue(inventory.floating(.mgmt))
        var data = HieraData()
        data.setEndpoints("nfv::keystone::auth::", port: Self.port, inventory)
        data.set("nfv::keystone::auth::auth_name", "vim")
        data.set("nfv::keystone::auth::region", .string(region.value), from: region.location)
        data.set("nfv::keystone::auth::tenant", "services")

        data.set("nfv::nfvi::host_listener_host", mgmtFloating, from: mgmt)
        data.set("nfv::nfvi::platform_username", .string(KeystonePlugin.adminUser))
        data.set("nfv::nfvi::platform_tenant", "admin")
        data.set("nfv::nfvi::platform_auth_host", .string(inventory.mgmtFloatingURL), from: mgmt)
        data.set("nfv::nfvi::platform_user_domain", "Default")
        data.set("nfv::nfvi::platform_project_domain", "Default")
        data.set("nfv::nfvi::platform_keyring_service", .string(Self.platformKeyringService))
        data.set("nfv::nfvi::keystone_region_name", .string(region.value), from: region.location)
        data.set("nfv::nfvi::keystone_service_name", "keystone")
        data.set("nfv::nfvi::keystone_service_type", "identity")
        for service in ["sysinv", "patching", "fm"] {
            data.set("nfv::nfvi::\(service)_region_name", .string(region.value), from: region.location)
        }

        data.set("nfv::vim::vim_api_ip", mgmtFloating, from: mgmt)
        data.set("nfv::vim::vim_webserver_ip", YAMLValue(inventory.floating(.oam)), from: inventory.source("controller", .oam))
        data.set("nfv::vim::instance_single_hypervisor", .bool(inventory.isSimplex), from: system.mode.location)
        data.set("nfv::vim::sw_mgmt_single_controller", .bool(inventory.isSimplex), from: system.mode.location)
        for module in ["alarm", "event_log", "vim"] {
            data.set("nfv::\(module)::fault_management_pod_disabled", true)
        }
        data.set("platform::nfv::params::service_create", true)
        data.merge(openstackConfig(inventory))
        return data
    }

    /// Which keystone the VIM asks for OpenStack services, and whether it talks to them at all.
    func openstackConfig(_ inventory: ValidatedInventory) -> HieraData {
        let applied = inventory.isApplied("stx-openstack")
        let region = inventory.system.region
        var data = HieraData()
        let modules = applied ? ["nfvi", "alarm", "event_log"] : ["nfvi"]
        for module in modules {
            let prefix = "nfv::\(module)::openstack_"
            data.set(prefix + "username", .string(KeystonePlugin.adminUser))
            data.set(prefix + "tenant", "admin")
            data.set(prefix + "auth_host", applied ? .string(Self.podKeystoneHost) : .string(inventory.mgmtFloatingURL),
                     from: applied ? [] : inventory.source("controller", .mgmt))
            data.set(prefix + "user_domain", applied ? "default" : "Default")
            data.set(prefix + "project_domain", applied ? "default" : "Default")
            data.set(prefix + "keyring_service", .string(Self.platformKeyringService))
        }
        if applied {
            for service in ["nova", "cinder", "glance", "neutron", "heat", "ceilometer"] {
                data.set("nfv::nfvi::\(service)_region_name", .string(region.value), from: region.location)
            }
            data.set("nfv::nfvi::compute_rest_api_host", YAMLValue(inventory.floating(.mgmt)), from: inventory.source("controller", .mgmt))
            // The containerized services, reached through their in-cluster names.
            data.set("nfv::nfvi::nova_endpoint_override", "http://nova-api.openstack.svc.cluster.local:8774")
            data.set("nfv::nfvi::cinder_service_name", "cinderv2")
            data.set("nfv::nfvi::cinder_service_type", "volumev2")
            data.set("nfv::nfvi::glance_service_name", "glance")
            data.set("nfv::nfvi::glance_service_type", "image")
            data.set("nfv::nfvi::rabbit_host", "rabbitmq.openstack.svc.cluster.local")
            data.set("nfv::nfvi::rabbit_port", 5672)
            data.set("nfv::nfvi::rabbit_virtual_host", "nova")
            data.set("nfv::nfvi::rabbit_userid", "rabbitmq-admin")
        }
        for flag in Self.disableFlags {
            data.set(flag, .bool(!applied))
        }
        return data
    }

    /// The VIM reads nova's notifications as the rabbitmq admin of the OpenStack application.
    public func secureSystemConfig(_ context: PluginContext) -> HieraData {
        var data = HieraData()
        guard context.inventory.isApplied("stx-openstack") else { return data }
        data.set("nfv::nfvi::rabbit_password", .string(context.secrets.password("rabbitmq/admin")))
        return data
    }

    public func hostConfig(_ host: InventoryHost, _ context: PluginContext) -> HieraData {
        var data = HieraData()
        guard host.isController else { return data }
        let version = context.inventory.system.softwareVersion
        data.set("nfv::vim::database_dir", .string("/opt/platform/nfv/vim/\(version.value)"), from: version.location)
        return data
    }
}
