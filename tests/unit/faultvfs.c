/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "faultvfs.h"

static sqlite3_vfs *real;
static sqlite3_vfs fault;
static enum fault_mode mode;

struct fault_file {
	sqlite3_file base;
	sqlite3_file *real; /* follows this struct in the same allocation */
};

#define REAL(f) (((struct fault_file *)(f))->real)

static int
f_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}

static int
f_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	int rc;

	/* The first page (the header and the schema's root) reads as it is,
	 * so the fault shows where the records are. */
	if (mode == FAULT_READ_IO && off >= 4096)
		return SQLITE_IOERR_READ;
	rc = REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
	if (mode == FAULT_READ_JUNK && off >= 4096 && rc == SQLITE_OK)
		memset(buf, 0x5A, (size_t)n);
	return rc;
}

static int
f_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (mode == FAULT_WRITE_FULL)
		return SQLITE_FULL;
	if (mode == FAULT_WRITE_IO)
		return SQLITE_IOERR_WRITE;
	if (mode == FAULT_WRITE_RO)
		return SQLITE_READONLY;
	return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}

static int
f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int
f_sync(sqlite3_file *f, int flags)
{
	if (mode == FAULT_SYNC_IO) {
		/* The bytes are in the file; only the flush is said to fail. */
		REAL(f)->pMethods->xSync(REAL(f), flags);
		return SQLITE_IOERR_FSYNC;
	}
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int
f_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int
f_lock(sqlite3_file *f, int l)
{
	if (mode == FAULT_LOCK_BUSY && l > SQLITE_LOCK_SHARED)
		return SQLITE_BUSY;
	return REAL(f)->pMethods->xLock(REAL(f), l);
}

static int
f_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}

static int
f_check(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
f_fcntl(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
f_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
f_devchar(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int
f_shmmap(sqlite3_file *f, int pg, int sz, int extend, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, extend, pp);
}

static int
f_shmlock(sqlite3_file *f, int off, int n, int flags)
{
	/* In write-ahead mode the writer's lock is the first lock of the
	 * shared memory. */
	if (mode == FAULT_LOCK_BUSY && off == 0 && (flags & SQLITE_SHM_LOCK) &&
	    (flags & SQLITE_SHM_EXCLUSIVE))
		return SQLITE_BUSY;
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void
f_shmbarrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
f_shmunmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

static const sqlite3_io_methods methods = {
	2, f_close, f_read, f_write, f_truncate, f_sync, f_size, f_lock, f_unlock, f_check,
	f_fcntl, f_sector, f_devchar, f_shmmap, f_shmlock, f_shmbarrier, f_shmunmap,
	NULL, NULL,
};

static int
f_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out)
{
	struct fault_file *ff = (struct fault_file *)file;
	int rc;

	(void)vfs;
	file->pMethods = NULL;
	if (mode == FAULT_OPEN_CANTOPEN)
		return SQLITE_CANTOPEN;
	if (mode == FAULT_OPEN_PERM)
		return SQLITE_PERM;
	ff->real = (sqlite3_file *)(ff + 1);
	rc = real->xOpen(real, name, ff->real, flags, out);
	file->pMethods = rc == SQLITE_OK && ff->real->pMethods != NULL ? &methods : NULL;
	return rc;
}

static int
f_delete(sqlite3_vfs *vfs, const char *name, int sync)
{
	(void)vfs;
	return real->xDelete(real, name, sync);
}

static int
f_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return real->xAccess(real, name, flags, out);
}

static int
f_fullpath(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return real->xFullPathname(real, name, n, out);
}

static int
f_random(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real->xRandomness(real, n, out);
}

static int
f_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return real->xSleep(real, us);
}

static int
f_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return real->xCurrentTime(real, out);
}

static int
f_lasterr(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real->xGetLastError(real, n, out);
}

void
fault_vfs_install(void)
{
	if (real != NULL)
		return;
	real = sqlite3_vfs_find(NULL);
	memset(&fault, 0, sizeof fault);
	fault.iVersion = 1;
	fault.szOsFile = (int)sizeof(struct fault_file) + real->szOsFile;
	fault.mxPathname = real->mxPathname;
	fault.zName = "casebook-fault";
	fault.xOpen = f_open;
	fault.xDelete = f_delete;
	fault.xAccess = f_access;
	fault.xFullPathname = f_fullpath;
	fault.xDlOpen = NULL;
	fault.xRandomness = f_random;
	fault.xSleep = f_sleep;
	fault.xCurrentTime = f_time;
	fault.xGetLastError = f_lasterr;
	sqlite3_vfs_register(&fault, 1);
}

void
fault_vfs_set(enum fault_mode m)
{
	mode = m;
}
