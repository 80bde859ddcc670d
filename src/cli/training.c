/* SPDX-License-Identifier: MIT */
/* Training mode's scratch copy: a private folder holding a fresh database
 * of the sample families, their dates moved so that they look current.
 * It is made anew each time and removed on the way out, and the real
 * database is never opened. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "casebook/cli.h"
#include "casebook/date.h"
#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/import.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/workbook_import.h"
#include "cli.h"

#define SCRATCH_PREFIX "casebook-training."
#define SCRATCH_DB "training.db"
/* The pid of the casebook using a scratch copy, so that a later start can
 * tell a copy left by a killed run from one in use. */
#define SCRATCH_OWNER "owner.pid"
/* A copy with no owner file yet is being made; after this long it never
 * will be. */
#define SCRATCH_UNOWNED_SECONDS 3600

/* A folder of our own to make the scratch folder in: the runtime folder,
 * which is private, in memory and emptied at logout, when it can be used;
 * else TMPDIR or /tmp. */
static const char *
scratch_base(void)
{
	const char *dirs[] = {getenv("XDG_RUNTIME_DIR"), getenv("TMPDIR"), "/tmp"};
	struct stat sb;
	size_t i;

	for (i = 0; i < sizeof dirs / sizeof *dirs; i++) {
		const char *d = dirs[i];

		if (d == NULL || d[0] != '/' || stat(d, &sb) != 0 || !S_ISDIR(sb.st_mode) ||
		    access(d, W_OK | X_OK) != 0)
			continue;
		/* The runtime folder must be ours alone; a shared one is not
		 * what XDG promises. */
		if (i == 0 && (sb.st_uid != getuid() || (sb.st_mode & 077) != 0))
			continue;
		return d;
	}
	return "/tmp";
}

static int
load_samples(struct cli *c, const char *db_path)
{
	struct cb_import_options opt = {true, cb_date_today()};
	struct cb_import_plan *plan = cb_import_plan_new(&opt);
	struct cb_import_report report;
	struct cb_refdata *ref = NULL;
	struct cb_programme prog;
	struct cb_store *s = NULL;
	struct cb_diags diags;
	struct cb_err err = {0};
	char *dir = cb_asprintf("%s/data/sample", cli_datadir());
	bool inconsistent = false;
	int rc;

	cb_programme_init(&prog);
	cb_diags_init(&diags);
	if ((rc = cli_refdata(&ref)) != 0)
		goto out;
	/* The same programme the workbook shows; its own problems are for
	 * 'modules check', and anything they stop shows below. */
	cli_programme(c, ref, &prog, &inconsistent, &diags);
	cb_diags_clear(&diags);
	if (cb_import_read_dir(plan, dir, ref, &prog, &diags) != 0) {
		cli_import_problems(&diags);
		rc = CB_EXIT_FAIL;
		goto out;
	}
	if (cb_store_open(db_path, CB_STORE_CREATE, &s, &err) != 0) {
		rc = cli_fail(&err);
		goto out;
	}
	rc = cli_import_run(s, plan, &report, &diags);
out:
	if (rc != 0)
		cli_error(_("the sample families in %s could not be loaded, so training mode cannot "
		            "start: check the installation (or CASEBOOK_DATADIR)"), dir);
	cb_store_close(&s);
	cb_import_plan_free(&plan);
	cb_diags_clear(&diags);
	cb_programme_clear(&prog);
	cb_refdata_free(&ref);
	free(dir);
	return rc;
}

/* Whether the copy in dir was left by a run that is no longer alive. */
static bool
scratch_abandoned(const char *dir, const struct stat *sb)
{
	char *owner = cb_asprintf("%s/" SCRATCH_OWNER, dir);
	char buf[32];
	ssize_t n;
	long pid;
	int fd = open(owner, O_RDONLY | O_NOFOLLOW);

	free(owner);
	if (fd < 0)
		return time(NULL) - sb->st_mtime > SCRATCH_UNOWNED_SECONDS;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return time(NULL) - sb->st_mtime > SCRATCH_UNOWNED_SECONDS;
	buf[n] = '\0';
	pid = strtol(buf, NULL, 10);
	if (pid <= 0 || pid == (long)getpid())
		return pid <= 0;
	/* EPERM: alive, someone else's (not ours to sweep anyway). */
	return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

void
cli_training_sweep(const char *base)
{
	struct dirent *e;
	DIR *d = opendir(base);

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		struct stat sb;
		char *dir;

		if (strncmp(e->d_name, SCRATCH_PREFIX, strlen(SCRATCH_PREFIX)) != 0)
			continue;
		dir = cb_asprintf("%s/%s", base, e->d_name);
		/* Only our own folders, never through a link. */
		if (lstat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_uid == getuid() &&
		    scratch_abandoned(dir, &sb))
			cli_training_cleanup(dir);
		free(dir);
	}
	closedir(d);
}

static int
write_owner(const char *dir)
{
	char *owner = cb_asprintf("%s/" SCRATCH_OWNER, dir);
	char buf[32];
	int fd = open(owner, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600), rc = -1;
	int n = snprintf(buf, sizeof buf, "%ld\n", (long)getpid());

	if (fd >= 0) {
		if (write(fd, buf, (size_t)n) == n)
			rc = 0;
		if (close(fd) != 0)
			rc = -1;
	}
	free(owner);
	return rc;
}

int
cli_training_prepare(struct cli *c, char **db_path, char **scratch_dir)
{
	const char *base = scratch_base();
	char *dir = cb_asprintf("%s/" SCRATCH_PREFIX "XXXXXX", base);
	char *db;

	*db_path = NULL;
	*scratch_dir = NULL;
	/* Copies left by runs that were killed. */
	cli_training_sweep(base);
	/* mkdtemp makes it 0700, under a name nobody else can have taken. */
	if (mkdtemp(dir) == NULL) {
		cli_error(_("cannot make a scratch folder for training in %s (%s): set TMPDIR to a "
		            "folder you can write to"), base, strerror(errno));
		free(dir);
		return CB_EXIT_FAIL;
	}
	if (write_owner(dir) != 0) {
		cli_error(_("cannot write in the scratch folder %s (%s): set TMPDIR to a folder "
		            "you can write to"), dir, strerror(errno));
		cli_training_cleanup(dir);
		free(dir);
		return CB_EXIT_FAIL;
	}
	db = cb_asprintf("%s/" SCRATCH_DB, dir);
	if (load_samples(c, db) != 0) {
		cli_training_cleanup(dir);
		free(dir);
		free(db);
		return CB_EXIT_FAIL;
	}
	*db_path = db;
	*scratch_dir = dir;
	return 0;
}

void
cli_training_cleanup(const char *scratch_dir)
{
	const char *name;
	struct dirent *e;
	DIR *d;

	if (scratch_dir == NULL)
		return;
	/* Only ever a folder this file made: never follow a bad path into
	 * someone's real files. */
	name = strrchr(scratch_dir, '/');
	name = name != NULL ? name + 1 : scratch_dir;
	if (strncmp(name, SCRATCH_PREFIX, strlen(SCRATCH_PREFIX)) != 0)
		return;
	if ((d = opendir(scratch_dir)) != NULL) {
		/* The database and whatever SQLite kept beside it (-wal, -shm). */
		while ((e = readdir(d)) != NULL) {
			char *f;

			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			f = cb_asprintf("%s/%s", scratch_dir, e->d_name);
			unlink(f);
			free(f);
		}
		closedir(d);
	}
	rmdir(scratch_dir);
}
