/* SPDX-License-Identifier: MIT */
/* Markdown (CommonMark, with GitHub-style tables), for turning into a
 * conference or court report with the authority's own tools. Recorded
 * text is escaped so that nothing a worker typed (an asterisk, a "#", a
 * line that starts "1.") turns into formatting, a link or HTML. Lines are
 * not wrapped: a converter reflows them anyway, and a hard wrap could turn
 * a recorded "- " or "1." into a list. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "casebook/export.h"
#include "casebook/str.h"
#include "casebook/vec.h"

/* Always special, wherever they are. '&' starts an entity, '<' raw HTML
 * or an autolink, '|' a table cell, '~' strikethrough in most flavours. */
static bool
always_special(char c)
{
	return strchr("\\`*_[]<>#|~&!", c) != NULL;
}

/* One line of recorded text, escaped. Where it could open a block (at the
 * start of a line, or of a list item), what would start a list, a rule, a
 * setext underline or a code block by indentation is escaped or dropped
 * too; inside a heading or a table cell it is only text. */
static void
escape_line(struct cb_buf *out, const char *s, size_t n, bool block_start)
{
	size_t i = 0, digits = 0;

	while (i < n && s[i] == ' ')
		i++; /* four spaces would start a code block */
	if (block_start && i < n && (s[i] == '-' || s[i] == '+' || s[i] == '=')) {
		cb_buf_addc(out, '\\');
		cb_buf_addc(out, s[i++]);
	}
	while (block_start && i + digits < n && digits < 10 && s[i + digits] >= '0' &&
	       s[i + digits] <= '9')
		digits++;
	if (digits > 0 && i + digits < n && (s[i + digits] == '.' || s[i + digits] == ')')) {
		cb_buf_addn(out, s + i, digits);
		cb_buf_addc(out, '\\');
		cb_buf_addc(out, s[i + digits]);
		i += digits + 1;
	}
	for (; i < n; i++) {
		if (always_special(s[i]))
			cb_buf_addc(out, '\\');
		cb_buf_addc(out, s[i]);
	}
	while (out->len > 0 && out->s[out->len - 1] == ' ')
		out->s[--out->len] = '\0';
}

/* Text over several lines: a line break in the record is a hard break
 * (a backslash at the end of the line); each line after the first starts
 * with prefix. Blank lines are dropped here: inside an item or a cell they
 * would end it. */
static void
escape_lines(struct cb_buf *out, const char *text, const char *prefix)
{
	const char *p = text;
	bool first = true;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");
		size_t k = 0;

		while (k < n && p[k] == ' ')
			k++;
		if (k < n) {
			if (!first) {
				cb_buf_add(out, "\\\n");
				cb_buf_add(out, prefix);
			}
			escape_line(out, p, n, true);
			first = false;
		}
		p += n;
		if (*p == '\n')
			p++;
	}
}

/* A paragraph block: blank lines in the record separate paragraphs. */
static void
escape_paragraphs(struct cb_buf *out, const char *text, const char *prefix)
{
	const char *p = text;
	bool in_para = false, gap = false;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n"), k = 0;

		while (k < n && p[k] == ' ')
			k++;
		if (k == n) {
			gap = in_para;
		} else {
			if (gap) {
				cb_buf_add(out, "\n");
				cb_buf_add(out, prefix);
				cb_buf_add(out, "\n");
				cb_buf_add(out, prefix);
			} else if (in_para) {
				cb_buf_add(out, "\\\n");
				cb_buf_add(out, prefix);
			}
			escape_line(out, p, n, true);
			in_para = true;
			gap = false;
		}
		p += n;
		if (*p == '\n')
			p++;
	}
	cb_buf_addc(out, '\n');
}

/* A table cell or a heading: one line, pipes escaped (always_special
 * does that). */
static void
escape_cell(struct cb_buf *out, const char *text)
{
	const char *p = text;
	bool first = true;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");

		if (n > 0) {
			if (!first)
				cb_buf_addc(out, ' ');
			escape_line(out, p, n, false);
			first = false;
		}
		p += n;
		if (*p == '\n')
			p++;
	}
}

/* A fence longer than any run of backticks in the text. */
static void
render_pre(struct cb_buf *out, const char *text)
{
	size_t run = 0, longest = 0, i, fence;
	const char *p;

	for (p = text; *p != '\0'; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	fence = longest >= 3 ? longest + 1 : 3;
	for (i = 0; i < fence; i++)
		cb_buf_addc(out, '`');
	cb_buf_addc(out, '\n');
	cb_buf_add(out, text);
	if (out->len > 0 && out->s[out->len - 1] != '\n')
		cb_buf_addc(out, '\n');
	for (i = 0; i < fence; i++)
		cb_buf_addc(out, '`');
	cb_buf_addc(out, '\n');
}

static void
render_table(struct cb_buf *out, const struct cb_block *b)
{
	size_t nc = b->ncols, nrows = b->cells.len / nc, r, c;

	for (r = 0; r < nrows; r++) {
		cb_buf_addc(out, '|');
		for (c = 0; c < nc; c++) {
			cb_buf_addc(out, ' ');
			escape_cell(out, b->cells.items[r * nc + c]);
			cb_buf_add(out, " |");
		}
		cb_buf_addc(out, '\n');
		if (r == 0) {
			cb_buf_addc(out, '|');
			for (c = 0; c < nc; c++)
				cb_buf_add(out, b->right & (1u << c) ? " ---: |" : " --- |");
			cb_buf_addc(out, '\n');
		}
	}
}

void
cb_render_md(const struct cb_doc *d, struct cb_buf *out)
{
	bool any = false;
	size_t i, k;

	cb_buf_add(out, "");
	for (i = 0; i < d->blocks.len; i++) {
		const struct cb_block *b = d->blocks.items[i];

		if (cb_block_is_empty(b))
			continue;
		if (any)
			cb_buf_addc(out, '\n');
		any = true;
		switch (b->kind) {
		case CB_BLOCK_HEADING:
			for (k = 0; k < (size_t)b->level; k++)
				cb_buf_addc(out, '#');
			cb_buf_addc(out, ' ');
			escape_cell(out, b->text);
			cb_buf_addc(out, '\n');
			break;
		case CB_BLOCK_TEXT:
			escape_paragraphs(out, b->text, "");
			break;
		case CB_BLOCK_PRE:
			render_pre(out, b->text);
			break;
		case CB_BLOCK_NOTICE:
			cb_buf_add(out, "> **");
			escape_lines(out, b->text, "> ");
			cb_buf_add(out, "**\n");
			break;
		case CB_BLOCK_FIELDS:
			for (k = 0; k < b->items.len; k++) {
				const struct cb_doc_item *it = b->items.items[k];

				cb_buf_add(out, "- **");
				escape_cell(out, it->text);
				cb_buf_add(out, ":**");
				if (it->detail != NULL && !cb_str_empty(it->detail)) {
					cb_buf_addc(out, ' ');
					escape_lines(out, it->detail, "  ");
				}
				cb_buf_addc(out, '\n');
			}
			break;
		case CB_BLOCK_LIST:
			for (k = 0; k < b->items.len; k++) {
				const struct cb_doc_item *it = b->items.items[k];

				cb_buf_add(out, "- ");
				escape_lines(out, it->text, "  ");
				if (it->detail != NULL && !cb_str_empty(it->detail)) {
					if (!cb_str_empty(it->text))
						cb_buf_add(out, "\\\n  ");
					escape_lines(out, it->detail, "  ");
				}
				cb_buf_addc(out, '\n');
			}
			break;
		case CB_BLOCK_TABLE:
			render_table(out, b);
			break;
		}
	}
	if (d->footer != NULL && !cb_str_empty(d->footer)) {
		if (any)
			cb_buf_add(out, "\n");
		cb_buf_add(out, "---\n\n");
		escape_paragraphs(out, d->footer, "");
	}
}
