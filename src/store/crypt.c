/* SPDX-License-Identifier: MIT */
/* Encrypted backups: a passphrase stretched with Argon2id, the database
 * sealed with libsodium's secretstream (XChaCha20-Poly1305) in chunks, so
 * that a changed, reordered, cut or wrong-passphrase file is refused
 * before anything is replaced. The layout is in casebook(1), BACKUP FILES:
 *
 *   0  8  "CBBACKUP"             magic
 *   8  1  format version (1)
 *   9  1  KDF: 1 = Argon2id v1.3
 *  10  2  zero
 *  12  4  Argon2id opslimit, little-endian
 *  16  8  Argon2id memlimit in bytes, little-endian
 *  24 16  salt
 *  40 24  secretstream header
 *  64 ..  chunks: 65536 bytes of the database each (the last shorter,
 *         tagged final), each sealed with 17 bytes of tag, and the first
 *         40 bytes above as additional data.
 *
 * The database goes through memory, never a plain temporary file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/str.h"
#include "internal.h"

#define MAGIC "CBBACKUP"
#define FORMAT_VERSION 1
#define KDF_ARGON2ID 1
#define AD_LEN 40
#define HEAD_LEN (AD_LEN + crypto_secretstream_xchacha20poly1305_HEADERBYTES)
#define CHUNK 65536
#define SEALED (CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES)
/* What a file may ask of the machine that reads it. */
#define MAX_OPSLIMIT 16
#define MAX_MEMLIMIT ((uint64_t)1 << 30)

static void
put_le(unsigned char *p, uint64_t v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t
get_le(const unsigned char *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

int
st_crypt_init(struct cb_err *err)
{
	if (sodium_init() < 0)
		return cb_err_set(err, CB_EINTERNAL, _("the encryption library could not start"));
	return 0;
}

static int
derive(unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES], const char *pass,
       const unsigned char *salt, uint64_t ops, uint64_t mem, struct cb_err *err)
{
	if (crypto_pwhash(key, crypto_secretstream_xchacha20poly1305_KEYBYTES, pass, strlen(pass),
	                  salt, ops, (size_t)mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return cb_err_set(err, CB_ENOMEM,
		                  _("there is not enough memory to derive the key (%llu MiB needed)"),
		                  (unsigned long long)(mem >> 20));
	return 0;
}

int
st_crypt_write(const char *dest, const unsigned char *data, size_t len, const char *pass,
               struct cb_err *err)
{
	unsigned char head[HEAD_LEN], key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	crypto_secretstream_xchacha20poly1305_state state;
	unsigned char *out = cb_malloc(SEALED);
	uint64_t ops = crypto_pwhash_OPSLIMIT_MODERATE, mem = crypto_pwhash_MEMLIMIT_MODERATE;
	size_t at = 0;
	int fd = -1, e = 0;

	memset(head, 0, sizeof head);
	memcpy(head, MAGIC, 8);
	head[8] = FORMAT_VERSION;
	head[9] = KDF_ARGON2ID;
	put_le(head + 12, ops, 4);
	put_le(head + 16, mem, 8);
	randombytes_buf(head + 24, crypto_pwhash_SALTBYTES);
	if (derive(key, pass, head + 24, ops, mem, err) != 0)
		goto fail;
	crypto_secretstream_xchacha20poly1305_init_push(&state, head + AD_LEN, key);
	sodium_memzero(key, sizeof key);
	/* Made new, private, with its folders, as the database is. */
	if (st_create_private(dest, err) != 0)
		goto fail;
	fd = open(dest, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		goto io;
	if (cb_write_all(fd, head, sizeof head) != 0)
		goto io;
	do {
		size_t n = len - at > CHUNK ? CHUNK : len - at;
		unsigned char tag = at + n == len ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;
		unsigned long long outlen;

		crypto_secretstream_xchacha20poly1305_push(&state, out, &outlen, data + at, n, head,
		                                           AD_LEN, tag);
		if (cb_write_all(fd, out, (size_t)outlen) != 0)
			goto io;
		at += n;
	} while (at < len);
	if (fsync(fd) != 0 || close(fd) != 0) {
		fd = -1;
		goto io;
	}
	sodium_memzero(&state, sizeof state);
	free(out);
	return 0;
io:
	e = errno;
	cb_err_set(err, e == ENOSPC ? CB_EFULL : CB_EIO,
	           e == ENOSPC ? _("the disk is full, so the backup %s was not made: free some "
	                           "space and try again")
	                       : _("the backup %s could not be written: %s"), dest, strerror(e));
	if (fd >= 0)
		close(fd);
	unlink(dest);
fail:
	sodium_memzero(&state, sizeof state);
	free(out);
	return -1;
}

static int
read_file(const char *path, unsigned char **out, size_t *len, struct cb_err *err)
{
	struct stat sb;
	unsigned char *buf;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return cb_err_set(err, errno == ENOENT ? CB_ENOTFOUND : CB_EIO,
		                  _("cannot read the backup %s: %s"), path, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return cb_err_set(err, CB_EINVAL, _("%s is not a backup file"), path);
	}
	buf = cb_malloc((size_t)sb.st_size + 1);
	while (got < (size_t)sb.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)sb.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	if (got != (size_t)sb.st_size) {
		free(buf);
		return cb_err_set(err, CB_EIO, _("cannot read the backup %s"), path);
	}
	*out = buf;
	*len = got;
	return 0;
}

static bool
st_crypt_is_sealed(const unsigned char *data, size_t len)
{
	return len >= 8 && memcmp(data, MAGIC, 8) == 0;
}

bool
cb_store_backup_is_sealed(const char *path)
{
	unsigned char head[8];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return false;
	n = read(fd, head, sizeof head);
	close(fd);
	return n == (ssize_t)sizeof head && st_crypt_is_sealed(head, sizeof head);
}

int
st_crypt_read(const char *path, const char *pass, unsigned char **out, size_t *outlen,
              bool *sealed, struct cb_err *err)
{
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	crypto_secretstream_xchacha20poly1305_state state;
	unsigned char *file = NULL, *plain = NULL;
	size_t len = 0, at, plen = 0;
	uint64_t ops, mem;
	bool final = false;

	*out = NULL;
	*outlen = 0;
	if (read_file(path, &file, &len, err) != 0)
		return -1;
	*sealed = st_crypt_is_sealed(file, len);
	if (!*sealed) {
		/* A plain backup: the database itself, checked by the caller. */
		*out = file;
		*outlen = len;
		return 0;
	}
	if (len < HEAD_LEN) {
		cb_err_set(err, CB_ECORRUPT, _("the backup %s is cut short: it cannot be restored"),
		           path);
		goto fail;
	}
	if (file[8] > FORMAT_VERSION) {
		cb_err_set(err, CB_ENEWER,
		           _("the backup %s was made by a newer casebook (backup format %d): install "
		             "the newer casebook to restore it"), path, file[8]);
		goto fail;
	}
	ops = get_le(file + 12, 4);
	mem = get_le(file + 16, 8);
	if (file[8] != FORMAT_VERSION || file[9] != KDF_ARGON2ID || file[10] != 0 ||
	    file[11] != 0 || ops < crypto_pwhash_OPSLIMIT_MIN || ops > MAX_OPSLIMIT ||
	    mem < crypto_pwhash_MEMLIMIT_MIN || mem > MAX_MEMLIMIT) {
		cb_err_set(err, CB_ECORRUPT,
		           _("the backup %s has a damaged header: it cannot be restored"), path);
		goto fail;
	}
	if (derive(key, pass, file + 24, ops, mem, err) != 0)
		goto fail;
	if (crypto_secretstream_xchacha20poly1305_init_pull(&state, file + AD_LEN, key) != 0) {
		sodium_memzero(key, sizeof key);
		cb_err_set(err, CB_ECORRUPT, _("the backup %s has a damaged header"), path);
		goto fail;
	}
	sodium_memzero(key, sizeof key);
	plain = cb_malloc(len);
	for (at = HEAD_LEN; at < len && !final;) {
		size_t n = len - at > SEALED ? SEALED : len - at;
		unsigned long long got;
		unsigned char tag;

		if (crypto_secretstream_xchacha20poly1305_pull(&state, plain + plen, &got, &tag,
		                                               file + at, n, file, AD_LEN) != 0) {
			cb_err_set(err, CB_EPERM,
			           at == HEAD_LEN
			               ? _("the passphrase is wrong, or the backup %s was changed: "
			                   "nothing was restored")
			               : _("the backup %s was changed, cut short or damaged: nothing was "
			                   "restored"),
			           path);
			goto fail;
		}
		plen += (size_t)got;
		at += n;
		final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
	}
	if (!final || at != len) {
		cb_err_set(err, CB_ECORRUPT,
		           !final ? _("the backup %s is cut short: nothing was restored")
		                  : _("the backup %s has data after its end: nothing was restored"),
		           path);
		goto fail;
	}
	sodium_memzero(&state, sizeof state);
	free(file);
	*out = plain;
	*outlen = plen;
	return 0;
fail:
	sodium_memzero(&state, sizeof state);
	if (plain != NULL) {
		sodium_memzero(plain, len);
		free(plain);
	}
	free(file);
	return -1;
}
