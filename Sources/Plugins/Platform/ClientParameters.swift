import Compiler

/// `platform::client::params`: how an operator's shell reaches the platform keystone. Puppet
/// renders /etc/platform/openrc from these keys and 900_openrc writes `platform/openrc` from the
/// same value, computed from the inventory, so the two cannot disagree and openrc has every
/// field by construction rather than an empty one when a key is missing.
struct ClientParameters {
    static let prefix = "platform::client::params::"

    let adminUsername = KeystonePlugin.adminUser
    let adminProjectName = "admin"
    let adminUserDomain = "Default"
    let adminProjectDomain = "Default"
    let identityRegion: Located<String>
    /// The platform keystone's v3 API on the mgmt floating address.
    let identityAuthURL: String
    private let identitySources: [SourceLocation]

    init(_ inventory: ValidatedInventory) {
        identityRegion = inventory.system.region
        identityAuthURL = inventory.internalURL(port: KeystonePlugin.port) + "/v3"
        identitySources = inventory.source("controller", .mgmt)
    }

    /// The keys as 007_keystone writes them to the system hiera.
    var hiera: HieraData {
        var data = HieraData()
        let region = YAMLValue.string(identityRegion.value)
        data.set(Self.prefix + "admin_username", .string(adminUsername))
        data.set(Self.prefix + "admin_project_name", .string(adminProjectName))
        data.set(Self.prefix + "admin_user_domain", .string(adminUserDomain))
        data.set(Self.prefix + "admin_project_domain", .string(adminProjectDomain))
        data.set(Self.prefix + "identity_region", region, from: identityRegion.location)
        data.set(Self.prefix + "identity_auth_url", .string(identityAuthURL), from: identitySources)
        data.set(Self.prefix + "keystone_identity_region", region, from: identityRegion.location)
        data.set(Self.prefix + "auth_region", region, from: identityRegion.location)
        return data
    }
}
