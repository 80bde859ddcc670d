/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/store.h"
#include "internal.h"

/* Whether a kind's head holds a folded name, to fold in the transaction
 * that writes its version. */
static bool
folded_heads(const struct st_kind *k)
{
	return strcmp(k->entity, "family") == 0 || strcmp(k->entity, "person") == 0 ||
	       strcmp(k->entity, "worker") == 0;
}

static int
insert_version(struct cb_store *s, const struct st_kind *k, const char *id,
               const struct cb_rev *rev, const void *record, struct cb_err *err)
{
	sqlite3_stmt *st;

	if (st_prepare_cached(s, k->version_sql, &st, err) != 0)
		return -1;
	st_bind_rev(st, rev);
	st_bind_text(st, 7, id);
	k->bind(st, record);
	if (st_exec_stmt(s, st, err) != 0)
		return -1;
	return folded_heads(k) ? st_refold(s, err) : 0;
}

int
st_record_add(struct cb_store *s, const struct st_kind *k, char id[CB_UUID_LEN],
              struct cb_rev *rev, const char *parent1, const char *parent2,
              const char *parent3, const void *record, struct cb_err *err)
{
	int rc = -1;

	if (id[0] == '\0')
		cb_uuid_new(id);
	else if (!cb_uuid_valid(id))
		return cb_err_set(err, CB_EINVAL, _("'%s' is not a record id (a lower-case UUID)"), id);
	if (st_write_begin(s, err) != 0)
		return -1;
	cb_rev_clear(rev);
	st_rev_new(s, rev, 1);
	if (st_new_identity(s, k->identity_sql, id, rev, parent1, parent2, parent3, err) != 0 ||
	    insert_version(s, k, id, rev, record, err) != 0)
		goto out;
	rc = st_audit(s, "create", k->entity, id, rev->row_id, NULL, err);
out:
	return st_write_end(s, rc, err);
}

int
st_record_correct(struct cb_store *s, const struct st_kind *k, const char *id,
                  struct cb_rev *rev, const void *record, struct cb_err *err)
{
	struct cb_rev next = {0};
	int rc = -1;

	if (st_write_begin(s, err) != 0)
		return -1;
	if (st_check_base(s, k->latest_sql, id, rev->version, err) != 0)
		goto out;
	st_rev_new(s, &next, rev->version + 1);
	next.reason = rev->reason;
	if (insert_version(s, k, id, &next, record, err) != 0)
		goto out;
	rc = st_audit(s, "correct", k->entity, id, next.row_id, NULL, err);
out:
	next.reason = NULL;
	rc = st_write_end(s, rc, err);
	if (rc == 0) {
		/* rev now describes the version just written, by the actor. */
		char *reason = rev->reason;

		rev->reason = NULL;
		cb_rev_clear(rev);
		*rev = next;
		rev->reason = reason;
	}
	return rc;
}

int
st_record_retract(struct cb_store *s, const struct st_kind *k, const char *id,
                  int base_version, const char *reason, struct cb_err *err)
{
	struct cb_rev rev = {0};
	sqlite3_stmt *st;
	int rc = -1;

	if (cb_str_empty(reason))
		return cb_err_set(err, CB_EINVAL,
		                  _("say why this is being retracted: a reason is required"));
	if (st_write_begin(s, err) != 0)
		return -1;
	if (st_check_base(s, k->latest_sql, id, base_version, err) != 0)
		goto out;
	st_rev_new(s, &rev, base_version + 1);
	rev.retracted = true;
	rev.reason = (char *)reason;
	if (st_prepare_cached(s, k->retract_sql, &st, err) != 0)
		goto out;
	st_bind_rev(st, &rev);
	st_bind_text(st, 7, id);
	sqlite3_bind_int(st, 8, base_version);
	if (st_exec_stmt(s, st, err) != 0 || (folded_heads(k) && st_refold(s, err) != 0))
		goto out;
	rc = st_audit(s, "retract", k->entity, id, rev.row_id, reason, err);
out:
	return st_write_end(s, rc, err);
}
