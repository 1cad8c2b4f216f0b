import Compiler

/// /etc/platform/openrc, which puppet's `platform::client` renders from
/// `platform::client::params`. It is made here from the same hiera values, so the two cannot
/// disagree. The password is read at login from the keyring script, never written in the file.
/// Every value is one shell word (`ShellWord`): sourcing the file runs nothing an inventory says.
public struct OpenrcPlugin: ConfigPlugin {
    public init() {}

    public static let path = "platform/openrc"

    public let description = PluginDescription(
        identifier: "900_openrc",
        summary: "`platform/openrc`: admin credentials environment for operators' shells",
        reads: ["platform::client::params::* (system hiera)", "platform::client::credentials::params::keyring_file"],
        writes: ["platform/openrc"]
    )

    public func files(_ context: PluginContext) -> [OutputFile] {
        let hiera = context.earlier
        func value(_ key: String) -> String {
            if case let .string(text)? = hiera["platform::client::params::" + key] { return ShellWord.quote(text) }
            return ShellWord.quote("")
        }
        let version = context.inventory.system.softwareVersion.value
        let keyringFile = KeystonePlugin.keyringFile(version: version)
        let text = """
        unset OS_SERVICE_TOKEN

        export OS_ENDPOINT_TYPE=internalURL
        export CINDER_ENDPOINT_TYPE=internalURL

        export OS_USERNAME=\(value("admin_username"))
        export OS_PASSWORD=`TERM=linux \(ShellWord.quote(keyringFile)) 2>/dev/null`
        export OS_AUTH_TYPE=password
        export OS_AUTH_URL=\(value("identity_auth_url"))

        export OS_PROJECT_NAME=\(value("admin_project_name"))
        export OS_USER_DOMAIN_NAME=\(value("admin_user_domain"))
        export OS_PROJECT_DOMAIN_NAME=\(value("admin_project_domain"))
        export OS_IDENTITY_API_VERSION=3
        export OS_REGION_NAME=\(value("identity_region"))
        export OS_INTERFACE=internal

        if [ ! -z "${OS_PASSWORD}" ]; then
            export PS1='[\\u@\\h \\W(keystone_$OS_USERNAME)]\\$ '
        else
            echo 'Openstack Admin credentials can only be loaded from the active controller.'
            export PS1='\\h:\\w\\$ '
        fi

        """
        return [OutputFile(path: Self.path, content: .text(text))]
    }
}
