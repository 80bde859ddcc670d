/* SPDX-License-Identifier: MIT */
/* Plain text: for a terminal, a script, an email or a printer with no
 * fonts to speak of. Everything is wrapped by display width, so names in
 * any script line up in tables; the layout itself (rules, bullets,
 * indents) is ASCII. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/export.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/utf8.h"
#include "casebook/vec.h"

/* Nothing is narrower than this, whatever the indent: a wrapped column
 * of one or two letters helps nobody. */
#define MIN_AVAIL 20
/* A table column is never squeezed below this (unless its content is). */
#define MIN_COL 8

/* End the line in out, without trailing blanks: they only get in the way
 * of diff and grep. */
static void
end_line(struct cb_buf *out)
{
	while (out->len > 0 && out->s[out->len - 1] == ' ')
		out->s[--out->len] = '\0';
	cb_buf_addc(out, '\n');
}

static void
push_line(struct cb_vec *lines, struct cb_buf *cur)
{
	while (cur->len > 0 && cur->s[cur->len - 1] == ' ')
		cur->s[--cur->len] = '\0';
	cb_vec_push(lines, cb_strdup(cb_buf_str(cur)));
	cb_buf_clear(cur);
}

/* Bytes of s (n bytes) that fit in cols columns, never splitting a
 * character and never nothing (a character wider than the line still has
 * to go somewhere). */
static size_t
fit_bytes(const char *s, size_t n, size_t cols)
{
	size_t i = 0, w = 0;
	uint32_t cp;

	while (i < n) {
		size_t len = cb_utf8_decode(s + i, n - i, &cp);
		size_t cw = (size_t)cb_utf8_cpwidth(cp);

		if (w + cw > cols)
			break;
		w += cw;
		i += len;
	}
	if (i == 0 && n > 0)
		i = cb_utf8_decode(s, n, &cp);
	return i;
}

/* Wrap one line (n bytes, no line break in it) into lines of at most
 * avail columns. Spaces at its start are kept (someone indented on
 * purpose); a run of spaces inside is one break. A word longer than a
 * line is cut between characters. */
static void
wrap_line(const char *s, size_t n, size_t avail, struct cb_vec *lines)
{
	struct cb_buf cur = {0};
	size_t i, curw = 0, lead = 0;
	bool words = false; /* a word is on the current line */

	while (lead < n && s[lead] == ' ')
		lead++;
	if (lead > 0 && lead < avail / 2) {
		cb_buf_addn(&cur, s, lead);
		curw = lead;
	}
	i = lead;
	while (i < n) {
		size_t start, end, ww;

		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		start = i;
		while (i < n && s[i] != ' ')
			i++;
		end = i;
		ww = cb_utf8_widthn(s + start, end - start);
		if (curw + (words ? 1 : 0) + ww <= avail) {
			if (words) {
				cb_buf_addc(&cur, ' ');
				curw++;
			}
			cb_buf_addn(&cur, s + start, end - start);
			curw += ww;
			words = true;
			continue;
		}
		if (words)
			push_line(lines, &cur);
		else
			cb_buf_clear(&cur); /* the indent alone: drop it */
		/* The word starts a line; cut it when it is longer than one. */
		while (start < end) {
			size_t fit = fit_bytes(s + start, end - start, avail);

			cb_buf_addn(&cur, s + start, fit);
			curw = cb_utf8_widthn(s + start, fit);
			start += fit;
			if (start < end)
				push_line(lines, &cur);
		}
		words = true;
	}
	push_line(lines, &cur);
	cb_buf_free(&cur);
}

/* Wrap text that may hold line breaks: each line on its own, blank lines
 * kept, trailing blank lines dropped. */
static void
wrap_text(const char *text, size_t avail, struct cb_vec *lines)
{
	const char *p = text != NULL ? text : "";
	size_t first = lines->len;

	if (avail < 1)
		avail = 1;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);

		wrap_line(p, n, avail, lines);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	while (lines->len > first && ((char *)lines->items[lines->len - 1])[0] == '\0')
		cb_vec_remove(lines, lines->len - 1);
}

static void
add_spaces(struct cb_buf *out, size_t n)
{
	while (n-- > 0)
		cb_buf_addc(out, ' ');
}

/* Text wrapped to width: the first line after `first` (a bullet or a
 * key, of first_w columns; may be NULL), every line after indent
 * columns. */
static void
emit_wrapped(struct cb_buf *out, const char *text, const char *first, size_t first_w,
             size_t indent, size_t width)
{
	struct cb_vec lines = CB_VEC_OWNING(free);
	size_t avail = width > indent ? width - indent : 0, i;

	if (avail < MIN_AVAIL)
		avail = MIN_AVAIL;
	if (first != NULL && first_w > indent) {
		/* A key too long to hang the value after: the value goes under it. */
		cb_buf_add(out, first);
		end_line(out);
		first = NULL;
	}
	wrap_text(text, avail, &lines);
	if (lines.len == 0 && first != NULL) {
		cb_buf_add(out, first);
		end_line(out);
	}
	for (i = 0; i < lines.len; i++) {
		if (i == 0 && first != NULL) {
			cb_buf_add(out, first);
			add_spaces(out, indent - first_w);
		} else {
			add_spaces(out, indent);
		}
		cb_buf_add(out, lines.items[i]);
		end_line(out);
	}
	cb_vec_clear(&lines);
}

static void
render_heading(struct cb_buf *out, const struct cb_block *b, size_t width)
{
	struct cb_vec lines = CB_VEC_OWNING(free);
	size_t i, w = 0;

	wrap_text(b->text, width, &lines);
	for (i = 0; i < lines.len; i++) {
		size_t lw = cb_utf8_width(lines.items[i]);

		cb_buf_add(out, lines.items[i]);
		cb_buf_addc(out, '\n');
		if (lw > w)
			w = lw;
	}
	if (b->level <= 2 && w > 0) {
		for (i = 0; i < w; i++)
			cb_buf_addc(out, b->level == 1 ? '=' : '-');
		cb_buf_addc(out, '\n');
	}
	cb_vec_clear(&lines);
}

static void
render_fields(struct cb_buf *out, const struct cb_block *b, size_t width)
{
	size_t i, keyw = 0, indent;

	for (i = 0; i < b->items.len; i++) {
		const struct cb_doc_item *it = b->items.items[i];
		size_t w = cb_utf8_width(it->text) + 1;

		if (w > keyw)
			keyw = w;
	}
	/* Values line up after the longest key, unless that would leave them
	 * too little room: then each goes under its key. */
	indent = keyw + 2;
	if (indent > width / 2)
		indent = 4;
	for (i = 0; i < b->items.len; i++) {
		const struct cb_doc_item *it = b->items.items[i];
		char *key = cb_asprintf("%s:", it->text);

		emit_wrapped(out, it->detail, key, cb_utf8_width(key), indent, width);
		free(key);
	}
}

static void
render_list(struct cb_buf *out, const struct cb_block *b, size_t width)
{
	size_t i;

	for (i = 0; i < b->items.len; i++) {
		const struct cb_doc_item *it = b->items.items[i];

		emit_wrapped(out, it->text, "- ", 2, 2, width);
		if (it->detail != NULL && it->detail[0] != '\0')
			emit_wrapped(out, it->detail, NULL, 0, 2, width);
	}
}

/* The widest word and the widest line of a cell: the least and the most
 * room it could want. */
static void
cell_widths(const char *cell, size_t *word, size_t *line)
{
	const char *p = cell;

	*word = 0;
	*line = 0;
	while (*p != '\0') {
		size_t n = strcspn(p, "\n"), lw = cb_utf8_widthn(p, n), i = 0;

		if (lw > *line)
			*line = lw;
		while (i < n) {
			size_t k = i;

			while (k < n && p[k] != ' ')
				k++;
			lw = cb_utf8_widthn(p + i, k - i);
			if (lw > *word)
				*word = lw;
			i = k + 1;
		}
		p += n;
		if (*p == '\n')
			p++;
	}
}

#define COL_GAP 2

static void
render_table(struct cb_buf *out, const struct cb_block *b, size_t width)
{
	size_t nc = b->ncols, nrows = b->cells.len / nc, r, c, total = 0, avail;
	size_t *want = cb_calloc(nc, sizeof *want), *least = cb_calloc(nc, sizeof *least);
	struct cb_vec *cols = cb_calloc(nc, sizeof *cols);

	for (c = 0; c < nc; c++)
		cols[c].free_item = free;
	if (nrows <= 1)
		goto out; /* a header and nothing under it says nothing */
	for (c = 0; c < nc; c++) {
		for (r = 0; r < nrows; r++) {
			size_t word, line;

			cell_widths(b->cells.items[r * nc + c], &word, &line);
			if (line > want[c])
				want[c] = line;
			if (word > least[c])
				least[c] = word;
		}
		if (least[c] > MIN_COL)
			least[c] = MIN_COL;
		if (least[c] < 1)
			least[c] = 1;
		if (want[c] < least[c])
			want[c] = least[c];
		total += want[c];
	}
	avail = width > COL_GAP * (nc - 1) ? width - COL_GAP * (nc - 1) : nc;
	/* Too wide: take a column at a time from the widest, so short columns
	 * (dates, names) stay whole and long text wraps. */
	while (total > avail) {
		size_t widest = nc;

		for (c = 0; c < nc; c++)
			if (want[c] > least[c] && (widest == nc || want[c] > want[widest]))
				widest = c;
		if (widest == nc)
			break; /* it cannot fit: let it run over */
		want[widest]--;
		total--;
	}
	for (r = 0; r < nrows; r++) {
		size_t height = 0, l;

		for (c = 0; c < nc; c++) {
			cb_vec_clear(&cols[c]);
			wrap_text(b->cells.items[r * nc + c], want[c], &cols[c]);
			if (cols[c].len > height)
				height = cols[c].len;
		}
		if (height == 0)
			height = 1;
		for (l = 0; l < height; l++) {
			for (c = 0; c < nc; c++) {
				const char *t = l < cols[c].len ? cols[c].items[l] : "";
				size_t tw = cb_utf8_width(t), pad = want[c] > tw ? want[c] - tw : 0;

				if (c > 0)
					add_spaces(out, COL_GAP);
				if (b->right & (1u << c))
					add_spaces(out, pad);
				cb_buf_add(out, t);
				if (!(b->right & (1u << c)) && c + 1 < nc)
					add_spaces(out, pad);
			}
			end_line(out);
		}
		if (r == 0) {
			for (c = 0; c < nc; c++) {
				size_t k;

				if (c > 0)
					add_spaces(out, COL_GAP);
				for (k = 0; k < want[c]; k++)
					cb_buf_addc(out, '-');
			}
			cb_buf_addc(out, '\n');
		}
	}
out:
	for (c = 0; c < nc; c++)
		cb_vec_clear(&cols[c]);
	free(cols);
	free(want);
	free(least);
}

static void
render_notice(struct cb_buf *out, const struct cb_block *b, size_t width)
{
	struct cb_vec lines = CB_VEC_OWNING(free);
	size_t i, w = 0, k;

	wrap_text(b->text, width > 8 ? width - 8 : MIN_AVAIL, &lines);
	for (i = 0; i < lines.len; i++) {
		size_t lw = cb_utf8_width(lines.items[i]);

		if (lw > w)
			w = lw;
	}
	for (k = 0; k < w + 8; k++)
		cb_buf_addc(out, '*');
	cb_buf_addc(out, '\n');
	for (i = 0; i < lines.len; i++) {
		size_t lw = cb_utf8_width(lines.items[i]);

		cb_buf_add(out, "*** ");
		cb_buf_add(out, lines.items[i]);
		add_spaces(out, w - lw);
		cb_buf_add(out, " ***\n");
	}
	for (k = 0; k < w + 8; k++)
		cb_buf_addc(out, '*');
	cb_buf_addc(out, '\n');
	cb_vec_clear(&lines);
}

void
cb_render_txt(const struct cb_doc *d, size_t width, struct cb_buf *out)
{
	const struct cb_block *prev = NULL;
	size_t i;

	if (width < MIN_AVAIL)
		width = MIN_AVAIL;
	cb_buf_add(out, "");
	for (i = 0; i < d->blocks.len; i++) {
		const struct cb_block *b = d->blocks.items[i];

		if (cb_block_is_empty(b))
			continue;
		/* A blank line between blocks, except straight under a minor
		 * heading, which belongs to what follows it. */
		if (prev != NULL && !(prev->kind == CB_BLOCK_HEADING && prev->level >= 3))
			cb_buf_addc(out, '\n');
		switch (b->kind) {
		case CB_BLOCK_HEADING: render_heading(out, b, width); break;
		case CB_BLOCK_TEXT: emit_wrapped(out, b->text, NULL, 0, 0, width); break;
		case CB_BLOCK_PRE: {
			const char *p = b->text;

			/* Verbatim, indented so it reads as quoted. */
			while (*p != '\0') {
				size_t n = strcspn(p, "\n");

				if (n > 0)
					cb_buf_add(out, "    ");
				cb_buf_addn(out, p, n);
				cb_buf_addc(out, '\n');
				p += n;
				if (*p == '\n')
					p++;
			}
			break;
		}
		case CB_BLOCK_FIELDS: render_fields(out, b, width); break;
		case CB_BLOCK_LIST: render_list(out, b, width); break;
		case CB_BLOCK_TABLE: render_table(out, b, width); break;
		case CB_BLOCK_NOTICE: render_notice(out, b, width); break;
		}
		prev = b;
	}
	if (d->footer != NULL && d->footer[0] != '\0') {
		if (prev != NULL)
			cb_buf_addc(out, '\n');
		emit_wrapped(out, d->footer, NULL, 0, 0, width);
	}
}
