import Compiler

/// sysinv's 007_keystone: the platform keystone (bare metal, serving the platform services),
/// its endpoints, `platform::client::params` (which /etc/platform/openrc is made from) and
/// `openstack::keystone::params`.
public struct KeystonePlugin: ConfigPlugin {
    public init() {}

    static let port = 5000
    static let adminUser = "admin"

    public let description = PluginDescription(
        identifier: "007_keystone",
        summary: "platform keystone, its endpoints, `platform::client::params` and `openstack::keystone::params`",
        reads: ["system.region", "system.software_version", "system.https", "networks.mgmt", "networks.oam", "applications"],
        writes: ["keystone::", "platform::client::", "openstack::keystone::params::",
                 "CONFIG_KEYSTONE_ADMIN_USERNAME"]
    )

    public func staticConfig(_ context: PluginContext) -> HieraData {
        let version = context.inventory.system.softwareVersion
        let keyringDirectory = Self.keyringDirectory(version: version.value)
        var data = HieraData()
        data.set("keystone::db::postgresql::user", "admin-keystone")
        data.set(ClientParameters.prefix + "admin_username", .string(Self.adminUser))
        data.set("platform::client::credentials::params::keyring_base", "/opt/platform/.keyring")
        data.set("platform::client::credentials::params::keyring_directory", .string(keyringDirectory), from: version.location)
        data.set("platform::client::credentials::params::keyring_file", .string(Self.keyringFile(version: version.value)), from: version.location)
        return data
    }

    /// Where the platform keeps the admin credential of a release, and the script that prints it.
    static func keyringDirectory(version: String) -> String { "/opt/platform/.keyring/\(version)" }
    static func keyringFile(version: String) -> String { keyringDirectory(version: version) + "/.CREDENTIAL" }

    public func secureStaticConfig(_ context: PluginContext) -> HieraData {
        let secrets = context.secrets
        var data = HieraData()
        data.set("keystone::database_connection", .string(databaseURL(host: "localhost", secrets)))
        data.set("keystone::admin_password", .string(secrets.password("keystone/admin")))
        data.set("keystone::roles::admin::password", .string(secrets.password("keystone/admin")))
        data.set("keystone::admin_token", .string(secrets.token("keystone/admin-token", length: 32)))
        data.set("keystone::db::postgresql::password", .string(secrets.password("keystone/database")))
        return data
    }

    public func systemConfig(_ context: PluginContext) -> HieraData {
        let inventory = context.inventory
        let system = inventory.system
        let region = system.region
        let mgmt = inventory.source("controller", .mgmt)
        let identityURI = inventory.internalURL(port: Self.port)
        var data = HieraData()
        data.set("keystone::public_bind_host", YAMLValue(inventory.floating(.mgmt)), from: mgmt)
        data.set("keystone::admin_bind_host", YAMLValue(inventory.floating(.mgmt)), from: mgmt)
        data.setEndpoints("keystone::endpoint::", port: Self.port, inventory)
        data.set("keystone::endpoint::region", .string(region.value), from: region.location)
        data.set("keystone::roles::admin::admin", .string(Self.adminUser))

        data.merge(ClientParameters(inventory).hiera)

        let params = "openstack::keystone::params::"
        data.set(params + "api_version", "v3")
        data.set(params + "identity_uri", .string(identityURI), from: mgmt)
        data.set(params + "auth_uri", .string(identityURI), from: mgmt)
        data.set(params + "host_url", .string(inventory.mgmtFloatingURL), from: mgmt)
        data.set(params + "region_name", .string(region.value), from: region.location)
        data.set(params + "system_controller_region", "SystemController")
        data.set(params + "service_create", true)
        if inventory.isApplied("stx-openstack") {
            let scheme = system.httpsEnabled.value ? "https" : "http"
            data.set(params + "openstack_auth_uri", .string("\(scheme)://keystone.openstack.svc.cluster.local:80"), from: system.httpsEnabled.location)
        }
        data.set("CONFIG_KEYSTONE_ADMIN_USERNAME", .string(Self.adminUser))
        return data
    }

    public func secureSystemConfig(_ context: PluginContext) -> HieraData {
        let secrets = context.secrets
        let host = context.inventory.mgmtFloatingURL
        var data = HieraData()
        data.set("keystone::admin_password", .string(secrets.password("keystone/admin")))
        data.set("keystone::roles::admin::password", .string(secrets.password("keystone/admin")))
        data.set("keystone::database_connection", .string(databaseURL(host: host, secrets)), from: context.inventory.source("controller", .mgmt))
        return data
    }

    func databaseURL(host: String, _ secrets: SecretStore) -> String {
        "postgresql://admin-keystone:\(secrets.password("keystone/database"))@\(host)/keystone"
    }
}
