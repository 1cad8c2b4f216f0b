#ifndef SYSINVC_CFILESYNC_H
#define SYSINVC_CFILESYNC_H

/// syncfs(2): flushes every file of the filesystem holding `fd` in one call (sync(2) where there
/// is no syncfs). Glibc declares syncfs only under _GNU_SOURCE, which Swift's Glibc module does
/// not define.
int sysinvc_syncfs(int fd);

/// sync_file_range(2) with SYNC_FILE_RANGE_WRITE: starts writing the file's data to the disk
/// and returns without waiting, so that the device works while the rest of a tree is written
/// and the sync that ends the write finds little left to do. Nothing where there is no such call.
void sysinvc_start_writeback(int fd);

/// renameat2(2) with RENAME_NOREPLACE: renames `from` (in `from_directory`) to `to` (in
/// `to_directory`) only if `to` does not exist, failing with EEXIST otherwise. Directories move
/// as a whole.
int sysinvc_rename_noreplace(int from_directory, const char *from, int to_directory, const char *to);

#endif
