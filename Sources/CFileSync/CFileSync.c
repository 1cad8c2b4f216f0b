#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include "CFileSync.h"

int sysinvc_syncfs(int fd) {
#if defined(__linux__)
    return syncfs(fd);
#else
    (void)fd;
    sync();
    return 0;
#endif
}

void sysinvc_start_writeback(int fd) {
#if defined(__linux__)
    // Only a hint: a failure here leaves the data for the sync that follows.
    (void)sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
    (void)fd;
#endif
}

int sysinvc_rename_noreplace(int from_directory, const char *from, int to_directory, const char *to) {
#if defined(__linux__) && defined(RENAME_NOREPLACE)
    if (renameat2(from_directory, from, to_directory, to, RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return -1;
#endif
    // Without renameat2 (or on a filesystem that refuses the flag): look, then rename. The
    // caller holds the output directory's lock, so no other sysinvc run creates the name between.
    struct stat status;
    if (fstatat(to_directory, to, &status, AT_SYMLINK_NOFOLLOW) == 0) {
        errno = EEXIST;
        return -1;
    }
    return renameat(from_directory, from, to_directory, to);
}
