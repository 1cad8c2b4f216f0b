#ifndef SYSINVC_CFILESYNC_H
#define SYSINVC_CFILESYNC_H

/// syncfs(2): flushes every file of the filesystem holding `fd` in one call (sync(2) where there
/// is no syncfs). Glibc declares syncfs only under _GNU_SOURCE, which Swift's Glibc module does
/// not define.
int sysinvc_syncfs(int fd);

#endif
