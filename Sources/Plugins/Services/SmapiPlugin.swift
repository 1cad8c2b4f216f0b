import Compiler

/// sysinv's 031_smapi: the Service Management API (port 7777), its keystone user and endpoints,
/// and on controllers the address it binds. SM exists with or without Kubernetes.
public struct SmapiPlugin: ConfigPlugin {
    public init() {}

    static let port = 7777
    static let username = "smapi"

    public let description = PluginDescription(
        identifier: "031_smapi",
        summary: "SM API keystone user, endpoints and bind address",
        reads: ["system.region", "system.https", "networks.mgmt", "networks.oam", "hosts[].personality"],
        writes: ["smapi::", "platform::smapi::params::"]
    )

    public func staticConfig(_ context: PluginContext) -> HieraData {
        var data = HieraData()
        data.set("platform::smapi::params::auth_username", .string(Self.username))
        return data
    }

    public func secureStaticConfig(_ context: PluginContext) -> HieraData {
        let password = YAMLValue.string(context.secrets.password("smapi/keystone"))
        var data = HieraData()
        data.set("smapi::keystone::auth::password", password)
        data.set("smapi::keystone::authtoken::password", password)
        data.set("smapi::auth::auth_password", password)
        data.set("platform::smapi::params::keystone_password", password)
        return data
    }

    public func systemConfig(_ context: PluginContext) -> HieraData {
        let inventory = context.inventory
        let region = inventory.system.region
        let mgmt = inventory.source("controller", .mgmt)
        let identityURI = inventory.internalURL(port: KeystonePlugin.port)
        var data = HieraData()
        data.set("smapi::keystone::authtoken::username", .string(Self.username))
        data.set("smapi::keystone::authtoken::auth_url", .string(identityURI), from: mgmt)
        data.set("smapi::keystone::auth::auth_name", .string(Self.username))
        data.setEndpoints("smapi::keystone::auth::", port: Self.port, inventory)
        data.set("smapi::keystone::auth::region", .string(region.value), from: region.location)
        let params = "platform::smapi::params::"
        data.setEndpoints(params, port: Self.port, inventory)
        data.set(params + "keystone_auth_url", .string(identityURI), from: mgmt)
        data.set(params + "keystone_username", .string(Self.username))
        data.set(params + "port", .int(Self.port))
        data.set(params + "region", .string(region.value), from: region.location)
        return data
    }

    public func hostConfig(_ host: InventoryHost, _ context: PluginContext) -> HieraData {
        var data = HieraData()
        guard host.isController else { return data }
        let inventory = context.inventory
        data.set("platform::smapi::params::bind_ip", YAMLValue(inventory.unitAddress(of: host, on: .mgmt)), from: inventory.source(host.name, .mgmt))
        return data
    }
}
