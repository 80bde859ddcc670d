/* SPDX-License-Identifier: MIT */
/* The document model shared by the three writers. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/export.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "casebook/vec.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

char *
cb_doc_clean(const char *s)
{
	struct cb_buf b = {0};
	size_t i = 0, n;

	cb_buf_add(&b, "");
	if (s == NULL)
		return cb_buf_take(&b);
	n = strlen(s);
	while (i < n) {
		uint32_t cp;
		size_t len = cb_utf8_decode(s + i, n - i, &cp);

		if (cp == 0xFFFD && !(len == 3 && memcmp(s + i, REPLACEMENT, 3) == 0)) {
			cb_buf_add(&b, REPLACEMENT); /* an invalid byte */
		} else if (cp == '\r') {
			/* CR LF and a lone CR are both one line end. */
			cb_buf_addc(&b, '\n');
			if (i + 1 < n && s[i + 1] == '\n')
				len++;
		} else if (cp == '\n') {
			cb_buf_addc(&b, '\n');
		} else if (cp == '\t') {
			cb_buf_addc(&b, ' ');
		} else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
			/* An escape sequence in recorded text must not reach a
			 * terminal or a printer as a command. */
			cb_buf_add(&b, REPLACEMENT);
		} else if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
			/* A bidi embedding, override or isolate would turn the
			 * words after it round in a court document: show that
			 * something was there instead (as the screens do). */
			cb_buf_add(&b, REPLACEMENT);
		} else {
			cb_buf_addn(&b, s + i, len);
		}
		i += len;
	}
	return cb_buf_take(&b);
}

struct cb_doc *
cb_doc_new(const char *title)
{
	struct cb_doc *d = cb_calloc(1, sizeof *d);

	d->title = cb_doc_clean(title);
	d->blocks.free_item = NULL; /* freed by hand: blocks own vectors */
	return d;
}

static void
item_free(void *p)
{
	struct cb_doc_item *it = p;

	if (it == NULL)
		return;
	free(it->text);
	free(it->detail);
	free(it);
}

static void
block_free(struct cb_block *b)
{
	if (b == NULL)
		return;
	free(b->text);
	cb_vec_clear(&b->items);
	cb_vec_clear(&b->cells);
	free(b);
}

void
cb_doc_free(struct cb_doc **dp)
{
	struct cb_doc *d;
	size_t i;

	if (dp == NULL || *dp == NULL)
		return;
	d = *dp;
	for (i = 0; i < d->blocks.len; i++)
		block_free(d->blocks.items[i]);
	cb_vec_clear(&d->blocks);
	free(d->title);
	free(d->footer);
	cb_freep(dp);
}

void
cb_doc_set_footer(struct cb_doc *d, const char *footer)
{
	free(d->footer);
	d->footer = footer != NULL ? cb_doc_clean(footer) : NULL;
}

static struct cb_block *
add_block(struct cb_doc *d, enum cb_block_kind kind, const char *text)
{
	struct cb_block *b = cb_calloc(1, sizeof *b);

	b->kind = kind;
	b->text = text != NULL ? cb_doc_clean(text) : NULL;
	b->items.free_item = item_free;
	b->cells.free_item = free;
	cb_vec_push(&d->blocks, b);
	return b;
}

void
cb_doc_heading(struct cb_doc *d, int level, const char *text)
{
	struct cb_block *b = add_block(d, CB_BLOCK_HEADING, text != NULL ? text : "");

	b->level = level < 1 ? 1 : level > 4 ? 4 : level;
}

void
cb_doc_text(struct cb_doc *d, const char *text)
{
	add_block(d, CB_BLOCK_TEXT, text != NULL ? text : "");
}

void
cb_doc_textf(struct cb_doc *d, const char *fmt, ...)
{
	struct cb_buf b = {0};
	va_list ap;

	va_start(ap, fmt);
	cb_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	cb_doc_text(d, cb_buf_str(&b));
	cb_buf_free(&b);
}

void
cb_doc_pre(struct cb_doc *d, const char *text)
{
	add_block(d, CB_BLOCK_PRE, text != NULL ? text : "");
}

void
cb_doc_notice(struct cb_doc *d, const char *text)
{
	add_block(d, CB_BLOCK_NOTICE, text != NULL ? text : "");
}

struct cb_block *
cb_doc_fields(struct cb_doc *d)
{
	return add_block(d, CB_BLOCK_FIELDS, NULL);
}

static void
push_item(struct cb_block *b, const char *text, const char *detail)
{
	struct cb_doc_item *it = cb_calloc(1, sizeof *it);

	it->text = cb_doc_clean(text);
	it->detail = detail != NULL ? cb_doc_clean(detail) : NULL;
	cb_vec_push(&b->items, it);
}

void
cb_block_field(struct cb_block *b, const char *key, const char *value)
{
	push_item(b, key, value != NULL ? value : "");
}

void
cb_block_fieldf(struct cb_block *b, const char *key, const char *fmt, ...)
{
	struct cb_buf v = {0};
	va_list ap;

	va_start(ap, fmt);
	cb_buf_vaddf(&v, fmt, ap);
	va_end(ap);
	cb_block_field(b, key, cb_buf_str(&v));
	cb_buf_free(&v);
}

struct cb_block *
cb_doc_list(struct cb_doc *d)
{
	return add_block(d, CB_BLOCK_LIST, NULL);
}

void
cb_block_item(struct cb_block *b, const char *text, const char *detail)
{
	push_item(b, text, detail);
}

struct cb_block *
cb_doc_table(struct cb_doc *d, size_t ncols, const char *const *headers)
{
	struct cb_block *b = add_block(d, CB_BLOCK_TABLE, NULL);

	b->ncols = ncols > 0 ? ncols : 1;
	cb_block_row(b, headers);
	return b;
}

void
cb_block_row(struct cb_block *b, const char *const *cells)
{
	size_t c;

	for (c = 0; c < b->ncols; c++)
		cb_vec_push(&b->cells, cb_doc_clean(cells != NULL ? cells[c] : NULL));
}

void
cb_block_align_right(struct cb_block *b, size_t col)
{
	if (col < b->ncols && col < sizeof b->right * 8)
		b->right |= 1u << col;
}

size_t
cb_block_rows(const struct cb_block *b)
{
	return b->ncols > 0 && b->cells.len > b->ncols ? b->cells.len / b->ncols - 1 : 0;
}

bool
cb_block_is_empty(const struct cb_block *b)
{
	switch (b->kind) {
	case CB_BLOCK_FIELDS:
	case CB_BLOCK_LIST: return b->items.len == 0;
	case CB_BLOCK_TABLE: return cb_block_rows(b) == 0;
	case CB_BLOCK_HEADING: return false;
	default: return cb_str_empty(b->text);
	}
}

void
cb_render(const struct cb_doc *d, enum cb_export_format f, struct cb_buf *out)
{
	switch (f) {
	case CB_EXPORT_TXT: cb_render_txt(d, CB_TXT_WIDTH, out); break;
	case CB_EXPORT_MD: cb_render_md(d, out); break;
	case CB_EXPORT_HTML: cb_render_html(d, out); break;
	}
}

static const char *const format_names[] = {
	[CB_EXPORT_TXT] = "txt",
	[CB_EXPORT_MD] = "md",
	[CB_EXPORT_HTML] = "html",
};

int
cb_export_format_parse(const char *s, enum cb_export_format *out, struct cb_err *err)
{
	size_t i;

	for (i = 0; i < sizeof format_names / sizeof *format_names; i++) {
		if (cb_streq(s, format_names[i])) {
			*out = (enum cb_export_format)i;
			return 0;
		}
	}
	return cb_err_set(err, CB_EINVAL, _("'%s' is not a format: use txt, md or html"),
	                  s != NULL ? s : "");
}

const char *
cb_export_format_name(enum cb_export_format f)
{
	return (size_t)f < sizeof format_names / sizeof *format_names ? format_names[f] : "?";
}
