import FuzzDriver
import Foundation
import Compiler

// An application tarball past gzip: the input is the tar stream, read and checked as an upload
// reads it. Inflating is the system's gzip; fuzzing through it would only slow every run.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in
    let tar = count == 0 ? Data() : Data(bytes: data!, count: count)
    _ = try? ApplicationTarball.read(tar: tar, archive: Data(), tarball: "fuzz.tgz")
    return 0
})
