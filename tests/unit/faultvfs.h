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
	FAULT_SYNC_IO,    /* writes land, then fsync fails: outcome unknown */
	FAULT_WRITE_RO,   /* every write: SQLITE_READONLY, as with a read-only mount */
	FAULT_READ_IO,    /* reads past the first page: SQLITE_IOERR_READ */
	FAULT_READ_JUNK,  /* reads past the first page return junk: a damaged file */
	FAULT_OPEN_CANTOPEN, /* opening any file: SQLITE_CANTOPEN */
	FAULT_OPEN_PERM,  /* opening any file: SQLITE_PERM */
	FAULT_LOCK_BUSY   /* every lock beyond shared: SQLITE_BUSY, another holds it */
};

/* Register as the default VFS (once), and set the mode. */
void fault_vfs_install(void);
void fault_vfs_set(enum fault_mode mode);

#endif
