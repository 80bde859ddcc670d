/* SPDX-License-Identifier: MIT */
/* casebook config: every setting in effect and where it came from, the
 * folders of configuration, and which modules and reference lists are
 * read from where. Tab-separated, for people and scripts alike. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casebook/cli.h"
#include "casebook/i18n.h"
#include "casebook/ui.h"
#include "casebook/mem.h"
#include "casebook/vec.h"
#include "cli.h"

static void
row(const char *name, const char *value, const char *from)
{
	cli_put_field(name, false);
	cli_put_field(value != NULL ? value : "", false);
	cli_put_field(from, true);
}

/* A setting: the command line's (or the environment's) if given, else
 * the config file's, else the default. */
static void
setting(const struct cli *c, enum cli_setting k, const char *given, const char *given_from,
        const char *dflt)
{
	const char *name = cli_setting_name(k);

	if (given != NULL)
		row(name, given, given_from);
	else if (c->config.value[k] != NULL)
		row(name, c->config.value[k], c->config.from[k]);
	else
		row(name, dflt, "default");
}

static bool
is_dir(const char *p)
{
	return access(p, F_OK) == 0;
}

int
cmd_config(struct cli *c)
{
	static const char *const lists[] = {"roles.yaml", "statuses.yaml", "codes.yaml",
	                                    "stages.yaml", "rag.yaml", "note-kinds.yaml"};
	const char *env, *layer;
	struct cb_vec layers;
	char *p;
	size_t i;

	/* c->db is --db, the config file's or the default, already. */
	if (c->default_db == NULL)
		row("database", c->db, "--db");
	else if (c->config.value[CFG_DATABASE] != NULL)
		row("database", c->db, c->config.from[CFG_DATABASE]);
	else
		row("database", c->db, "default");
	setting(c, CFG_WORKER, c->as, "--as", "");
	/* main() put the config file's server in c->server when none was given. */
	setting(c, CFG_SERVER, c->server != c->config.value[CFG_SERVER] ? c->server : NULL,
	        "--server", "");
	env = getenv("CASEBOOK_IDLE_LOCK");
	if (c->idle_lock != NULL)
		setting(c, CFG_IDLE_LOCK, c->idle_lock, "--idle-lock", "5");
	else
		setting(c, CFG_IDLE_LOCK, env != NULL && *env != '\0' ? env : NULL,
		        "CASEBOOK_IDLE_LOCK", "5");
	setting(c, CFG_LANGUAGE, NULL, NULL, cli_language());
	setting(c, CFG_COLOUR, getenv("NO_COLOR") != NULL ? "no" : NULL, "NO_COLOR", "yes");
	/* No colour, by NO_COLOR or colour = no, is the mono theme whatever
	 * theme says. */
	if (getenv("NO_COLOR") != NULL)
		row("theme", "mono", "NO_COLOR");
	else if (!cli_config_bool(&c->config, CFG_COLOUR, true))
		row("theme", "mono", c->config.from[CFG_COLOUR]);
	else
		setting(c, CFG_THEME, NULL, NULL, "default");
	env = getenv("CASEBOOK_REQUIRE_ENCRYPTED_DISK");
	setting(c, CFG_REQUIRE_ENCRYPTED_DISK, env != NULL && strcmp(env, "1") == 0 ? "yes" : NULL,
	        "CASEBOOK_REQUIRE_ENCRYPTED_DISK", "no");

	/* The keys the files changed, as they are now, each once: where the
	 * last line for it is. */
	for (i = 0; i < c->config.keys.len; i++) {
		const struct cli_binding *kb = c->config.keys.items[i];
		size_t j;
		char *name, *keys;

		for (j = i + 1; j < c->config.keys.len; j++)
			if (strcmp(((const struct cli_binding *)c->config.keys.items[j])->action,
			           kb->action) == 0)
				break;
		if (j < c->config.keys.len)
			continue;
		name = cb_asprintf("key.%s", kb->action);
		keys = cb_ui_keys_of(kb->action);
		row(name, keys, kb->from);
		free(name);
		free(keys);
	}

	/* The folders, lowest first, and what each holds. */
	row("folder", cli_datadir(), "installed");
	cli_layers_init(&layers);
	for (i = 0; i < layers.len; i++) {
		const struct cli_layer *l = layers.items[i];

		row("folder", l->dir, l->name);
	}
	for (i = 0; i < layers.len; i++) {
		const struct cli_layer *l = layers.items[i];

		p = cb_asprintf("%s/config", l->dir);
		if (is_dir(p))
			row("config", p, l->name);
		free(p);
	}
	p = cb_asprintf("%s/modules", cli_datadir());
	row("modules", p, "installed");
	free(p);
	for (i = 0; i < layers.len; i++) {
		const struct cli_layer *l = layers.items[i];

		p = cb_asprintf("%s/modules", l->dir);
		if (is_dir(p))
			row("modules", p, l->name);
		free(p);
	}
	if (c->modules != NULL)
		row("modules", c->modules, "--modules");
	cb_vec_clear(&layers);
	for (i = 0; i < sizeof lists / sizeof *lists; i++) {
		char name[32];

		p = cli_data_file(lists[i], &layer);
		snprintf(name, sizeof name, "data/%s", lists[i]);
		row(name, p, layer);
		free(p);
	}
	return cb_diags_count(&c->config_diags) > 0 ? CB_EXIT_FAIL : CB_EXIT_OK;
}
