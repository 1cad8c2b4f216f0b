import Compiler

/// /etc/platform/openrc, which puppet's `platform::client` renders from
/// `platform::client::params`. It is made here from the same `ClientParameters`, so the two
/// cannot disagree. The password is read at login from the keyring script, never written in the file.
/// Every value is one shell word (`ShellWord`): sourcing the file runs nothing an inventory says.
public struct OpenrcPlugin: ConfigPlugin {
    public init() {}

    public static let path = "platform/openrc"

    public let description = PluginDescription(
        identifier: "900_openrc",
        summary: "`platform/openrc`: admin credentials environment for operators' shells",
        reads: ["system.region", "system.software_version", "networks.mgmt"],
        writes: ["platform/openrc"]
    )

    public func files(_ context: PluginContext) -> [OutputFile] {
        let client = ClientParameters(context.inventory)
        let version = context.inventory.system.softwareVersion.value
        let keyringFile = KeystonePlugin.keyringFile(version: version)
        let text = """
        unset OS_SERVICE_TOKEN

        export OS_ENDPOINT_TYPE=internalURL
        export CINDER_ENDPOINT_TYPE=internalURL

        export OS_USERNAME=\(ShellWord.quote(client.adminUsername))
        export OS_PASSWORD=`TERM=linux \(ShellWord.quote(keyringFile)) 2>/dev/null`
        export OS_AUTH_TYPE=password
        export OS_AUTH_URL=\(ShellWord.quote(client.identityAuthURL))

        export OS_PROJECT_NAME=\(ShellWord.quote(client.adminProjectName))
        export OS_USER_DOMAIN_NAME=\(ShellWord.quote(client.adminUserDomain))
        export OS_PROJECT_DOMAIN_NAME=\(ShellWord.quote(client.adminProjectDomain))
        export OS_IDENTITY_API_VERSION=3
        export OS_REGION_NAME=\(ShellWord.quote(client.identityRegion.value))
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
