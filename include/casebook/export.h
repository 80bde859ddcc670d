/* SPDX-License-Identifier: MIT */
/* Documents for people outside the workbook: the family record for a
 * conference or court report, and group supervision minutes. A document is
 * a list of simple blocks; each writer (plain text, Markdown, HTML) renders
 * the same document, so the three never say different things. Recorded
 * text goes in as it was written and each writer escapes it for its own
 * format. */
#ifndef CASEBOOK_EXPORT_H
#define CASEBOOK_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "casebook/date.h"
#include "casebook/vec.h"

struct cb_buf;
struct cb_err;

enum cb_export_format {
	CB_EXPORT_TXT,
	CB_EXPORT_MD,
	CB_EXPORT_HTML
};

/* Plain text is wrapped to this many display columns. */
#define CB_TXT_WIDTH 78

enum cb_block_kind {
	CB_BLOCK_HEADING, /* text; level 1 (the document's own) to 4 */
	CB_BLOCK_TEXT,    /* a paragraph; its line breaks and blank lines are kept */
	CB_BLOCK_PRE,     /* kept exactly as it is: never wrapped or reflowed */
	CB_BLOCK_FIELDS,  /* "key: value" lines */
	CB_BLOCK_LIST,    /* bullet items, each with an optional detail under it */
	CB_BLOCK_TABLE,   /* a header row and rows of cells */
	CB_BLOCK_NOTICE   /* must not be missed: DRAFT */
};

/* A list item (text, detail) or a field (key in text, value in detail). */
struct cb_doc_item {
	char *text;
	char *detail; /* may be NULL; its line breaks are kept */
};

struct cb_block {
	enum cb_block_kind kind;
	int level;              /* headings */
	char *text;             /* headings, text, pre, notice */
	struct cb_vec items;    /* struct cb_doc_item: fields, list */
	size_t ncols;           /* tables */
	struct cb_vec cells;    /* char *: tables, row by row, the header first */
	unsigned right;         /* tables: bit c set = column c right-aligned */
};

struct cb_doc {
	char *title;            /* the page title */
	char *footer;           /* may be NULL */
	bool draft;             /* not final: marked on every page */
	bool section_pages;     /* printed, each level 2 section starts a page */
	struct cb_vec blocks;   /* struct cb_block, owned */
};

/* Every string given to a document is copied, and made safe on the way
 * in: invalid UTF-8 becomes U+FFFD, line ends become \n, tabs become a
 * space and other control characters (which could drive a terminal or
 * break a page) become U+FFFD. NULL is taken as "". */
struct cb_doc *cb_doc_new(const char *title);
void cb_doc_free(struct cb_doc **d);
void cb_doc_set_footer(struct cb_doc *d, const char *footer);

void cb_doc_heading(struct cb_doc *d, int level, const char *text);
void cb_doc_text(struct cb_doc *d, const char *text);
void cb_doc_textf(struct cb_doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cb_doc_pre(struct cb_doc *d, const char *text);
void cb_doc_notice(struct cb_doc *d, const char *text);

/* Fields and lists: make the block, then add to it. */
struct cb_block *cb_doc_fields(struct cb_doc *d);
void cb_block_field(struct cb_block *b, const char *key, const char *value);
void cb_block_fieldf(struct cb_block *b, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
struct cb_block *cb_doc_list(struct cb_doc *d);
void cb_block_item(struct cb_block *b, const char *text, const char *detail);

/* A table of ncols columns (at least 1) with these headings. */
struct cb_block *cb_doc_table(struct cb_doc *d, size_t ncols, const char *const *headers);
void cb_block_row(struct cb_block *b, const char *const *cells);
void cb_block_align_right(struct cb_block *b, size_t col);
/* Rows in a table, not counting the header. */
size_t cb_block_rows(const struct cb_block *b);
/* Nothing to show: no items, no rows, only blanks. Writers leave such a
 * block out (a heading is never empty: it says the section is there). */
bool cb_block_is_empty(const struct cb_block *b);

/* The text as the document keeps it (see above); owned by the caller. */
char *cb_doc_clean(const char *s);

/* Writers: they append to out. Plain text is wrapped to width columns by
 * display width (wide characters count two, combining marks none). */
void cb_render_txt(const struct cb_doc *d, size_t width, struct cb_buf *out);
void cb_render_md(const struct cb_doc *d, struct cb_buf *out);
void cb_render_html(const struct cb_doc *d, struct cb_buf *out);
void cb_render(const struct cb_doc *d, enum cb_export_format f, struct cb_buf *out);

/* Save rendered text to a new file at path (never over one that is
 * there: CB_EEXIST), mode 0600, after recording the export in the audit
 * trail (action export, entity, entity_id, detail). On failure nothing is
 * left behind. */
struct cb_store;
int cb_export_save(struct cb_store *s, const struct cb_buf *text, const char *path,
                   const char *entity, const char *entity_id, const char *detail,
                   struct cb_err *err);
/* "DIR/report-FS-26-0142-2026-11-27.html", or with -2, -3 ... when that
 * is taken. New string. */
char *cb_export_path(const char *dir, const char *what, const char *reference,
                     struct cb_date day, enum cb_export_format f);

/* "txt", "md" or "html". */
int cb_export_format_parse(const char *s, enum cb_export_format *out, struct cb_err *err);
const char *cb_export_format_name(enum cb_export_format f);

#endif
