/* SPDX-License-Identifier: MIT */
/* A VFS for tests that passes everything to the real one, but can be told
 * to fail writes or syncs the way a full or failing disk does. The files
 * are real; only the failure is injected. */
#ifndef CASEBOOK_FAULTVFS_H
#define CASEBOOK_FAULTVFS_H

enum fault_mode {
	FAULT_NONE,
	FAULT_WRITE_FULL, /* every write: SQLITE_FULL, as with ENOSPC */
	FAULT_WRITE_IO,   /* every write: SQLITE_IOERR_WRITE */
	FAULT_SYNC_IO     /* writes land, then fsync fails: outcome unknown */
};

/* Register as the default VFS (once), and set the mode. */
void fault_vfs_install(void);
void fault_vfs_set(enum fault_mode mode);

#endif
