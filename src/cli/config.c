/* SPDX-License-Identifier: MIT */
/* The layers of configuration, lowest first: the installed files, the
 * system's $(sysconfdir)/casebook, each XDG_CONFIG_DIRS entry, the user's
 * $XDG_CONFIG_HOME/casebook; then the command line. Each layer may hold
 * modules/, data/ and a `config` file of `key = value` lines. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casebook/diag.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/str.h"
#include "casebook/ui.h"
#include "casebook/vec.h"
#include "cli.h"

static const char *const setting_names[CFG_N] = {
	[CFG_DATABASE] = "database",
	[CFG_WORKER] = "worker",
	[CFG_SERVER] = "server",
	[CFG_IDLE_LOCK] = "idle-lock",
	[CFG_LANGUAGE] = "language",
	[CFG_COLOUR] = "colour",
	[CFG_REQUIRE_ENCRYPTED_DISK] = "require-encrypted-disk",
	[CFG_THEME] = "theme",
};

static const char *const themes[] = {
	[CB_UI_THEME_DEFAULT] = "default",
	[CB_UI_THEME_HIGH_CONTRAST] = "high-contrast",
	[CB_UI_THEME_MONO] = "mono",
};

int
cli_theme(const char *v)
{
	size_t i;

	for (i = 0; i < sizeof themes / sizeof *themes; i++)
		if (strcmp(v, themes[i]) == 0)
			return (int)i;
	return -1;
}

const char *
cli_setting_name(enum cli_setting k)
{
	return setting_names[k];
}

static void
add_layer(struct cb_vec *v, const char *name, char *dir)
{
	struct cli_layer *l;
	size_t i;

	/* The same folder twice (XDG_CONFIG_DIRS naming the system's) is
	 * read once, at its lower place. */
	for (i = 0; i < v->len; i++)
		if (strcmp(((struct cli_layer *)v->items[i])->dir, dir) == 0) {
			free(dir);
			return;
		}
	l = cb_calloc(1, sizeof *l);
	l->name = name;
	l->dir = dir;
	cb_vec_push(v, l);
}

static void
layer_free(void *p)
{
	struct cli_layer *l = p;

	if (l != NULL)
		free(l->dir);
	free(l);
}

void
cli_layers_init(struct cb_vec *out)
{
	const char *sys = getenv("CASEBOOK_SYSCONFDIR");
	const char *dirs = getenv("XDG_CONFIG_DIRS");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	char *copy, *p;
	struct cb_vec xdgdirs = CB_VEC_BORROWING;
	size_t i;

	*out = (struct cb_vec)CB_VEC_OWNING(layer_free);
	if (sys == NULL || *sys == '\0')
		sys = SYSCONFDIR;
	add_layer(out, "system", cb_asprintf("%s/casebook", sys));
	/* XDG_CONFIG_DIRS lists the most important first, so it is read
	 * from its end; relative entries are ignored, as the rules say. */
	if (dirs == NULL || *dirs == '\0')
		dirs = "/etc/xdg";
	copy = cb_strdup(dirs);
	for (p = strtok(copy, ":"); p != NULL; p = strtok(NULL, ":"))
		if (p[0] == '/')
			cb_vec_push(&xdgdirs, p);
	for (i = xdgdirs.len; i > 0; i--)
		add_layer(out, "system", cb_asprintf("%s/casebook", (char *)xdgdirs.items[i - 1]));
	cb_vec_clear(&xdgdirs);
	free(copy);
	if (xdg != NULL && xdg[0] == '/')
		add_layer(out, "user", cb_asprintf("%s/casebook", xdg));
	else if (home != NULL && *home != '\0')
		add_layer(out, "user", cb_asprintf("%s/.config/casebook", home));
}

char *
cli_data_file(const char *name, const char **layer)
{
	struct cb_vec layers;
	char *best = cb_asprintf("%s/data/%s", cli_datadir(), name);
	size_t i;

	if (layer != NULL)
		*layer = "installed";
	cli_layers_init(&layers);
	for (i = 0; i < layers.len; i++) {
		const struct cli_layer *l = layers.items[i];
		char *p = cb_asprintf("%s/data/%s", l->dir, name);

		if (access(p, F_OK) == 0) {
			free(best);
			best = p;
			if (layer != NULL)
				*layer = l->name;
		} else {
			free(p);
		}
	}
	cb_vec_clear(&layers);
	return best;
}

/* MINUTES, Ns for seconds, or 0/off; -1 when it is neither. */
int
cli_idle_seconds(const char *v)
{
	char *end;
	long n;

	if (strcmp(v, "off") == 0)
		return 0;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || n < 0 || n > 24 * 60)
		return -1;
	if (*end == 's' && end[1] == '\0')
		return (int)n;
	return *end == '\0' ? (int)n * 60 : -1;
}

static int
yes_no(const char *v)
{
	if (strcmp(v, "yes") == 0 || strcmp(v, "on") == 0 || strcmp(v, "true") == 0)
		return 1;
	if (strcmp(v, "no") == 0 || strcmp(v, "off") == 0 || strcmp(v, "false") == 0)
		return 0;
	return -1;
}

/* Whether v will do for k; the message in b when not. */
static bool
value_ok(enum cli_setting k, const char *v, struct cb_buf *b)
{
	switch (k) {
	case CFG_IDLE_LOCK:
		if (cli_idle_seconds(v) >= 0)
			return true;
		cb_buf_addf(b, _("idle-lock '%s' is not a number of minutes (or seconds, as 30s; "
		                 "off for none)"), v);
		return false;
	case CFG_LANGUAGE:
		if (cli_language_code_ok(v))
			return true;
		cb_buf_addf(b, _("language '%s' is not a language code: give one such as cy or en"),
		            v);
		return false;
	case CFG_THEME: {
		const char *best = NULL;
		size_t i, d, best_d = 4;

		if (cli_theme(v) >= 0)
			return true;
		for (i = 0; i < sizeof themes / sizeof *themes; i++)
			if ((d = cb_str_distance(v, themes[i], 3)) < best_d) {
				best_d = d;
				best = themes[i];
			}
		if (best != NULL)
			cb_buf_addf(b, _("theme '%s' is not one casebook has: did you mean '%s'?"), v,
			            best);
		else
			cb_buf_addf(b, _("theme '%s' is not one casebook has: give default, "
			                 "high-contrast or mono"), v);
		return false;
	}
	case CFG_COLOUR:
	case CFG_REQUIRE_ENCRYPTED_DISK:
		if (yes_no(v) >= 0)
			return true;
		cb_buf_addf(b, _("%s '%s' should be yes or no"), setting_names[k], v);
		return false;
	default:
		return true;
	}
}

static void
set(struct cli_config *cfg, enum cli_setting k, const char *v, char *from)
{
	free(cfg->value[k]);
	free(cfg->from[k]);
	cfg->value[k] = cb_strdup(v);
	cfg->from[k] = from;
}

/* key.ACTION = KEYS: the key table changes at once, so a later line is
 * checked against the keys as the earlier ones left them. */
static void
parse_binding(struct cli_config *cfg, const char *file, size_t lineno, size_t col,
              size_t val_col, const char *key, const char *val, struct cb_diags *diags)
{
	struct cb_buf msg = {0};
	struct cli_binding *kb;
	int rc;

	if (*val == '\0') {
		cb_diags_add(diags, file, lineno, val_col, _("%s needs a value (this line is left out)"),
		             key);
		return;
	}
	rc = cb_ui_rebind(key + 4, val, &msg);
	if (rc != 0) {
		cb_diags_add(diags, file, lineno, rc == CB_UI_REBIND_ACTION ? col + 4 : val_col,
		             _("%s (this line is left out)"), cb_buf_str(&msg));
		cb_buf_free(&msg);
		return;
	}
	kb = cb_calloc(1, sizeof *kb);
	kb->action = cb_strdup(key + 4);
	kb->keys = cb_strdup(val);
	kb->from = cb_asprintf("%s:%zu", file, lineno);
	cb_vec_push(&cfg->keys, kb);
}

/* One line: "key = value", a comment, or blank. */
static void
parse_line(struct cli_config *cfg, const char *file, size_t lineno, char *line, bool user,
           struct cb_diags *diags)
{
	char *p = line, *eq, *key, *val, *end;
	size_t col, k, best_d = 4;
	const char *best = NULL;
	struct cb_buf b = {0};

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0' || *p == '#')
		return;
	col = (size_t)(p - line) + 1;
	eq = strchr(p, '=');
	if (eq == NULL) {
		cb_diags_add(diags, file, lineno, col,
		             _("not a setting: write name = value (this line is left out)"));
		return;
	}
	for (end = eq; end > p && (end[-1] == ' ' || end[-1] == '\t'); end--)
		;
	*end = '\0';
	key = p;
	val = cb_str_trim(eq + 1);
	if (strncmp(key, "key.", 4) == 0) {
		parse_binding(cfg, file, lineno, col, (size_t)(eq - line) + 2, key, val, diags);
		goto out;
	}
	for (k = 0; k < CFG_N; k++)
		if (strcmp(key, setting_names[k]) == 0)
			break;
	if (k == CFG_N) {
		size_t j;

		for (j = 0; j < CFG_N; j++) {
			size_t d = cb_str_distance(key, setting_names[j], 3);

			if (d < best_d) {
				best_d = d;
				best = setting_names[j];
			}
		}
		/* "color" is how much of the world spells it. */
		if (strcmp(key, "color") == 0)
			best = "colour";
		if (best != NULL)
			cb_diags_add(diags, file, lineno, col,
			             _("unknown setting '%s': did you mean '%s'? (this line is left out)"),
			             key, best);
		else
			cb_diags_add(diags, file, lineno, col,
			             _("unknown setting '%s': see casebook-config(5) (this line is left "
			               "out)"), key);
		goto out;
	}
	col = (size_t)(eq - line) + 2;
	if (*val == '\0') {
		cb_diags_add(diags, file, lineno, col, _("%s needs a value (this line is left out)"),
		             key);
		goto out;
	}
	if (!value_ok((enum cli_setting)k, val, &b)) {
		cb_diags_add(diags, file, lineno, col, _("%s (this line is left out)"), cb_buf_str(&b));
		goto out;
	}
	/* The authority's requirement is not the user's to lift. */
	if (k == CFG_REQUIRE_ENCRYPTED_DISK && user && yes_no(val) == 0 &&
	    cfg->value[k] != NULL && yes_no(cfg->value[k]) == 1) {
		cb_diags_add(diags, file, lineno, col,
		             _("the system's configuration (%s) requires an encrypted disk, and only "
		               "it can say otherwise (this line is left out)"), cfg->from[k]);
		goto out;
	}
	set(cfg, (enum cli_setting)k, val, cb_asprintf("%s:%zu", file, lineno));
out:
	cb_buf_free(&b);
	free(val);
}

int
cli_config_read(struct cli_config *cfg, const char *file, bool user, struct cb_diags *diags)
{
	FILE *f = fopen(file, "r");
	char *line = NULL;
	size_t cap = 0, lineno = 0, before = cb_diags_count(diags);
	ssize_t n;

	if (f == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		cb_diags_add(diags, file, 0, 0, _("cannot read it (%s): it is left out"),
		             strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (strlen(line) != (size_t)n) {
			cb_diags_add(diags, file, lineno, 1,
			             _("the line holds a NUL byte (this line is left out)"));
			continue;
		}
		parse_line(cfg, file, lineno, line, user, diags);
	}
	if (ferror(f))
		cb_diags_add(diags, file, 0, 0, _("cannot read it to the end (%s)"), strerror(errno));
	free(line);
	fclose(f);
	return cb_diags_count(diags) > before ? -1 : 0;
}

int
cli_config_load(struct cli_config *cfg, struct cb_diags *diags)
{
	struct cb_vec layers;
	size_t i;
	int rc = 0;

	cli_layers_init(&layers);
	for (i = 0; i < layers.len; i++) {
		const struct cli_layer *l = layers.items[i];
		char *file = cb_asprintf("%s/config", l->dir);

		if (cli_config_read(cfg, file, strcmp(l->name, "user") == 0, diags) != 0)
			rc = -1;
		free(file);
	}
	cb_vec_clear(&layers);
	return rc;
}

void
cli_config_clear(struct cli_config *cfg)
{
	size_t k;

	for (k = 0; k < CFG_N; k++) {
		free(cfg->value[k]);
		free(cfg->from[k]);
		cfg->value[k] = cfg->from[k] = NULL;
	}
	for (k = 0; k < cfg->keys.len; k++) {
		struct cli_binding *kb = cfg->keys.items[k];

		free(kb->action);
		free(kb->keys);
		free(kb->from);
		free(kb);
	}
	cfg->keys.len = 0;
	cb_vec_clear(&cfg->keys);
}

bool
cli_config_bool(const struct cli_config *cfg, enum cli_setting k, bool dflt)
{
	return cfg->value[k] != NULL ? yes_no(cfg->value[k]) == 1 : dflt;
}

bool
cli_require_encrypted(const struct cli *c)
{
	const char *env = getenv("CASEBOOK_REQUIRE_ENCRYPTED_DISK");

	return (env != NULL && strcmp(env, "1") == 0) ||
	       cli_config_bool(&c->config, CFG_REQUIRE_ENCRYPTED_DISK, false);
}

char *
cli_config_path(const char *v)
{
	const char *home = getenv("HOME");

	if (strncmp(v, "~/", 2) == 0 && home != NULL && *home != '\0')
		return cb_asprintf("%s/%s", home, v + 2);
	return cb_strdup(v);
}

/* Each missing folder of dir, 0700 (only the user's config goes here). */
static int
make_dirs(const char *dir)
{
	char *p = cb_strdup(dir), *q;
	int rc = 0;

	for (q = p + 1; rc == 0; q++) {
		if (*q != '/' && *q != '\0')
			continue;
		{
			char c = *q;

			*q = '\0';
			if (mkdir(p, 0700) != 0 && errno != EEXIST)
				rc = -1;
			*q = c;
		}
		if (*q == '\0')
			break;
	}
	free(p);
	return rc;
}

int
cli_config_append(const char *lines, char **path, struct cb_err *err)
{
	struct cb_vec layers;
	struct cb_buf text = {0};
	char *dir = NULL, *file = NULL, *real = NULL, *tmp = NULL, *slash;
	FILE *f;
	int fd = -1, rc = -1;
	size_t i;

	*path = NULL;
	cli_layers_init(&layers);
	for (i = 0; i < layers.len; i++) {
		const struct cli_layer *l = layers.items[i];

		if (strcmp(l->name, "user") == 0)
			dir = cb_strdup(l->dir);
	}
	cb_vec_clear(&layers);
	if (dir == NULL) {
		cb_err_set(err, CB_ENOTFOUND, _("there is no config folder of your own (HOME is not "
		                                "set)"));
		goto out;
	}
	file = cb_asprintf("%s/config", dir);
	/* A config file that is a link: the file it names is the one to
	 * change, and the link stays. */
	real = realpath(file, NULL);
	if (real == NULL) {
		if (errno != ENOENT) {
			cb_err_set(err, CB_EIO, _("cannot read %s (%s)"), file, strerror(errno));
			goto out;
		}
		if (make_dirs(dir) != 0) {
			cb_err_set(err, CB_EREADONLY, _("cannot make the folder %s (%s)"), dir,
			           strerror(errno));
			goto out;
		}
		real = cb_strdup(file);
	}
	/* Every line there now is kept, as it is. */
	if ((f = fopen(real, "r")) != NULL) {
		char chunk[4096];
		size_t n;

		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			cb_buf_addn(&text, chunk, n);
		if (ferror(f)) {
			cb_err_set(err, CB_EIO, _("cannot read %s (%s)"), real, strerror(errno));
			fclose(f);
			goto out;
		}
		fclose(f);
	} else if (errno != ENOENT) {
		cb_err_set(err, CB_EIO, _("cannot read %s (%s)"), real, strerror(errno));
		goto out;
	}
	if (text.len > 0 && text.s[text.len - 1] != '\n')
		cb_buf_addc(&text, '\n');
	cb_buf_add(&text, lines);
	/* Written beside it, then renamed over it: a crash leaves the old
	 * file or the new, never half of one. */
	slash = strrchr(real, '/');
	tmp = cb_asprintf("%.*s/.config.XXXXXX", (int)(slash != NULL ? slash - real : 1),
	                  slash != NULL ? real : ".");
	if ((fd = mkstemp(tmp)) < 0) {
		cb_err_set(err, CB_EREADONLY, _("cannot write beside %s (%s)"), real, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out;
	}
	if (fchmod(fd, 0600) != 0 || cb_write_all(fd, text.s, text.len) != 0 || fsync(fd) != 0) {
		cb_err_set(err, errno == ENOSPC ? CB_EFULL : CB_EIO, _("cannot write %s (%s)"), tmp,
		           strerror(errno));
		goto out;
	}
	if (close(fd) != 0) {
		fd = -1;
		cb_err_set(err, CB_EIO, _("cannot write %s (%s)"), tmp, strerror(errno));
		goto out;
	}
	fd = -1;
	if (rename(tmp, real) != 0) {
		cb_err_set(err, CB_EIO, _("cannot replace %s (%s)"), real, strerror(errno));
		goto out;
	}
	free(tmp);
	tmp = NULL;
	*path = real;
	real = NULL;
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	if (tmp != NULL)
		unlink(tmp);
	free(tmp);
	free(real);
	free(file);
	free(dir);
	cb_buf_free(&text);
	return rc;
}
