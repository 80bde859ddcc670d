/* SPDX-License-Identifier: MIT */
/* HTML: one self-contained page (no scripts, no fonts or styles from
 * elsewhere, so it opens the same offline, in a court bundle or an email)
 * that prints cleanly on A4. Every piece of recorded text is escaped. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "casebook/export.h"
#include "casebook/i18n.h"
#include "casebook/str.h"
#include "casebook/vec.h"

static const char stylesheet[] =
	"body{font:11pt/1.45 \"DejaVu Sans\",\"Noto Sans\",Arial,sans-serif;color:#000;"
	"background:#fff;max-width:50em;margin:2em auto;padding:0 1em}\n"
	"h1{font-size:1.6em;border-bottom:2px solid #000;padding-bottom:.2em}\n"
	"h2{font-size:1.3em;border-bottom:1px solid #777;margin-top:1.8em}\n"
	"h3{font-size:1.1em;margin:1.2em 0 .3em}\n"
	"h4{font-size:1em;margin:1em 0 .3em}\n"
	"p{margin:.3em 0 .7em}\n"
	"table{border-collapse:collapse;width:100%;margin:.3em 0 1em}\n"
	"th,td{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}\n"
	"thead th{background:#eee}\n"
	"td.num,th.num{text-align:right}\n"
	"table.fields{width:auto}\n"
	"table.fields th,table.fields td{border:0;background:none;padding:.1em 1em .1em 0}\n"
	"ul{padding-left:1.4em}\n"
	"li{margin:.3em 0}\n"
	".detail{margin-top:.1em}\n"
	"pre{white-space:pre-wrap;font:.95em/1.4 \"DejaVu Sans Mono\",monospace;"
	"border-left:3px solid #999;padding-left:.8em}\n"
	".notice{border:3px solid #000;padding:.5em .8em;font-weight:bold;margin:1em 0}\n"
	"footer{margin-top:2em;border-top:1px solid #777;font-size:.9em}\n"
	/* A draft says so on every printed page, not only the first. */
	"body.draft::before{content:attr(data-mark);position:fixed;top:40%;left:0;right:0;"
	"text-align:center;font-size:7em;font-weight:bold;color:rgba(0,0,0,.08);"
	"transform:rotate(-30deg);z-index:-1;pointer-events:none}\n"
	"@page{size:A4;margin:18mm 16mm}\n"
	"@media print{body{margin:0;max-width:none;font-size:10pt}"
	"h1,h2,h3,h4{break-after:avoid;page-break-after:avoid}"
	"tr,li,.notice{break-inside:avoid;page-break-inside:avoid}"
	"thead{display:table-header-group}"
	/* A table short enough for one page is never cut; a longer one
	 * repeats its header row on each page. */
	"table{break-inside:avoid;page-break-inside:avoid}"
	"body.sections h2{break-before:page;page-break-before:always}}\n";

static void
escape(struct cb_buf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] != '\0'; i++) {
		switch (s[i]) {
		case '&': cb_buf_add(out, "&amp;"); break;
		case '<': cb_buf_add(out, "&lt;"); break;
		case '>': cb_buf_add(out, "&gt;"); break;
		case '"': cb_buf_add(out, "&quot;"); break;
		case '\'': cb_buf_add(out, "&#39;"); break;
		default: cb_buf_addc(out, s[i]); break;
		}
	}
}

static void
escape_all(struct cb_buf *out, const char *s)
{
	escape(out, s, strlen(s));
}

/* Line breaks in the record are kept as <br>. */
static void
escape_lines(struct cb_buf *out, const char *text)
{
	const char *p = text;
	bool first = true;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");

		if (!first)
			cb_buf_add(out, "<br>\n");
		escape(out, p, n);
		first = false;
		p += n;
		if (*p == '\n')
			p++;
	}
}

/* Paragraphs, split at blank lines. */
static void
paragraphs(struct cb_buf *out, const char *text)
{
	const char *p = text;
	bool open = false;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n"), k = 0;

		while (k < n && p[k] == ' ')
			k++;
		if (k == n) {
			if (open)
				cb_buf_add(out, "</p>\n");
			open = false;
		} else {
			if (!open)
				cb_buf_add(out, "<p>");
			else
				cb_buf_add(out, "<br>\n");
			escape(out, p, n);
			open = true;
		}
		p += n;
		if (*p == '\n')
			p++;
	}
	if (open)
		cb_buf_add(out, "</p>\n");
}

static void
render_table(struct cb_buf *out, const struct cb_block *b)
{
	size_t nc = b->ncols, nrows = b->cells.len / nc, r, c;

	cb_buf_add(out, "<table>\n<thead>\n<tr>");
	for (c = 0; c < nc; c++) {
		cb_buf_add(out, b->right & (1u << c) ? "<th scope=\"col\" class=\"num\">"
		                                     : "<th scope=\"col\">");
		escape_lines(out, b->cells.items[c]);
		cb_buf_add(out, "</th>");
	}
	cb_buf_add(out, "</tr>\n</thead>\n<tbody>\n");
	for (r = 1; r < nrows; r++) {
		cb_buf_add(out, "<tr>");
		for (c = 0; c < nc; c++) {
			cb_buf_add(out, b->right & (1u << c) ? "<td class=\"num\">" : "<td>");
			escape_lines(out, b->cells.items[r * nc + c]);
			cb_buf_add(out, "</td>");
		}
		cb_buf_add(out, "</tr>\n");
	}
	cb_buf_add(out, "</tbody>\n</table>\n");
}

void
cb_render_html(const struct cb_doc *d, struct cb_buf *out)
{
	size_t i, k;

	cb_buf_add(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	                "<meta name=\"generator\" content=\"casebook " PACKAGE_VERSION "\">\n"
	                "<title>");
	escape_all(out, d->title);
	cb_buf_add(out, "</title>\n<style>\n");
	cb_buf_add(out, stylesheet);
	cb_buf_add(out, "</style>\n</head>\n");
	if (d->draft) {
		cb_buf_add(out, d->section_pages ? "<body class=\"draft sections\" data-mark=\""
		                                 : "<body class=\"draft\" data-mark=\"");
		escape_all(out, _("DRAFT"));
		cb_buf_add(out, "\">\n<main>\n");
	} else {
		cb_buf_add(out, d->section_pages ? "<body class=\"sections\">\n<main>\n"
		                                 : "<body>\n<main>\n");
	}
	for (i = 0; i < d->blocks.len; i++) {
		const struct cb_block *b = d->blocks.items[i];

		if (cb_block_is_empty(b))
			continue;
		switch (b->kind) {
		case CB_BLOCK_HEADING:
			cb_buf_addf(out, "<h%d>", b->level);
			escape_lines(out, b->text);
			cb_buf_addf(out, "</h%d>\n", b->level);
			break;
		case CB_BLOCK_TEXT:
			paragraphs(out, b->text);
			break;
		case CB_BLOCK_PRE:
			cb_buf_add(out, "<pre>");
			escape_all(out, b->text);
			cb_buf_add(out, "</pre>\n");
			break;
		case CB_BLOCK_NOTICE:
			cb_buf_add(out, "<div class=\"notice\" role=\"note\">");
			escape_lines(out, b->text);
			cb_buf_add(out, "</div>\n");
			break;
		case CB_BLOCK_FIELDS:
			cb_buf_add(out, "<table class=\"fields\">\n");
			for (k = 0; k < b->items.len; k++) {
				const struct cb_doc_item *it = b->items.items[k];

				cb_buf_add(out, "<tr><th scope=\"row\">");
				escape_lines(out, it->text);
				cb_buf_add(out, "</th><td>");
				escape_lines(out, it->detail != NULL ? it->detail : "");
				cb_buf_add(out, "</td></tr>\n");
			}
			cb_buf_add(out, "</table>\n");
			break;
		case CB_BLOCK_LIST:
			cb_buf_add(out, "<ul>\n");
			for (k = 0; k < b->items.len; k++) {
				const struct cb_doc_item *it = b->items.items[k];

				cb_buf_add(out, "<li>");
				escape_lines(out, it->text);
				if (it->detail != NULL && !cb_str_empty(it->detail)) {
					cb_buf_add(out, "<div class=\"detail\">");
					escape_lines(out, it->detail);
					cb_buf_add(out, "</div>");
				}
				cb_buf_add(out, "</li>\n");
			}
			cb_buf_add(out, "</ul>\n");
			break;
		case CB_BLOCK_TABLE:
			render_table(out, b);
			break;
		}
	}
	cb_buf_add(out, "</main>\n");
	if (d->footer != NULL && !cb_str_empty(d->footer)) {
		cb_buf_add(out, "<footer>\n");
		paragraphs(out, d->footer);
		cb_buf_add(out, "</footer>\n");
	}
	cb_buf_add(out, "</body>\n</html>\n");
}
