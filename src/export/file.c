/* SPDX-License-Identifier: MIT */
/* Documents saved to files: from the workbook's keys and from --output.
 * A file is created new (never over one that is there, which may be
 * someone's earlier report), readable by its owner only since it holds
 * the family's record, and the export is in the audit trail before any of
 * it is written. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casebook/err.h"
#include "casebook/export.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/str.h"

int
cb_export_save(struct cb_store *s, const struct cb_buf *text, const char *path,
               const char *entity, const char *entity_id, const char *detail,
               struct cb_err *err)
{
	const char *p = cb_buf_str(text);
	size_t left = text->len;
	int fd, saved;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return cb_err_set(err, CB_EEXIST, _("%s is there already: give another name, "
			                                    "nothing was written"), path);
		return cb_err_set(err, CB_EREADONLY, _("cannot write %s: %s: give a path in a folder "
		                                       "you can write to"), path, strerror(errno));
	}
	if (cb_store_audit(s, "export", entity, entity_id, detail, err) != 0) {
		cb_err_prefix(err, _("the export could not be recorded, so nothing was exported"));
		goto fail;
	}
	while (left > 0) {
		ssize_t n = write(fd, p, left);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			cb_err_set(err, CB_EIO, _("could not write %s: %s"), path,
			           strerror(n < 0 ? errno : EIO));
			goto fail;
		}
		p += n;
		left -= (size_t)n;
	}
	if (fsync(fd) != 0 && errno != EINVAL) {
		cb_err_set(err, CB_EIO, _("could not write %s: %s"), path, strerror(errno));
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		cb_err_set(err, CB_EIO, _("could not write %s: %s"), path, strerror(errno));
		goto fail;
	}
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(path); /* ours: made above with O_EXCL */
	errno = saved;
	return -1;
}

char *
cb_export_path(const char *dir, const char *what, const char *reference, struct cb_date day,
               enum cb_export_format f)
{
	char date[CB_DATE_LEN], *safe = cb_strdup(reference), *path = NULL, *c;
	struct stat st;
	int n;

	/* A reference goes into a file name: keep it to one harmless word. */
	for (c = safe; *c != '\0'; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		      (*c >= '0' && *c <= '9') || *c == '-'))
			*c = '_';
	cb_date_format(day, date);
	for (n = 1; n < 1000; n++) {
		free(path);
		if (n == 1)
			path = cb_asprintf("%s/%s-%s-%s.%s", dir, what, safe, date,
			                   cb_export_format_name(f));
		else
			path = cb_asprintf("%s/%s-%s-%s-%d.%s", dir, what, safe, date, n,
			                   cb_export_format_name(f));
		if (lstat(path, &st) != 0 && errno == ENOENT)
			break;
	}
	free(safe);
	return path;
}
