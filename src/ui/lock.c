/* SPDX-License-Identifier: MIT */
/* Asking for a login's password: for the chair's sign-off at someone
 * else's login, and (later) the idle lock. Nothing typed is shown, not
 * even how many characters, and the buffer is wiped after use. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/store.h"
#include "casebook/ui_auth.h"
#include "ui.h"

#define SECRET_MAX 256

/* Read a password into buf; 0, or -1 when cancelled (Esc). */
static int
read_secret(struct ui_app *app, const char *question, char buf[SECRET_MAX])
{
	size_t n = 0;
	int key;

	buf[0] = '\0';
	for (;;) {
		int y = app->rows - 7, x = 2, w = app->cols - 4;

		ui_redraw(app);
		if (!app->too_small) {
			int i;

			for (i = 0; i < 5; i++)
				ui_field(y + i, x, w, "", A_NORMAL);
			ui_box(y, x, 5, w);
			ui_text(y + 1, x + 2, w - 4, question, A_BOLD);
			ui_text(y + 2, x + 2, w - 4, _("(nothing is shown as you type)"), A_NORMAL);
			ui_text(y + 3, x + 2, w - 4, _("Enter to check, Esc to cancel"), A_DIM);
			ui_focus_text(y + 2, x + 2);
		}
		key = ui_getkey(app, 1000);
		if (ui_hungup() || app->interrupted)
			goto cancel;
		if (key == ERR || key == KEY_RESIZE)
			continue;
		if (key == UI_ESC || key == KEY_F(10))
			goto cancel;
		if (key == '\n' || key == KEY_ENTER) {
			buf[n] = '\0';
			return 0;
		}
		if (key == KEY_BACKSPACE || key == 127 || key == '\b') {
			if (n > 0)
				n--;
			continue;
		}
		if (key == UI_CTRL('u')) {
			n = 0;
			continue;
		}
		{
			char text[4];
			size_t len;

			if (ui_key_text(key, text, &len) && n + len < SECRET_MAX - 1) {
				memcpy(buf + n, text, len);
				n += len;
			}
		}
	}
cancel:
	explicit_bzero(buf, SECRET_MAX);
	return -1;
}

int
ui_check_login(struct ui_app *app, const char *login, const char *question)
{
	char secret[SECRET_MAX];
	struct cb_err err = {0};
	int rc;

	if (read_secret(app, question, secret) != 0)
		return 1;
	rc = cb_auth_check(login, secret, &err);
	explicit_bzero(secret, sizeof secret);
	if (rc != 0) {
		ui_fail(app, &err);
		return -1;
	}
	return 0;
}

long
ui_lock_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec;
}

/* The lock screen: nothing of the record, not even the screen's title or
 * who is working; only how to unlock. */
void
ui_lock_draw(struct ui_app *app)
{
	const char *login = cb_store_os_user(app->store);
	char *line;
	int y = app->rows / 2 - 2;

	erase();
	ui_text(y, 2, app->cols - 4, _("casebook is locked"), A_BOLD);
	line = cb_asprintf(_("Press Enter and give the password of the login %s to go on."), login);
	ui_text(y + 2, 2, app->cols - 4, line, A_NORMAL);
	free(line);
	ui_text(y + 3, 2, app->cols - 4, _("What you were writing is kept."), A_NORMAL);
	if (app->lock_msg[0] != '\0')
		ui_text(y + 5, 2, app->cols - 4, app->lock_msg, ui_attr(app, UI_C_ERROR));
	ui_focus_reset();
	refresh();
}

static void
run_lock(struct ui_app *app)
{
	char *q;

	app->in_lock = true;
	q = cb_asprintf(_("Password of %s:"), cb_store_os_user(app->store));
	while (app->locked) {
		int key;

		ui_redraw(app);
		key = ui_getkey(app, 1000);
		/* The terminal going, or Ctrl-C: handled as anywhere else, by
		 * the loop that called; the lock stays until the password. */
		if (ui_hungup() || app->interrupted)
			break;
		if (key == '\n' || key == KEY_ENTER) {
			struct cb_err err = {0};
			char secret[SECRET_MAX];
			int rc;

			if (read_secret(app, q, secret) != 0)
				continue;
			rc = cb_auth_check(cb_store_os_user(app->store), secret, &err);
			explicit_bzero(secret, sizeof secret);
			if (rc == 0) {
				app->locked = false;
				app->lock_msg[0] = '\0';
			} else {
				snprintf(app->lock_msg, sizeof app->lock_msg, "%s", err.msg);
				beep();
			}
		}
	}
	free(q);
	app->last_key = ui_lock_now();
	app->in_lock = false;
}

bool
ui_lock_poll(struct ui_app *app)
{
	if (app->in_lock || app->asking_quit)
		return false;
	if (!app->locked) {
		if (app->idle_lock <= 0 || ui_lock_now() - app->last_key < app->idle_lock)
			return false;
		/* Keep what is being written before anything else. */
		ui_keep_drafts(app);
		app->locked = true;
		app->lock_msg[0] = '\0';
	}
	run_lock(app);
	return true;
}
