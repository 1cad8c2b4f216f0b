/// The one way a value enters a generated shell script (openrc, armada-apply.sh): as a single
/// word that the POSIX shell reads back as exactly that text, whatever it holds. Plain words made
/// only of characters the shell gives no meaning keep their look; anything else is put in single
/// quotes, where the shell interprets nothing, with each `'` written as `'\''`.
public enum ShellWord {
    public static func quote(_ value: String) -> String {
        if !value.isEmpty && value.unicodeScalars.allSatisfy(isPlain) { return value }
        return "'" + value.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// Letters, digits and `@%+=:,./_-`: no expansion, globbing, splitting or redirection.
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "@", "%", "+", "=", ":", ",", ".", "/", "_", "-": return true
        default: return false
        }
    }
}
