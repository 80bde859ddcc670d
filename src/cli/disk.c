/* SPDX-License-Identifier: MIT */
/* Whether the database lives on an encrypted block device: the mount that
 * holds it (from /proc/self/mountinfo), then that device in sysfs, and
 * down through whatever it is built on (LVM on LUKS, say) until a
 * dm-crypt device is found (its dm/uuid starts with CRYPT-). The root of
 * both trees can be moved for the tests, which build a fake one. */
#include "config.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "cli.h"

static bool
read_small(const char *path, char *out, size_t n)
{
	FILE *f = fopen(path, "re");
	bool ok;

	out[0] = '\0';
	if (f == NULL)
		return false;
	ok = fgets(out, (int)n, f) != NULL;
	fclose(f);
	out[strcspn(out, "\n")] = '\0';
	return ok;
}

/* mountinfo escapes space, tab, newline and backslash as \ooo. */
static void
unescape(char *s)
{
	char *w = s;

	for (; *s != '\0'; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*w++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 3;
		} else {
			*w++ = *s;
		}
	}
	*w = '\0';
}

/* Whether mount point m holds path. */
static size_t
covers(const char *m, const char *path)
{
	size_t n = strlen(m);

	if (strcmp(m, "/") == 0)
		return 1;
	if (strncmp(path, m, n) == 0 && (path[n] == '/' || path[n] == '\0'))
		return n;
	return 0;
}

/* The sysfs block device (its name under sys/block) with dev "maj:min",
 * or with the device-mapper name `mapper`. */
static bool
find_block(const char *root, const char *majmin, const char *mapper, char *name, size_t n)
{
	char *dir = cb_asprintf("%s/sys/block", root);
	DIR *d = opendir(dir);
	struct dirent *e;
	bool found = false;

	while (d != NULL && !found && (e = readdir(d)) != NULL) {
		char buf[128], *p;

		if (e->d_name[0] == '.')
			continue;
		p = cb_asprintf("%s/%s/%s", dir, e->d_name, mapper != NULL ? "dm/name" : "dev");
		if (read_small(p, buf, sizeof buf) &&
		    strcmp(buf, mapper != NULL ? mapper : majmin) == 0) {
			snprintf(name, n, "%s", e->d_name);
			found = true;
		}
		free(p);
	}
	if (d != NULL)
		closedir(d);
	free(dir);
	return found;
}

/* Whether block device `name` is dm-crypt, or built on one. */
static bool
crypt_below(const char *root, const char *name, int depth)
{
	char buf[256], *p;
	DIR *d;
	struct dirent *e;
	bool yes = false;

	if (depth > 8)
		return false;
	p = cb_asprintf("%s/sys/block/%s/dm/uuid", root, name);
	if (read_small(p, buf, sizeof buf) && strncmp(buf, "CRYPT-", 6) == 0)
		yes = true;
	free(p);
	if (yes)
		return true;
	p = cb_asprintf("%s/sys/block/%s/slaves", root, name);
	d = opendir(p);
	free(p);
	while (d != NULL && !yes && (e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			yes = crypt_below(root, e->d_name, depth + 1);
	if (d != NULL)
		closedir(d);
	return yes;
}

enum cli_disk
cli_disk_check(const char *root, const char *path, char *device, size_t n)
{
	char *info = cb_asprintf("%s/proc/self/mountinfo", root);
	FILE *f = fopen(info, "re");
	char line[4096], best_dev[32] = "", best_src[PATH_MAX] = "", best_type[64] = "";
	size_t best = 0;
	char name[256];
	const char *mapper = NULL;

	free(info);
	snprintf(device, n, "?");
	if (f == NULL)
		return CLI_DISK_UNKNOWN;
	while (fgets(line, sizeof line, f) != NULL) {
		char *field[6], *save = NULL, *tok, *sep;
		int i = 0;
		size_t len;

		/* id parent maj:min root mountpoint options [optional...] - type source super */
		sep = strstr(line, " - ");
		if (sep == NULL)
			continue;
		*sep = '\0';
		for (tok = strtok_r(line, " ", &save); tok != NULL && i < 6;
		     tok = strtok_r(NULL, " ", &save))
			field[i++] = tok;
		if (i < 5)
			continue;
		unescape(field[4]);
		len = covers(field[4], path);
		/* The last of equal mounts is the one on top. */
		if (len == 0 || len < best)
			continue;
		best = len;
		snprintf(best_dev, sizeof best_dev, "%s", field[2]);
		save = NULL;
		tok = strtok_r(sep + 3, " \n", &save);
		snprintf(best_type, sizeof best_type, "%s", tok != NULL ? tok : "");
		tok = tok != NULL ? strtok_r(NULL, " \n", &save) : NULL;
		snprintf(best_src, sizeof best_src, "%s", tok != NULL ? tok : "");
		unescape(best_src);
	}
	fclose(f);
	if (best == 0)
		return CLI_DISK_UNKNOWN;
	snprintf(device, n, "%s", best_src[0] != '\0' ? best_src : best_type);
	if (find_block(root, best_dev, NULL, name, sizeof name))
		return crypt_below(root, name, 0) ? CLI_DISK_ENCRYPTED : CLI_DISK_PLAIN;
	/* Btrfs and others show no real device number: go by the source. */
	if (strncmp(best_src, "/dev/mapper/", 12) == 0)
		mapper = best_src + 12;
	if (mapper != NULL && find_block(root, NULL, mapper, name, sizeof name))
		return crypt_below(root, name, 0) ? CLI_DISK_ENCRYPTED : CLI_DISK_PLAIN;
	if (strncmp(best_src, "/dev/", 5) == 0) {
		char *p = cb_asprintf("%s/sys/block/%s", root, best_src + 5);
		bool known = access(p, F_OK) == 0;

		free(p);
		if (known)
			return crypt_below(root, best_src + 5, 0) ? CLI_DISK_ENCRYPTED : CLI_DISK_PLAIN;
	}
	return CLI_DISK_UNKNOWN;
}

/* The folder the database is in, made absolute, for the mount lookup. */
static char *
where(const char *db)
{
	char *copy = cb_strdup(db), *slash, *real;

	slash = strrchr(copy, '/');
	if (slash == copy)
		copy[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	else
		snprintf(copy, strlen(copy) + 1, ".");
	/* A database not made yet: the nearest folder that is there. */
	while ((real = realpath(copy, NULL)) == NULL) {
		slash = strrchr(copy, '/');
		if (slash == NULL || slash == copy)
			break;
		*slash = '\0';
	}
	free(copy);
	return real;
}

char *
cli_disk_warning(const char *db, bool require, bool *refuse)
{
	char *dir = where(db), device[PATH_MAX];
	enum cli_disk d;
	char *msg = NULL;

	*refuse = false;
	d = dir != NULL ? cli_disk_check("", dir, device, sizeof device) : CLI_DISK_UNKNOWN;
	if (dir == NULL)
		snprintf(device, sizeof device, "?");
	free(dir);
	if (d == CLI_DISK_ENCRYPTED)
		return NULL;
	*refuse = require;
	if (d == CLI_DISK_PLAIN)
		msg = cb_asprintf(_("The database is not on an encrypted disk (%s): see DATA "
		                    "PROTECTION in casebook(1)."), device);
	else
		msg = cb_asprintf(_("casebook cannot tell whether the database's disk (%s) is "
		                    "encrypted: see DATA PROTECTION in casebook(1)."), device);
	return msg;
}
