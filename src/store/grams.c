/* SPDX-License-Identifier: MIT */
/* The caseload filter's index for one and two characters. The trigram
 * index (family_find) cannot find a filter shorter than three
 * characters, and reading every family's names to count those that hold
 * "n" took longer than a key may at 50,000 families.
 *
 * For each gram (one character, or two side by side) of a family's folded
 * name, reference and members' names, a bit is set in a bitmap of
 * families: family_grams holds, for each gram and each chunk of
 * GRAM_CHUNK families (by the families row's rowid), the bits of the
 * families of that chunk that hold the gram, with its trailing zero bytes
 * left off. Counting a filter's families is then counting bits, and its
 * families are the bits set.
 *
 * The triggers on family_heads (migrate.c) only note a family whose
 * names or retraction changed in family_grams_todo; the commit of the
 * transaction (cb_store_commit) sets its bits, a chunk at a time. A
 * reader sees the families noted and not yet done as they are now, so
 * what it finds is right whoever wrote the heads and whenever. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "casebook/err.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/str.h"
#include "internal.h"

#define GRAM_CHUNK 4096
#define GRAM_BYTES (GRAM_CHUNK / 8)

/* The length of the character at p, of at most n bytes: by its first
 * byte, for text that is UTF-8 (and one byte for a byte that is not). */
static size_t
char_len(const char *p, size_t n)
{
	unsigned char c = (unsigned char)*p;
	size_t len = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;

	return len > n ? n : len;
}

/* Call fn for each gram of text: each character but a line break, and
 * each two characters side by side with no line break between. */
static void
each_gram(const char *text, void (*fn)(void *ctx, const char *gram, size_t len), void *ctx)
{
	size_t n = strlen(text), i = 0;

	while (i < n) {
		size_t a = char_len(text + i, n - i), b;

		if (text[i] != '\n') {
			fn(ctx, text + i, a);
			if (i + a < n && text[i + a] != '\n') {
				b = char_len(text + i + a, n - i - a);
				if (a + b <= ST_GRAM_MAX)
					fn(ctx, text + i, a + b);
			}
		}
		i += a;
	}
}

/* One chunk's bitmaps while the commit sets them: a table of grams. */
struct gram_row {
	char gram[ST_GRAM_MAX + 1];
	unsigned char bits[GRAM_BYTES];
	bool dirty;
};

struct gram_chunk {
	sqlite3_int64 chunk;
	struct gram_row **rows; /* open addressing, cap a power of two */
	size_t cap, len;
};

static uint32_t
gram_hash(const char *g, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)g[i]) * 16777619u;
	return h;
}

static struct gram_row *
chunk_row(struct gram_chunk *c, const char *gram, size_t len)
{
	size_t i;

	if (2 * (c->len + 1) > c->cap) {
		struct gram_row **old = c->rows;
		size_t oldcap = c->cap, j;

		c->cap = c->cap == 0 ? 512 : c->cap * 2;
		c->rows = cb_calloc(c->cap, sizeof *c->rows);
		for (j = 0; j < oldcap; j++) {
			if (old[j] == NULL)
				continue;
			for (i = gram_hash(old[j]->gram, strlen(old[j]->gram)) & (c->cap - 1);
			     c->rows[i] != NULL; i = (i + 1) & (c->cap - 1))
				;
			c->rows[i] = old[j];
		}
		free(old);
	}
	for (i = gram_hash(gram, len) & (c->cap - 1); c->rows[i] != NULL; i = (i + 1) & (c->cap - 1))
		if (strlen(c->rows[i]->gram) == len && memcmp(c->rows[i]->gram, gram, len) == 0)
			return c->rows[i];
	c->rows[i] = cb_calloc(1, sizeof **c->rows);
	memcpy(c->rows[i]->gram, gram, len);
	c->len++;
	return c->rows[i];
}

static void
chunk_clear(struct gram_chunk *c)
{
	size_t i;

	for (i = 0; i < c->cap; i++)
		free(c->rows[i]);
	free(c->rows);
	c->rows = NULL;
	c->cap = c->len = 0;
}

struct setting {
	struct gram_chunk *c;
	unsigned bit;
};

static void
set_bit(void *ctx, const char *gram, size_t len)
{
	struct setting *set = ctx;
	struct gram_row *r = chunk_row(set->c, gram, len);
	unsigned char mask = (unsigned char)(1u << (set->bit & 7));

	if ((r->bits[set->bit >> 3] & mask) == 0) {
		r->bits[set->bit >> 3] |= mask;
		r->dirty = true;
	}
}

/* The bytes worth keeping: up to the last that is not zero. */
static size_t
bits_len(const unsigned char *bits)
{
	size_t n = GRAM_BYTES;

	while (n > 0 && bits[n - 1] == 0)
		n--;
	return n;
}

static int
chunk_load(struct cb_store *s, struct gram_chunk *c, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (st_prepare_cached(s, "SELECT gram, bits FROM family_grams WHERE chunk = ?1", &st,
	                      err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, c->chunk);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *g = (const char *)sqlite3_column_text(st, 0);
		const void *b = sqlite3_column_blob(st, 1);
		size_t glen = (size_t)sqlite3_column_bytes(st, 0);
		size_t blen = (size_t)sqlite3_column_bytes(st, 1);
		struct gram_row *r;

		if (g == NULL || glen == 0 || glen > ST_GRAM_MAX)
			continue;
		r = chunk_row(c, g, glen);
		if (b != NULL)
			memcpy(r->bits, b, blen < GRAM_BYTES ? blen : GRAM_BYTES);
	}
	st_release(s, st);
	return rc == SQLITE_DONE ? 0 : st_error(s, rc, err);
}

/* Write the bitmaps of the chunk that changed: one with no bit left goes. */
static int
chunk_store(struct cb_store *s, struct gram_chunk *c, struct cb_err *err)
{
	size_t i;

	for (i = 0; i < c->cap; i++) {
		struct gram_row *r = c->rows[i];
		sqlite3_stmt *st;
		size_t n;

		if (r == NULL || !r->dirty)
			continue;
		n = bits_len(r->bits);
		if (st_prepare_cached(s, n == 0 ? "DELETE FROM family_grams WHERE chunk = ?1 AND "
		                                  "gram = ?2"
		                                : "INSERT OR REPLACE INTO family_grams (chunk, gram, "
		                                  "bits) VALUES (?1, ?2, ?3)",
		                      &st, err) != 0)
			return -1;
		sqlite3_bind_int64(st, 1, c->chunk);
		sqlite3_bind_text(st, 2, r->gram, -1, SQLITE_STATIC);
		if (n > 0)
			sqlite3_bind_blob(st, 3, r->bits, (int)n, SQLITE_STATIC);
		if (st_exec_stmt(s, st, err) != 0)
			return -1;
	}
	return 0;
}

/* The family noted, its folded names, and whether it is to be found:
 * the columns of FAMILY_NOTED. */
#define FAMILY_NOTED                                                             \
	"SELECT todo.fam, fh.retracted = 0, fh.name_fold || char(10) || fh.ref_fold || " \
	"char(10) || fh.members_fold FROM family_grams_todo todo LEFT JOIN families fa " \
	"ON fa.rowid = todo.fam LEFT JOIN family_heads fh ON fh.family_id = fa.id "

static void
chunk_unset(struct gram_chunk *c, unsigned bit)
{
	unsigned char mask = (unsigned char)(1u << (bit & 7));
	size_t i;

	for (i = 0; i < c->cap; i++) {
		struct gram_row *r = c->rows[i];

		if (r != NULL && (r->bits[bit >> 3] & mask) != 0) {
			r->bits[bit >> 3] &= (unsigned char)~mask;
			r->dirty = true;
		}
	}
}

int
st_grams_flush(struct cb_store *s, struct cb_err *err)
{
	struct gram_chunk c = {.chunk = -1};
	sqlite3_stmt *st;
	int rc;

	if (!s->grams)
		return 0;
	if (st_prepare_cached(s, FAMILY_NOTED "ORDER BY todo.fam", &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		/* Nothing noted: what almost every commit finds. */
		st_release(s, st);
		return 0;
	}
	while (rc == SQLITE_ROW) {
		sqlite3_int64 fam = sqlite3_column_int64(st, 0);
		const char *text = (const char *)sqlite3_column_text(st, 2);
		struct setting set = {&c, (unsigned)(fam % GRAM_CHUNK)};

		if (fam / GRAM_CHUNK != c.chunk) {
			if ((c.chunk >= 0 && chunk_store(s, &c, err) != 0) ||
			    (chunk_clear(&c), c.chunk = fam / GRAM_CHUNK, chunk_load(s, &c, err)) != 0)
				goto fail;
		}
		chunk_unset(&c, set.bit);
		if (sqlite3_column_int(st, 1) == 1 && text != NULL)
			each_gram(text, set_bit, &set);
		rc = sqlite3_step(st);
	}
	if (rc != SQLITE_DONE) {
		st_error(s, rc, err);
		goto fail;
	}
	st_release(s, st);
	st = NULL;
	if ((c.chunk >= 0 && chunk_store(s, &c, err) != 0) ||
	    st_exec(s, "DELETE FROM family_grams_todo", err) != 0)
		goto fail;
	chunk_clear(&c);
	return 0;
fail:
	st_release(s, st);
	chunk_clear(&c);
	return -1;
}

void
st_grams_probe(struct cb_store *s)
{
	s->grams = st_schema_has(s, "SELECT fam FROM family_grams_todo LIMIT 0");
}

int
st_grams_open(struct cb_store *s, struct cb_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (!s->grams || s->readonly)
		return 0;
	if (st_prepare(s, "SELECT 1 FROM family_grams_todo LIMIT 1", &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return st_error(s, rc, err);
	if (cb_store_begin(s, err) != 0)
		return -1;
	/* The commit sets their bits. */
	return cb_store_commit(s, err);
}

/* What a reader finds: the bitmaps of one gram, chunk by chunk. */
struct found {
	sqlite3_int64 *chunk;
	unsigned char (*bits)[GRAM_BYTES];
	size_t len, cap;
};

static unsigned char *
found_chunk(struct found *f, sqlite3_int64 chunk)
{
	size_t i;

	for (i = 0; i < f->len; i++)
		if (f->chunk[i] == chunk)
			return f->bits[i];
	if (f->len == f->cap) {
		f->cap = f->cap == 0 ? 16 : f->cap * 2;
		f->chunk = cb_reallocarray(f->chunk, f->cap, sizeof *f->chunk);
		f->bits = cb_reallocarray(f->bits, f->cap, sizeof *f->bits);
	}
	f->chunk[f->len] = chunk;
	memset(f->bits[f->len], 0, GRAM_BYTES);
	return f->bits[f->len++];
}

struct holds {
	const char *gram;
	size_t len;
	bool yes;
};

static void
holds_gram(void *ctx, const char *gram, size_t len)
{
	struct holds *h = ctx;

	if (len == h->len && memcmp(gram, h->gram, len) == 0)
		h->yes = true;
}

int
st_grams_find(struct cb_store *s, const char *gram, size_t *count, size_t max,
              struct cb_buf *rowids, struct cb_err *err)
{
	struct found f = {0};
	sqlite3_stmt *st;
	size_t i, j, n = 0;
	int rc;

	*count = 0;
	if (st_prepare_cached(s, "SELECT chunk, bits FROM family_grams WHERE gram = ?1", &st,
	                      err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, gram, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const void *b = sqlite3_column_blob(st, 1);
		size_t blen = (size_t)sqlite3_column_bytes(st, 1);
		unsigned char *bits = found_chunk(&f, sqlite3_column_int64(st, 0));

		if (b != NULL)
			memcpy(bits, b, blen < GRAM_BYTES ? blen : GRAM_BYTES);
	}
	st_release(s, st);
	if (rc != SQLITE_DONE)
		goto fail;
	/* The families noted since the last commit, as they are now. */
	if (st_prepare_cached(s, FAMILY_NOTED, &st, err) != 0)
		goto fail_err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 fam = sqlite3_column_int64(st, 0);
		const char *text = (const char *)sqlite3_column_text(st, 2);
		struct holds h = {gram, strlen(gram), false};
		unsigned char *bits = found_chunk(&f, fam / GRAM_CHUNK);
		unsigned bit = (unsigned)(fam % GRAM_CHUNK);

		if (sqlite3_column_int(st, 1) == 1 && text != NULL)
			each_gram(text, holds_gram, &h);
		if (h.yes)
			bits[bit >> 3] |= (unsigned char)(1u << (bit & 7));
		else
			bits[bit >> 3] &= (unsigned char)~(1u << (bit & 7));
	}
	st_release(s, st);
	if (rc != SQLITE_DONE)
		goto fail;
	for (i = 0; i < f.len; i++)
		for (j = 0; j < GRAM_BYTES; j += 8) {
			uint64_t w;

			memcpy(&w, f.bits[i] + j, sizeof w);
			n += (size_t)__builtin_popcountll(w);
		}
	*count = n;
	/* Few enough: their rowids, as a JSON array. */
	if (rowids != NULL && n <= max) {
		bool first = true;

		cb_buf_addc(rowids, '[');
		for (i = 0; i < f.len; i++)
			for (j = 0; j < GRAM_CHUNK; j++)
				if (f.bits[i][j >> 3] & (1u << (j & 7))) {
					cb_buf_addf(rowids, "%s%lld", first ? "" : ",",
					            (long long)(f.chunk[i] * GRAM_CHUNK + (sqlite3_int64)j));
					first = false;
				}
		cb_buf_addc(rowids, ']');
	}
	free(f.chunk);
	free(f.bits);
	return 0;
fail:
	st_error(s, rc, err);
fail_err:
	free(f.chunk);
	free(f.bits);
	return -1;
}
