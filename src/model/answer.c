/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/answer.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/module.h"
#include "casebook/str.h"

struct cb_answer *
cb_answer_new(void)
{
	return cb_calloc(1, sizeof(struct cb_answer));
}

void
cb_answer_free(struct cb_answer **ap)
{
	if (ap == NULL || *ap == NULL)
		return;
	cb_rev_clear(&(*ap)->rev);
	free((*ap)->module_id);
	free((*ap)->field_key);
	free((*ap)->value);
	cb_freep(ap);
}

void
cb_answer_free_item(void *a)
{
	cb_answer_free((struct cb_answer **)&a);
}

struct cb_session *
cb_session_new(void)
{
	return cb_calloc(1, sizeof(struct cb_session));
}

void
cb_session_free(struct cb_session **sp)
{
	if (sp == NULL || *sp == NULL)
		return;
	cb_rev_clear(&(*sp)->rev);
	free((*sp)->modules);
	free((*sp)->present);
	free((*sp)->covered);
	cb_freep(sp);
}

void
cb_session_free_item(void *s)
{
	cb_session_free((struct cb_session **)&s);
}

void
cb_progress_free_item(void *p)
{
	struct cb_progress *x = p;

	if (x == NULL)
		return;
	free(x->module_id);
	free(x);
}

void
cb_module_version_free_item(void *p)
{
	struct cb_module_version *v = p;

	if (v == NULL)
		return;
	free(v->module_id);
	free(v);
}

int
cb_session_check(const struct cb_session *s, struct cb_err *err)
{
	if (!cb_date_valid(s->date))
		return cb_err_set(err, CB_EINVAL, _("a session needs its date"));
	if (cb_str_empty(s->modules))
		return cb_err_set(err, CB_EINVAL, _("say which module or modules the session worked on"));
	if (cb_str_empty(s->covered))
		return cb_err_set(err, CB_EINVAL, _("say what the session covered"));
	return 0;
}

/* Space- or line-separated id lists. */
static bool
list_has(const char *list, const char *id, const char *seps)
{
	size_t n = strlen(id);
	const char *p = list;

	if (list == NULL || n == 0)
		return false;
	while (*p != '\0') {
		size_t len = strcspn(p, seps);

		if (len == n && strncmp(p, id, n) == 0)
			return true;
		p += len;
		p += strspn(p, seps);
	}
	return false;
}

static char *
list_toggle(const char *list, const char *id, char sep, const char *seps)
{
	struct cb_buf b = {0};
	bool had = list_has(list, id, seps);
	const char *p = list != NULL ? list : "";

	while (*p != '\0') {
		size_t len = strcspn(p, seps);

		if (len > 0 && !(had && len == strlen(id) && strncmp(p, id, len) == 0)) {
			if (b.len > 0)
				cb_buf_addc(&b, sep);
			cb_buf_addn(&b, p, len);
		}
		p += len;
		p += strspn(p, seps);
	}
	if (!had) {
		if (b.len > 0)
			cb_buf_addc(&b, sep);
		cb_buf_add(&b, id);
	}
	return cb_buf_take(&b);
}

bool
cb_idlist_has(const char *list, const char *id)
{
	return list_has(list, id, " ");
}

char *
cb_idlist_toggle(const char *list, const char *id)
{
	return list_toggle(list, id, ' ', " ");
}

bool
cb_multi_has(const char *value, const char *id)
{
	return list_has(value, id, "\n");
}

char *
cb_multi_toggle(const char *value, const char *id)
{
	return list_toggle(value, id, '\n', "\n");
}

static void
escape_into(struct cb_buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '\\': cb_buf_add(b, "\\\\"); break;
		case '\n': cb_buf_add(b, "\\n"); break;
		case '\t': cb_buf_add(b, "\\t"); break;
		default: cb_buf_addc(b, *s); break;
		}
	}
}

static char *
unescape(const char *s, size_t n)
{
	struct cb_buf b = {0};
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			cb_buf_addc(&b, s[i] == 'n' ? '\n' : s[i] == 't' ? '\t' : s[i]);
		} else {
			cb_buf_addc(&b, s[i]);
		}
	}
	return cb_buf_take(&b);
}

/* Walk "row\tcol\ttext" lines; calls fn for each, stops when it returns
 * non-zero. */
static void
table_walk(const char *value, int (*fn)(const char *row, size_t rl, const char *col,
                                        size_t cl, const char *text, size_t tl, void *ctx),
           void *ctx)
{
	const char *p = value != NULL ? value : "";

	while (*p != '\0') {
		size_t len = strcspn(p, "\n");
		const char *t1 = memchr(p, '\t', len);
		const char *t2 = t1 != NULL ? memchr(t1 + 1, '\t', len - (size_t)(t1 + 1 - p)) : NULL;

		if (t1 != NULL && t2 != NULL &&
		    fn(p, (size_t)(t1 - p), t1 + 1, (size_t)(t2 - t1 - 1), t2 + 1,
		       len - (size_t)(t2 + 1 - p), ctx) != 0)
			return;
		p += len;
		if (*p == '\n')
			p++;
	}
}

struct cell_find {
	const char *row, *col;
	char *found;
};

static int
find_cell(const char *row, size_t rl, const char *col, size_t cl, const char *text, size_t tl,
          void *ctx)
{
	struct cell_find *f = ctx;

	if (strlen(f->row) == rl && strncmp(row, f->row, rl) == 0 && strlen(f->col) == cl &&
	    strncmp(col, f->col, cl) == 0) {
		f->found = unescape(text, tl);
		return 1;
	}
	return 0;
}

char *
cb_table_get(const char *value, const char *row, const char *col)
{
	struct cell_find f = {row, col, NULL};

	table_walk(value, find_cell, &f);
	return f.found != NULL ? f.found : cb_strdup("");
}

struct cell_set {
	const char *row, *col, *text;
	struct cb_buf out;
	bool done;
};

static int
copy_cell(const char *row, size_t rl, const char *col, size_t cl, const char *text, size_t tl,
          void *ctx)
{
	struct cell_set *s = ctx;
	bool same = strlen(s->row) == rl && strncmp(row, s->row, rl) == 0 &&
	            strlen(s->col) == cl && strncmp(col, s->col, cl) == 0;

	if (same) {
		s->done = true;
		if (cb_str_empty(s->text))
			return 0;
	}
	if (s->out.len > 0)
		cb_buf_addc(&s->out, '\n');
	cb_buf_addn(&s->out, row, rl);
	cb_buf_addc(&s->out, '\t');
	cb_buf_addn(&s->out, col, cl);
	cb_buf_addc(&s->out, '\t');
	if (same)
		escape_into(&s->out, s->text);
	else
		cb_buf_addn(&s->out, text, tl);
	return 0;
}

char *
cb_table_set(const char *value, const char *row, const char *col, const char *text)
{
	struct cell_set s = {row, col, text, {0}, false};

	table_walk(value, copy_cell, &s);
	if (!s.done && !cb_str_empty(text)) {
		if (s.out.len > 0)
			cb_buf_addc(&s.out, '\n');
		cb_buf_addf(&s.out, "%s\t%s\t", row, col);
		escape_into(&s.out, text);
	}
	return cb_buf_take(&s.out);
}

static bool
parse_long(const char *s, long *out)
{
	char *end;

	if (s == NULL || *s == '\0')
		return false;
	errno = 0;
	*out = strtol(s, &end, 10);
	return *end == '\0' && errno == 0;
}

int
cb_value_check(const struct cb_field *f, const char *value, struct cb_err *err)
{
	struct cb_date d;
	long n;

	if (value == NULL)
		return cb_err_set(err, CB_EINVAL, _("there is no answer"));
	switch (f->type) {
	case CB_FIELD_YESNO:
		if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
			return cb_err_set(err, CB_EINVAL, _("answer yes or no"));
		break;
	case CB_FIELD_DATE:
		return cb_date_parse(value, &d, err);
	case CB_FIELD_CHOICE:
		if (cb_option_label(&f->choices, value) == NULL)
			return cb_err_set(err, CB_EINVAL, _("'%s' is not one of the choices"), value);
		break;
	case CB_FIELD_MULTICHOICE: {
		const char *p = value;

		while (*p != '\0') {
			size_t len = strcspn(p, "\n");
			char *id = cb_strndup(p, len);
			bool ok = cb_option_label(&f->choices, id) != NULL;

			if (!ok) {
				cb_err_set(err, CB_EINVAL, _("'%s' is not one of the choices"), id);
				free(id);
				return -1;
			}
			free(id);
			p += len;
			if (*p == '\n')
				p++;
		}
		break;
	}
	case CB_FIELD_SCALE:
		if (!parse_long(value, &n) || n < f->min || n > f->max)
			return cb_err_set(err, CB_EINVAL, _("give a whole number from %ld to %ld"),
			                  f->min, f->max);
		break;
	default:
		break;
	}
	return 0;
}

struct show_ctx {
	const struct cb_field *f;
	struct cb_buf *b;
};

static int
show_cell(const char *row, size_t rl, const char *col, size_t cl, const char *text, size_t tl,
          void *ctx)
{
	struct show_ctx *s = ctx;
	char *r = cb_strndup(row, rl), *c = cb_strndup(col, cl), *t = unescape(text, tl);
	const char *rlab = cb_option_label(&s->f->rows, r);
	const char *clab = cb_option_label(&s->f->columns, c);

	if (s->b->len > 0)
		cb_buf_addc(s->b, '\n');
	cb_buf_addf(s->b, "%s / %s: %s", rlab != NULL ? rlab : r, clab != NULL ? clab : c, t);
	free(r);
	free(c);
	free(t);
	return 0;
}

char *
cb_value_display(const struct cb_field *f, const char *value,
                 const char *(*person_name)(const char *id, void *ctx), void *ctx)
{
	struct cb_buf b = {0};
	const char *label, *p;
	long n;

	if (value == NULL)
		return cb_strdup("");
	if (f == NULL)
		return cb_strdup(value);
	switch (f->type) {
	case CB_FIELD_YESNO:
		cb_buf_add(&b, strcmp(value, "yes") == 0 ? _("Yes") : strcmp(value, "no") == 0 ? _("No") : value);
		break;
	case CB_FIELD_CHOICE:
		label = cb_option_label(&f->choices, value);
		if (label != NULL)
			cb_buf_add(&b, label);
		else
			cb_buf_addf(&b, _("%s (no longer a choice)"), value);
		break;
	case CB_FIELD_MULTICHOICE:
		for (p = value; *p != '\0';) {
			size_t len = strcspn(p, "\n");
			char *id = cb_strndup(p, len);

			label = cb_option_label(&f->choices, id);
			if (b.len > 0)
				cb_buf_add(&b, "; ");
			if (label != NULL)
				cb_buf_add(&b, label);
			else
				cb_buf_addf(&b, _("%s (no longer a choice)"), id);
			free(id);
			p += len;
			if (*p == '\n')
				p++;
		}
		break;
	case CB_FIELD_SCALE:
		cb_buf_add(&b, value);
		if (parse_long(value, &n)) {
			label = cb_scale_anchor(f, n);
			cb_buf_addf(&b, _(" out of %ld"), f->max);
			if (label != NULL)
				cb_buf_addf(&b, " (%s)", label);
		}
		break;
	case CB_FIELD_PERSON:
		label = person_name != NULL ? person_name(value, ctx) : NULL;
		cb_buf_add(&b, label != NULL ? label : _("someone no longer in the family"));
		break;
	case CB_FIELD_TABLE: {
		struct show_ctx s = {f, &b};

		table_walk(value, show_cell, &s);
		break;
	}
	default:
		cb_buf_add(&b, value);
		break;
	}
	return cb_buf_take(&b);
}
