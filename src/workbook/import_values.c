/* SPDX-License-Identifier: MIT */
/* An answer's value as the file writes it, checked against its field and
 * turned into what casebook stores (see answer.h). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/family.h"
#include "casebook/i18n.h"
#include "casebook/import.h"
#include "casebook/meeting.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/refdata.h"
#include "casebook/str.h"
#include "import_read.h"
#include "ytree.h"

/* Answer values */

static const char *
option_near(const struct cb_vec *options, const char *s, struct cb_buf *all)
{
	struct rd_near nr = {s, NULL, 0};
	size_t i;

	for (i = 0; i < options->len; i++) {
		const struct cb_option *o = options->items[i];

		rd_near_try(&nr, o->id);
		if (i < 12)
			cb_buf_addf(all, "%s%s", i > 0 ? ", " : "", o->id);
		else if (i == 12)
			cb_buf_add(all, ", ...");
	}
	return rd_near_best(&nr);
}

/* id must be one of options; reported otherwise. */
static bool
option_ok(struct rd *r, const struct yt_node *at, const struct cb_vec *options, const char *id,
          const char *what)
{
	struct cb_buf all = {0};
	const char *best;
	char buf[RD_SHOWN];

	if (cb_option_label(options, id) != NULL)
		return true;
	best = option_near(options, id, &all);
	if (best != NULL)
		rd_report(r, at, _("'%s' is not %s of this field: did you mean '%s'?"),
		          rd_shown(id, buf), what, best);
	else
		rd_report(r, at, _("'%s' is not %s of this field: use one of %s"), rd_shown(id, buf),
		          what, cb_buf_str(&all));
	cb_buf_free(&all);
	return false;
}

static char *
multi_value(struct rd *r, const struct yt_node *v, const struct cb_field *f)
{
	struct cb_buf b = {0};
	size_t i, j, before = rd_problems(r);

	if (v->type != YT_SEQ || v->n == 0) {
		rd_report(r, v, _("this field takes a list of choices (lines starting with '- ')"));
		return NULL;
	}
	/* Each choice at most once: a longer list is wrong, and would cost
	 * time to check for repeats. */
	if (v->n > f->choices.len) {
		rd_report(r, v, _("the list has more entries (%zu) than the field has choices (%zu)"),
		          v->n, f->choices.len);
		return NULL;
	}
	for (i = 0; i < v->n && !r->full; i++) {
		const char *s = rd_scalar(r, v->kids[i], "value");

		if (s == NULL || !option_ok(r, v->kids[i], &f->choices, s, _("one of the choices")))
			continue;
		/* There are only as many choices as the module has, so a
		 * repeat is found among the first few. */
		for (j = 0; j < i; j++)
			if (v->kids[j]->type == YT_SCALAR && strcmp(v->kids[j]->value, s) == 0)
				break;
		if (j < i) {
			rd_report(r, v->kids[i], _("'%s' is chosen twice"), s);
			continue;
		}
		cb_buf_addf(&b, "%s%s", b.len > 0 ? "\n" : "", s);
	}
	if (rd_problems(r) > before) {
		cb_buf_free(&b);
		return NULL;
	}
	return cb_buf_take(&b);
}

static char *
table_value(struct rd *r, const struct yt_node *v, const struct cb_field *f)
{
	char buf[RD_SHOWN];
	char *value = cb_strdup("");
	size_t i, j, k, before = rd_problems(r);

	if (v->type != YT_MAP || yt_map_len(v) == 0) {
		rd_report(r, v, _("this field is a table: write a mapping from each row to a "
		                  "mapping from each column to its text"));
		goto fail;
	}
	if (yt_map_len(v) > RD_MAX_KEYS) {
		rd_report(r, v, _("the table has far more rows than the field has"));
		goto fail;
	}
	for (i = 0; i < yt_map_len(v) && !r->full; i++) {
		const struct yt_node *row = yt_key(v, i), *cols = yt_val(v, i);

		for (k = 0; k < i; k++)
			if (strcmp(yt_key(v, k)->value, row->value) == 0)
				break;
		if (k < i) {
			rd_report(r, row, _("the row '%s' appears twice"), rd_shown(row->value, buf));
			continue;
		}
		if (!option_ok(r, row, &f->rows, row->value, _("a row")))
			continue;
		if (cols == NULL || cols->type != YT_MAP || yt_map_len(cols) > RD_MAX_KEYS) {
			rd_report(r, cols != NULL ? cols : row,
			          _("each row of a table is a mapping from column to text"));
			continue;
		}
		for (j = 0; j < yt_map_len(cols) && !r->full; j++) {
			const struct yt_node *col = yt_key(cols, j), *cell = yt_val(cols, j);
			char *text, *next;

			for (k = 0; k < j; k++)
				if (strcmp(yt_key(cols, k)->value, col->value) == 0)
					break;
			if (k < j) {
				rd_report(r, col, _("the column '%s' appears twice"),
				          rd_shown(col->value, buf));
				continue;
			}
			if (!option_ok(r, col, &f->columns, col->value, _("a column")))
				continue;
			if (cell == NULL || (text = rd_text_node(r, cell, col->value)) == NULL)
				continue;
			next = cb_table_set(value, row->value, col->value, text);
			free(value);
			value = next;
			free(text);
		}
	}
	if (rd_problems(r) == before)
		return value;
fail:
	free(value);
	return NULL;
}

char *
rd_value(struct rd *r, const struct yt_node *v, const struct cb_field *f, const char *family_id,
         size_t item)
{
	struct cb_err err = {0};
	char buf[CB_DATE_LEN], id[CB_UUID_LEN];
	char *value = NULL;
	struct cb_date d;
	const char *s;
	bool yes;
	long n;

	switch (f->type) {
	case CB_FIELD_TEXT:
	case CB_FIELD_LONGTEXT:
		value = rd_text_node(r, v, "value");
		break;
	case CB_FIELD_YESNO:
		if (rd_word_bool(v, &yes) ||
		    (v->type == YT_SCALAR && (strcmp(v->value, "yes") == 0 || strcmp(v->value, "no") == 0)))
			value = cb_strdup(rd_word_bool(v, &yes) ? (yes ? "yes" : "no") : v->value);
		else
			rd_report(r, v, _("this field is yes or no: write true or false"));
		break;
	case CB_FIELD_DATE:
		if (rd_date_node(r, v, &d)) {
			cb_date_format(d, buf);
			value = cb_strdup(buf);
		}
		break;
	case CB_FIELD_CHOICE:
		if ((s = rd_scalar(r, v, "value")) != NULL &&
		    option_ok(r, v, &f->choices, s, _("one of the choices")))
			value = cb_strdup(s);
		break;
	case CB_FIELD_MULTICHOICE:
		value = multi_value(r, v, f);
		break;
	case CB_FIELD_SCALE:
		if (!rd_number(v, &n))
			rd_report(r, v, _("this field is a scale: write a whole number from %ld to %ld"),
			          f->min, f->max);
		else if (n < f->min || n > f->max)
			rd_report(r, v, _("%ld is off the scale: it runs from %ld to %ld"), n, f->min,
			          f->max);
		else
			value = cb_asprintf("%ld", n);
		break;
	case CB_FIELD_PERSON:
		if (rd_ref(r, v, f->who == CB_WHO_ADULT ? CB_REF_ADULT
		                 : f->who == CB_WHO_CHILD ? CB_REF_CHILD : CB_REF_MEMBER,
		           family_id, (struct cb_date){0, 0, 0}, item, "value", id))
			value = cb_strdup(id);
		break;
	case CB_FIELD_TABLE:
		value = table_value(r, v, f);
		break;
	default:
		rd_report(r, v, _("the field '%s' is a %s tool, which is not an answer: record it "
		                  "under the family's 'goals', 'stages' or 'ratings', or in a "
		                  "meeting"), f->id, cb_field_type_name(f->type));
		break;
	}
	if (value != NULL && cb_value_check(f, value, &err) != 0) {
		rd_report(r, v, "%s", err.msg);
		free(value);
		value = NULL;
	}
	return value;
}
