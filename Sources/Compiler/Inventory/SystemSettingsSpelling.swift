/// The vswitch type and distributed cloud role as the inventory spells them, for the callers
/// that still compare the text; they move to `runsPlatformVswitch` and `isSystemController`, and
/// these go with the last of them.
extension SystemSettings {
    @available(*, deprecated, message: "use runsPlatformVswitch or compare vswitch")
    public var vswitchType: Located<String> { Located(vswitch.value.rawValue, at: vswitch.location) }

    @available(*, deprecated, message: "use isSystemController or compare distributedCloud")
    public var distributedCloudRole: Located<String>? {
        distributedCloud.map { Located($0.value.rawValue, at: $0.location) }
    }
}
