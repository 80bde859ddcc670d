/* SPDX-License-Identifier: MIT */
/* The programme: module files from the three places they can come from,
 * merged so that an authority's copy replaces the installed one, and
 * checked against what the database has already recorded. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casebook/answer.h"
#include "casebook/diag.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/str.h"
#include "casebook/vec.h"
#include "casebook/workbook.h"
#include "module_load.h"

/* One module file of a folder, kept until the programme is put together
 * so that messages can name the files involved. */
struct mfile {
	char *path;
	struct cb_module *m;   /* NULL when broken or left out */
	struct ml_info info;
	bool dropped;          /* left out for sharing its id with another file */
};

static void
mfile_free(void *p)
{
	struct mfile *f = p;

	free(f->path);
	cb_module_free(&f->m);
	ml_info_clear(&f->info);
	free(f);
}

/* Read a whole regular file of at most CB_MODULE_MAX_BYTES. Opening
 * without blocking and checking the type first means a FIFO or a device
 * named *.yaml cannot hang or flood the loader. */
static int
read_file(const char *path, struct cb_buf *out, struct cb_diags *diags)
{
	char chunk[16384];
	struct stat st;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), rc = -1;

	if (fd < 0) {
		cb_diags_add(diags, path, 0, 0, _("cannot read the file (%s)"), strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		cb_diags_add(diags, path, 0, 0, _("cannot read the file (%s)"), strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		cb_diags_add(diags, path, 0, 0, _("this is a folder, not a module file"));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		cb_diags_add(diags, path, 0, 0, _("this is not an ordinary file: give a module file"));
		goto out;
	}
	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			cb_diags_add(diags, path, 0, 0, _("cannot read the file (%s)"), strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		cb_buf_addn(out, chunk, (size_t)n);
		if (out->len > CB_MODULE_MAX_BYTES) {
			cb_diags_add(diags, path, 1, 1,
			             _("the file is too large: a module file may be at most %u KiB"),
			             CB_MODULE_MAX_BYTES >> 10);
			goto out;
		}
	}
	rc = 0;
out:
	close(fd);
	return rc;
}

static int
load_file(const char *path, const struct cb_refdata *ref, struct cb_module **out,
          struct cb_diags *diags, struct ml_info *info)
{
	struct cb_buf buf = {0};
	int rc;

	*out = NULL;
	if (read_file(path, &buf, diags) != 0) {
		cb_buf_free(&buf);
		return -1;
	}
	rc = ml_load(path, buf.s != NULL ? buf.s : "", buf.len, ref, out, diags, info);
	cb_buf_free(&buf);
	return rc;
}

int
cb_module_load_file(const char *path, const struct cb_refdata *ref, struct cb_module **out,
                    struct cb_diags *diags)
{
	return load_file(path, ref, out, diags, NULL);
}

static bool
is_module_name(const char *name)
{
	size_t n = strlen(name);

	/* Hidden files are editors' locks and backups, not modules. */
	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Load every module file of dir onto the end of files (struct mfile). Two
 * files with one id are both reported and both left out: neither can be
 * trusted to be the one the author meant. */
static int
load_dir(const char *dir, bool must_exist, const struct cb_refdata *ref, struct cb_vec *files,
         struct cb_diags *diags)
{
	struct cb_vec names = CB_VEC_OWNING(free);
	struct ml_seen ids = {0};
	size_t before = cb_diags_count(diags), from = files->len, i, first;
	char shown[48];
	struct dirent *e;
	DIR *d = opendir(dir);

	if (d == NULL) {
		if (errno == ENOENT && !must_exist)
			return 0;
		if (errno == ENOENT)
			cb_diags_add(diags, dir, 0, 0, _("there is no such folder: check the name"));
		else if (errno == ENOTDIR)
			cb_diags_add(diags, dir, 0, 0, _("this is not a folder: give the folder that "
			                                 "holds the module files"));
		else
			cb_diags_add(diags, dir, 0, 0, _("cannot read the folder (%s)"), strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL)
		if (is_module_name(e->d_name))
			cb_vec_push(&names, cb_strdup(e->d_name));
	closedir(d);
	cb_vec_sort(&names, cmp_name);
	for (i = 0; i < names.len; i++) {
		struct mfile *f = cb_calloc(1, sizeof *f);
		size_t dl = strlen(dir);

		f->path = cb_asprintf("%s%s%s", dir, dl > 0 && dir[dl - 1] == '/' ? "" : "/",
		                      (char *)names.items[i]);
		load_file(f->path, ref, &f->m, diags, &f->info);
		/* A file too broken to say what it is may still say by its name
		 * that it was meant to be the proforma. */
		if (strcmp(names.items[i], "supervision.yaml") == 0)
			f->info.proforma = true;
		cb_vec_push(files, f);
	}
	for (i = from; i < files->len; i++) {
		struct mfile *f = files->items[i], *g;

		if (f->info.id == NULL || ml_seen_add(&ids, f->info.id, f->info.id_line, i, NULL, &first))
			continue;
		g = files->items[first];
		cb_diags_add(diags, f->path, f->info.id_line, f->info.id_col,
		             _("the module id '%s' is also used by %s: two files in one folder cannot "
		               "have the same id; change one id, or remove the file you do not need"),
		             ml_shown(f->info.id, shown), g->path);
		/* The first file is told once, however many share its id. */
		if (!g->dropped)
			cb_diags_add(diags, g->path, g->info.id_line, g->info.id_col,
			             _("the module id '%s' is also used by %s: two files in one folder "
			               "cannot have the same id; change one id, or remove the file you do "
			               "not need"), ml_shown(g->info.id, shown), f->path);
		f->dropped = g->dropped = true;
		cb_module_free(&f->m);
		cb_module_free(&g->m);
	}
	ml_seen_free(&ids);
	cb_vec_clear(&names);
	return cb_diags_count(diags) == before ? 0 : -1;
}

int
cb_module_load_dir(const char *dir, const struct cb_refdata *ref, struct cb_vec *out,
                   struct cb_diags *diags)
{
	struct cb_vec files = CB_VEC_OWNING(mfile_free);
	size_t i;
	int rc = load_dir(dir, true, ref, &files, diags);

	for (i = 0; i < files.len; i++) {
		struct mfile *f = files.items[i];

		if (f->m != NULL) {
			cb_vec_push(out, f->m);
			f->m = NULL;
		}
	}
	cb_vec_clear(&files);
	return rc;
}

/* Report each of several proformas, naming another, and leave them all
 * out: which one the minutes should use is the authority's decision. */
static void
too_many_proformas(struct cb_vec *chosen, struct cb_diags *diags)
{
	size_t i, j;

	for (i = 0; i < chosen->len; i++) {
		struct mfile *f = chosen->items[i], *other = NULL;

		if (f == NULL || f->m->kind != CB_MODULE_SUPERVISION)
			continue;
		for (j = 0; j < chosen->len && other == NULL; j++) {
			struct mfile *g = chosen->items[j];

			if (j != i && g != NULL && g->m->kind == CB_MODULE_SUPERVISION)
				other = g;
		}
		cb_diags_add(diags, f->path, f->info.kind_line, f->info.kind_col,
		             _("there can be only one supervision proforma, but %s also has kind: "
		               "supervision: keep one, and give the other kind: module"), other->path);
	}
	for (i = 0; i < chosen->len; i++) {
		struct mfile *f = chosen->items[i];

		if (f != NULL && f->m->kind == CB_MODULE_SUPERVISION)
			chosen->items[i] = NULL;
	}
}

int
cb_programme_load(const char *const *dirs, size_t ndirs, const struct cb_refdata *ref,
                  struct cb_programme *out, struct cb_diags *diags, bool *inconsistent)
{
	struct cb_vec files = CB_VEC_OWNING(mfile_free); /* every file, every folder */
	struct cb_vec chosen = CB_VEC_BORROWING;         /* struct mfile: the effective set */
	struct ml_seen where = {0};                      /* module id -> index in chosen */
	size_t before = cb_diags_count(diags), i, j, idx, proformas = 0;
	bool broken = false;   /* a file meant as the proforma was left out */
	const char *first_dir = NULL;

	cb_programme_init(out);
	for (i = 0; i < ndirs; i++) {
		size_t from = files.len;

		if (dirs[i] == NULL)
			continue;
		if (first_dir == NULL)
			first_dir = dirs[i];
		load_dir(dirs[i], i == ndirs - 1, ref, &files, diags);
		for (j = from; j < files.len; j++) {
			struct mfile *f = files.items[j];

			if (f->info.proforma && f->m == NULL)
				broken = true;
			if (f->m == NULL)
				continue;
			/* A later folder's copy replaces an earlier one. */
			if (ml_seen_add(&where, f->m->id, 0, chosen.len, NULL, &idx))
				cb_vec_push(&chosen, f);
			else
				chosen.items[idx] = f;
		}
	}
	for (i = 0; i < chosen.len; i++)
		if (((struct mfile *)chosen.items[i])->m->kind == CB_MODULE_SUPERVISION)
			proformas++;
	if (proformas > 1)
		too_many_proformas(&chosen, diags);
	else if (proformas == 0 && !broken)
		cb_diags_add(diags, first_dir != NULL ? first_dir : "modules", 0, 0,
		             _("there is no supervision proforma (a module with kind: supervision): "
		               "put supervision.yaml back in the modules folder"));
	if (inconsistent != NULL)
		*inconsistent = proformas != 1 || broken;
	for (i = 0; i < chosen.len; i++) {
		struct mfile *f = chosen.items[i];

		if (f != NULL) {
			cb_vec_push(&out->modules, f->m);
			f->m = NULL;
		}
	}
	cb_programme_sort(out);
	ml_seen_free(&where);
	cb_vec_clear(&chosen);
	cb_vec_clear(&files);
	return cb_diags_count(diags) == before ? 0 : -1;
}

int
cb_programme_check_recorded(const struct cb_programme *p, const struct cb_vec *recorded,
                            struct cb_diags *diags)
{
	size_t before = cb_diags_count(diags), i, j;

	for (i = 0; i < p->modules.len; i++) {
		const struct cb_module *m = p->modules.items[i];
		long high = 0;

		for (j = 0; recorded != NULL && j < recorded->len; j++) {
			const struct cb_module_version *v = recorded->items[j];

			if (cb_streq(v->module_id, m->id) && v->version > high)
				high = v->version;
		}
		if (high > m->version)
			cb_diags_add(diags, m->source, m->version_line, m->version_col,
			             _("version %ld is older than version %ld already recorded in the "
			               "database: raise it to %ld or more"), m->version, high, high);
	}
	return cb_diags_count(diags) == before ? 0 : -1;
}
