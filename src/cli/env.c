/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casebook/cli.h"
#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/refdata.h"
#include "casebook/store.h"
#include "casebook/store_workers.h"
#include "casebook/uuid.h"
#include "casebook/workbook.h"
#include "casebook/worker.h"
#include "cli.h"

/* The installed files, or CASEBOOK_DATADIR (a source tree, for a build
 * that has not been installed). No build path is compiled in. */
const char *
cli_datadir(void)
{
	const char *env = getenv("CASEBOOK_DATADIR");

	if (env != NULL && *env != '\0')
		return env;
	return PKGDATADIR;
}

char *
cli_default_db(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return cb_asprintf("%s/casebook/casebook.db", xdg);
	if (home != NULL && *home != '\0')
		return cb_asprintf("%s/.local/share/casebook/casebook.db", home);
	return NULL;
}

/* Who is working: --as, checked against the worker this login chose
 * first; without --as, that worker. */
int
cli_identity(struct cli *c, struct cb_store *s)
{
	struct cb_err err = {0};
	struct cb_worker *w = NULL;
	char linked[CB_UUID_LEN];

	if (c->as == NULL) {
		if (cb_store_os_link(s, NULL, linked, &err) != 0)
			return cli_fail(&err);
		if (linked[0] != '\0')
			cb_store_set_actor(s, linked);
		return 0;
	}
	if (cb_store_worker_find(s, c->as, &w, &err) != 0)
		return cli_fail(&err);
	if (cb_store_choose_worker(s, w->id, c->switch_ok, NULL, &err) != 0) {
		if (err.code == CB_EPERM)
			cli_error(_("%s: add --switch to work as %s (the switch is recorded)"), err.msg,
			          w->name);
		else
			cli_fail(&err);
		cb_worker_free(&w);
		return CB_EXIT_FAIL;
	}
	cb_worker_free(&w);
	return 0;
}

void
cli_readonly_notice(const struct cli *c, const struct cb_store *s)
{
	char *pending;

	if (!cb_store_readonly(s))
		return;
	pending = cb_store_pending_audit_path(s);
	cli_error(_("note: %s is read-only here, so it can be read but not changed; what is "
	            "read is recorded in %s until it can be written"),
	          c->db, pending != NULL ? pending : _("the state folder"));
	free(pending);
}

char *
cli_folder_warning(const char *db)
{
	char *dir = cb_strdup(db), *slash = strrchr(dir, '/'), *out = NULL;
	struct stat sb;

	if (slash == NULL) {
		free(dir);
		dir = cb_strdup(".");
	} else if (slash == dir) {
		slash[1] = '\0';
	} else {
		*slash = '\0';
	}
	/* Only the user's own folder: a shared one is not theirs to close. */
	if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_uid == getuid() &&
	    (sb.st_mode & 077) != 0)
		out = cb_asprintf(_("The folder %s is open to other users (mode %04o), and the "
		                    "database in it is about children: make it private with "
		                    "'chmod 700 %s'."),
		                  dir, (unsigned)(sb.st_mode & 07777), dir);
	free(dir);
	return out;
}

int
cli_disk_refused(struct cli *c)
{
	bool refuse;
	char *warning = cli_disk_warning(c->db, cli_require_encrypted(c), &refuse);

	if (refuse)
		cli_error(_("%s This computer requires an encrypted disk, so casebook will not "
		            "open it."), warning);
	free(warning);
	return refuse ? CB_EXIT_FAIL : 0;
}

int
cli_open(struct cli *c, bool create, struct cb_store **out)
{
	struct cb_err err = {0};
	int rc;

	if ((rc = cli_disk_refused(c)) != 0)
		return rc;
	if (cb_store_open(c->db, create ? CB_STORE_CREATE : CB_STORE_OPEN, out, &err) != 0)
		return cli_fail(&err);
	if ((rc = cli_identity(c, *out)) != 0) {
		cb_store_close(out);
		return rc;
	}
	cli_readonly_notice(c, *out);
	return 0;
}

int
cli_refdata(struct cb_refdata **out)
{
	struct cb_diags diags;
	struct cb_vec layers, dirs = CB_VEC_OWNING(free);
	char *dir = cb_asprintf("%s/data", cli_datadir());
	size_t i;
	int rc;

	/* The installed lists, then each layer's, list file by list file. */
	cb_vec_push(&dirs, cb_strdup(dir));
	cli_layers_init(&layers);
	for (i = 0; i < layers.len; i++)
		cb_vec_push(&dirs, cb_asprintf("%s/data", ((struct cli_layer *)layers.items[i])->dir));
	cb_vec_clear(&layers);
	cb_diags_init(&diags);
	*out = cb_refdata_new();
	rc = cb_refdata_load_layers((const char *const *)dirs.items, dirs.len, *out, &diags);
	cb_vec_clear(&dirs);
	for (i = 0; i < cb_diags_count(&diags); i++) {
		char *line = cb_diag_format(cb_diags_at(&diags, i));

		fprintf(stderr, "%s\n", line);
		free(line);
	}
	if (rc != 0) {
		cli_error(_("the reference lists have problems (above): fix them and try again"));
		cb_refdata_free(out);
	}
	cb_diags_clear(&diags);
	free(dir);
	return rc != 0 ? CB_EXIT_FAIL : 0;
}
