/* SPDX-License-Identifier: MIT */
/* The long-text editor on screen: word wrap, drafts every few seconds,
 * an example of good recording beside the text, and $EDITOR on request.
 * What is typed is never lost: leaving asks, and the draft outlives a
 * crash. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "casebook/conflict.h"
#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/mem.h"
#include "casebook/record.h"
#include "casebook/store.h"
#include "casebook/store_drafts.h"
#include "casebook/str.h"
#include "casebook/ui_editor.h"
#include "casebook/utf8.h"
#include "ui.h"

/* The oldest change not yet in the draft is at most this old when the
 * draft is written, typing or not; with the time a write takes, a kill
 * loses well under the promised 2 s. */
#define DRAFT_MS 1000

struct editview {
	const struct ui_edit *e;
	struct ui_editor ed;
	size_t top;               /* first layout line shown */
	bool show_example;
	int ex_scroll, ex_page, ex_total; /* the example reads on with F4 */
	bool draft_dirty;         /* changed since the draft was written */
	long long dirty_since;    /* ms, monotonic: the first change not in the draft */
	char pending_row[CB_UUID_LEN];
	struct editview *below;   /* the editor open under this one, if any */
	bool merged;              /* both texts of a conflict were put in */
	bool saved;               /* "Save it" on leaving saved the text */
	char draft_problem[512];  /* why the last draft write failed, or "" */
	/* The version the text started from (ui_edit.base_row or base_rev). */
	char base_row[CB_UUID_LEN];
	char *base_label;
};

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Keep the draft: 0 when the row is committed (or there was nothing new
 * to keep), -1 when it is not, with the reason in err. */
static int
write_draft(struct ui_app *app, struct editview *v, bool force, struct cb_err *err)
{
	struct cb_draft d = {0};

	if (v->e->draft_key == NULL)
		return cb_err_set(err, CB_EINVAL, _("this text has no place for a draft"));
	if (!v->draft_dirty && !force)
		return 0;
	d.key = (char *)v->e->draft_key;
	if (v->e->family_id != NULL)
		snprintf(d.family_id, sizeof d.family_id, "%s", v->e->family_id);
	d.title = (char *)v->e->title;
	d.body = (char *)ui_editor_text(&v->ed);
	d.pending_row = v->pending_row[0] != '\0' ? v->pending_row : NULL;
	d.base_row = v->base_row[0] != '\0' ? v->base_row : NULL;
	if (cb_store_draft_put(app->store, &d, err) != 0) {
		struct cb_err aside = {0};

		/* Try again after another interval, not on every key. */
		v->dirty_since = now_ms();
		/* Locked by another casebook: the draft goes to a file beside
		 * the database meanwhile, and into it when it can. */
		if (err->code == CB_EBUSY && cb_store_draft_put_aside(app->store, &d, &aside) == 0) {
			snprintf(v->draft_problem, sizeof v->draft_problem, "%s",
			         _("the database is locked by another casebook, so the draft is kept "
			           "in a file beside it for now"));
			return 0;
		}
		if (aside.code != CB_OK)
			*err = aside;
		snprintf(v->draft_problem, sizeof v->draft_problem, "%s", err->msg);
		return -1;
	}
	v->draft_dirty = false;
	v->draft_problem[0] = '\0';
	return 0;
}

/* The same, saying so on the status line when it fails: the worker should
 * know the safety net has a hole. */
static int
keep_draft(struct ui_app *app, struct editview *v, bool force)
{
	struct cb_err err = {0};

	if (v->e->draft_key == NULL)
		return -1;
	if (write_draft(app, v, force, &err) != 0) {
		ui_error(app, _("the draft could not be kept (%s): save soon"), err.msg);
		return -1;
	}
	return 0;
}

static void
mark_changed(struct editview *v)
{
	if (!v->draft_dirty) {
		v->draft_dirty = true;
		v->dirty_since = now_ms();
	}
}

/* How long to wait for a key before the draft is due. */
static int
wait_ms(const struct editview *v)
{
	long long left;

	if (!v->draft_dirty || v->e->draft_key == NULL)
		return 1000;
	left = v->dirty_since + DRAFT_MS - now_ms();
	return left < 0 ? 0 : left > 1000 ? 1000 : (int)left;
}

static bool
draft_due(const struct editview *v)
{
	return v->draft_dirty && v->e->draft_key != NULL && now_ms() - v->dirty_since >= DRAFT_MS;
}

static void
drop_draft(struct ui_app *app, struct editview *v)
{
	struct cb_err err = {0};

	if (v->e->draft_key != NULL)
		cb_store_draft_drop(app->store, v->e->draft_key, &err);
}

/* A draft offered back may be one a casebook left when it ended (in
 * another terminal, say): carrying on from it makes it this session's,
 * and throwing it away removes that very one. */
static void
adopt_draft(struct ui_app *app, const struct cb_draft *d)
{
	struct cb_err err = {0};

	cb_store_draft_adopt(app->store, d, &err);
}

static void
discard_draft(struct ui_app *app, const struct cb_draft *d)
{
	struct cb_err err = {0};

	cb_store_draft_discard(app->store, d, &err);
}

/* The draft was written against an older version than the one now
 * saved: show both and ask. False when the worker chose to decide later
 * (the editor closes, the draft stays as it was). */
static bool
draft_conflict(struct ui_app *app, struct editview *v, const struct cb_draft *d)
{
	const char *saved = v->e->initial != NULL ? v->e->initial : "";
	char *mine_label = cb_asprintf(_("Your draft of %.16s"),
	                               d->updated_at != NULL ? d->updated_at : "");
	char *theirs_label = cb_asprintf(_("Saved since your draft: %s"),
	                                 v->base_label != NULL ? v->base_label : "");
	struct cb_conflict c = {d->body, mine_label, saved, theirs_label};
	enum cb_conflict_choice pick;
	char *both;
	bool stay = true;

	pick = ui_resolve_conflict(app, _("This was changed after your draft was written"), &c);
	switch (pick) {
	case CB_CONFLICT_MINE:
		adopt_draft(app, d);
		ui_editor_set_text(&v->ed, d->body);
		/* From now on the draft is against the version on screen. */
		mark_changed(v);
		ui_say(app, _("Your text is in the editor: Ctrl-S saves it as a new version."));
		break;
	case CB_CONFLICT_THEIRS:
		discard_draft(app, d);
		ui_say(app, _("Your draft is dropped; this is the version saved since."));
		break;
	case CB_CONFLICT_MERGE:
		adopt_draft(app, d);
		both = cb_conflict_both(&c);
		ui_editor_set_text(&v->ed, both);
		free(both);
		v->merged = true;
		mark_changed(v);
		ui_say(app, _("Both texts are in the editor: make them one, then Ctrl-S."));
		break;
	default:
		ui_say(app, _("Nothing changed: your draft is kept for later."));
		stay = false;
		break;
	}
	free(mine_label);
	free(theirs_label);
	return stay;
}

/* A draft left from before: offer it back. False when the editor should
 * close at once (a conflict left for later). */
static bool
offer_draft(struct ui_app *app, struct editview *v)
{
	struct cb_draft *d = NULL;
	struct cb_err err = {0};
	struct ui_choice choices[2];
	char *title;
	int pick;
	bool stay = true;

	if (v->e->draft_key == NULL ||
	    cb_store_draft_get(app->store, v->e->draft_key, &d, &err) != 0 || d == NULL)
		return true;
	if (cb_streq(d->body, ui_editor_text(&v->ed))) {
		/* Nothing new in it; as this editor's own, it goes when the
		 * editor is done. */
		adopt_draft(app, d);
		cb_draft_free(&d);
		return true;
	}
	if (d->base_row != NULL && v->base_row[0] != '\0' && !cb_streq(d->base_row, v->base_row)) {
		stay = draft_conflict(app, v, d);
		cb_draft_free(&d);
		return stay;
	}
	choices[0] = (struct ui_choice){_("Carry on from the draft"), d->body, false};
	choices[1] = (struct ui_choice){_("Start from what was saved (the draft is dropped)"),
	                                NULL, false};
	title = cb_asprintf(_("Unsaved text kept %.16s"), d->updated_at != NULL ? d->updated_at : "");
	pick = ui_pick(app, title, choices, 2, 0);
	if (pick == 1) {
		discard_draft(app, d);
	} else {
		adopt_draft(app, d);
		ui_editor_set_text(&v->ed, d->body);
		if (d->pending_row != NULL)
			snprintf(v->pending_row, sizeof v->pending_row, "%s", d->pending_row);
	}
	free(title);
	cb_draft_free(&d);
	return stay;
}

static void
draw(struct ui_app *app, struct editview *v)
{
	int y = 2, bottom = app->rows - 2, width = app->cols - 2, ex_rows = 0, text_rows;
	size_t row, col, i;

	if (!ui_draw_chrome(app, v->e->title, UI_SCR_EDITOR)) {
		refresh();
		return;
	}
	if (v->e->label != NULL) {
		int n = ui_wrap(y, 1, width, 2, v->e->label, A_BOLD, 0);

		y += n;
	}
	if (v->show_example && v->e->example != NULL) {
		ex_rows = ui_wrap_rows(v->e->example, width - 2) + 1;
		if (ex_rows > (bottom - y) / 3)
			ex_rows = (bottom - y) / 3;
	}
	text_rows = bottom - y - (ex_rows > 0 ? ex_rows + 1 : 0);
	if (text_rows < 3)
		text_rows = 3;
	ui_hline(y, 0, app->cols);
	y++;
	text_rows--;
	ui_editor_layout(&v->ed, (size_t)width);
	ui_editor_cursor_pos(&v->ed, &row, &col);
	if (row < v->top)
		v->top = row;
	if (row >= v->top + (size_t)text_rows)
		v->top = row - (size_t)text_rows + 1;
	for (i = 0; i < (size_t)text_rows && v->top + i < v->ed.nlines; i++) {
		const struct ui_line *l = &v->ed.lines[v->top + i];
		char *line = cb_strndup(ui_editor_text(&v->ed) + l->start, l->len);

		ui_text(y + (int)i, 1, width, line, A_NORMAL);
		free(line);
	}
	if (ex_rows > 0) {
		int ey = y + text_rows;

		ui_hline(ey, 0, app->cols);
		ui_text(ey, 2, width - 2, _(" An example of good recording (F3 hides it) "), A_BOLD);
		v->ex_page = ex_rows - 1;
		v->ex_total = ui_draw_paged(app, ey + 1, 2, width - 2, ex_rows, v->e->example,
		                            ui_attr(app, UI_C_DIM), v->ex_scroll);
	}
	/* While drafts cannot be written (a lock, a full disk), the screen
	 * keeps saying so, not only until the next key. */
	if (app->status[0] == '\0' && v->draft_problem[0] != '\0')
		ui_error(app, _("the draft could not be kept (%s): trying again; the text is still "
		                "here"), v->draft_problem);
	ui_draw_status(app);
	ui_focus_text(y + (int)(row - v->top), 1 + (int)col);
	refresh();
}

#define EDIT_PREFIX "casebook-edit-"

/* Where the $EDITOR file goes: the private runtime folder, else TMPDIR or
 * /tmp; always inside a 0700 folder of its own. */
static const char *
edit_base(void)
{
	const char *base = getenv("XDG_RUNTIME_DIR");

	if (base != NULL && *base == '/')
		return base;
	base = getenv("TMPDIR");
	return base != NULL && *base == '/' ? base : "/tmp";
}

/* Folders for $EDITOR left by a casebook that was killed (the name holds
 * its pid): the text in them is about a child, so they go. */
void
ui_edit_sweep(void)
{
	const char *base = edit_base();
	struct dirent *e;
	DIR *d = opendir(base);

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		struct stat sb;
		char *dir, *file;
		long pid;

		if (strncmp(e->d_name, EDIT_PREFIX, strlen(EDIT_PREFIX)) != 0)
			continue;
		pid = strtol(e->d_name + strlen(EDIT_PREFIX), NULL, 10);
		if (pid <= 0 || pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		dir = cb_asprintf("%s/%s", base, e->d_name);
		if (lstat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_uid == getuid()) {
			file = cb_asprintf("%s/text.txt", dir);
			unlink(file);
			free(file);
			rmdir(dir);
		}
		free(dir);
	}
	closedir(d);
}

static void
external_editor(struct ui_app *app, struct editview *v)
{
	const char *editor = getenv("VISUAL");
	char *dir, *path = NULL;
	struct cb_buf text = {0};
	int fd, status;
	pid_t pid;
	FILE *f;

	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	/* The pid in the name lets a later start sweep it away after a kill. */
	dir = cb_asprintf("%s/" EDIT_PREFIX "%ld-XXXXXX", edit_base(), (long)getpid());
	/* A private folder: the text is about a child. */
	if (mkdtemp(dir) == NULL) {
		ui_error(app, _("no place for a temporary file (%s)"), strerror(errno));
		free(dir);
		return;
	}
	path = cb_asprintf("%s/text.txt", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0 || write(fd, ui_editor_text(&v->ed), v->ed.text.len) < 0) {
		ui_error(app, _("could not write a temporary file (%s)"), strerror(errno));
		goto out;
	}
	close(fd);
	fd = -1;
	keep_draft(app, v, true);
	def_prog_mode();
	endwin();
	/* Told to end while the draft was written: no editor to start. */
	pid = ui_hungup() ? -1 : fork();
	if (pid == 0) {
		setenv("CASEBOOK_EDITOR", editor, 1);
		execl("/bin/sh", "sh", "-c", "exec $CASEBOOK_EDITOR \"$1\"", "sh", path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0) {
		bool told = false;
		pid_t r;

		/* Polled, not one blocking wait: a signal that came before
		 * the wait began (the fork takes a while, more so under the
		 * sanitizers) would otherwise go unseen until the editor
		 * ended by itself. */
		while ((r = waitpid(pid, &status, WNOHANG)) == 0 || (r < 0 && errno == EINTR)) {
			const struct timespec slice = {0, 50 * 1000 * 1000};

			/* casebook is told to end: so is the editor, whose file
			 * the draft already holds. */
			if (ui_hungup() && !told) {
				kill(pid, SIGTERM);
				told = true;
			}
			nanosleep(&slice, NULL);
		}
		if (r < 0)
			pid = -1;
	}
	reset_prog_mode();
	refresh();
	f = fopen(path, "rb");
	if (pid < 0 || f == NULL || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		ui_error(app, _("the editor '%s' did not finish cleanly: the text here is unchanged"),
		         editor);
		if (f != NULL)
			fclose(f);
		goto out;
	}
	{
		char chunk[4096];
		size_t n;

		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			cb_buf_addn(&text, chunk, n);
		fclose(f);
	}
	/* Editors end files with a newline; the record does not need it. */
	while (text.len > 0 && text.s[text.len - 1] == '\n')
		text.s[--text.len] = '\0';
	ui_editor_set_text(&v->ed, cb_buf_str(&text));
	mark_changed(v);
	if (v->e->draft_key == NULL || keep_draft(app, v, false) == 0)
		ui_say(app, _("Text back from %s."), editor);
out:
	if (fd >= 0)
		close(fd);
	if (path != NULL)
		unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	cb_buf_free(&text);
}

enum save_outcome { SAVE_STAY, SAVE_DONE, SAVE_REFUSED_KEPT };

/* Saved over since the editor opened: the save is refused and the text
 * goes to a draft, which carries the version it was written against. The
 * choice of mine, theirs or a merge comes when the draft is opened again,
 * with both texts to read, not in the middle of a save. */
static enum save_outcome
refuse_stale(struct ui_app *app, struct editview *v, const struct cb_err *why)
{
	struct cb_err err = {0};

	v->pending_row[0] = '\0';
	if (v->e->draft_key == NULL) {
		ui_fail(app, why);
		return SAVE_STAY;
	}
	if (write_draft(app, v, true, &err) != 0) {
		ui_error(app, _("Not saved: this was changed elsewhere after you opened it, and your "
		                "text could not be kept as a draft either (%s). It is still here: "
		                "copy it elsewhere before you leave."),
		         err.msg);
		return SAVE_STAY;
	}
	ui_error(app, _("Not saved: this was changed elsewhere after you opened it. Your text is "
	                "kept as a draft: open it again to see both versions and choose."));
	return SAVE_REFUSED_KEPT;
}

/* Save: done, still editing, or refused with the text kept as a draft
 * (the editor closes). */
static enum save_outcome
try_save(struct ui_app *app, struct editview *v)
{
	struct cb_err err = {0};
	const char *text = ui_editor_text(&v->ed);

	if (!v->e->allow_empty && cb_str_empty(text)) {
		ui_error(app, _("There is nothing to save yet: write something, or Esc to leave."));
		return SAVE_STAY;
	}
	/* A merge still showing both versions' headings is probably not
	 * finished: ask rather than save it as it is. */
	if (v->merged && cb_conflict_has_headings(text) &&
	    !ui_confirm(app, _("The text still has the === headings of both versions: save it "
	                       "like that?")))
		return SAVE_STAY;
	keep_draft(app, v, true);
	v->pending_row[0] = '\0';
	if (v->e->save(app, text, v->e->ctx, v->pending_row, &err) != 0) {
		if (err.code == CB_ESTALE)
			return refuse_stale(app, v, &err);
		if (err.code == CB_EIO) {
			/* The outcome is unknown: keep the draft with the row it
			 * tried to write, so the next start can look. */
			keep_draft(app, v, true);
			ui_error(app, "%s", err.msg);
		} else {
			v->pending_row[0] = '\0';
			ui_fail(app, &err);
		}
		return SAVE_STAY;
	}
	drop_draft(app, v);
	return SAVE_DONE;
}

/* "Keep it as a draft": true only when the row is committed. When it is
 * not, say why and stay in the editor with the text. */
static bool
keep_to_leave(struct ui_app *app, struct editview *v)
{
	struct cb_err err = {0};

	if (write_draft(app, v, true, &err) != 0) {
		ui_error(app, _("The text could not be kept as a draft (%s). It is still here: save "
		                "it, or copy it elsewhere before you leave."),
		         err.msg);
		return false;
	}
	ui_say(app, _("Kept as a draft."));
	return true;
}

/* Esc with unsaved text. Returns true to leave. */
static bool
ask_leave(struct ui_app *app, struct editview *v)
{
	struct ui_choice choices[] = {
		{N_("Save it"), NULL, false},
		{N_("Keep it as a draft and leave (offered back next time)"), NULL, false},
		{N_("Go back to the text"), NULL, false},
		{N_("Throw it away"), NULL, false},
	};
	int pick;

	choices[0].label = _(choices[0].label);
	choices[1].label = _(choices[1].label);
	choices[2].label = _(choices[2].label);
	choices[3].label = _(choices[3].label);
	/* The text is kept before the question, in case the answer never
	 * comes (a signal, a power cut). */
	if (v->draft_dirty && v->e->draft_key != NULL)
		keep_draft(app, v, false);
	pick = ui_pick(app, _("The text is not saved"), choices, 4, 0);
	switch (pick) {
	case 0: {
		enum save_outcome o = try_save(app, v);

		v->saved = o == SAVE_DONE;
		return o != SAVE_STAY;
	}
	case 1:
		return keep_to_leave(app, v);
	case 3:
		if (ui_confirm(app, _("Throw the text away for good?"))) {
			drop_draft(app, v);
			return true;
		}
		return false;
	default:
		return false;
	}
}

/* Ctrl-C: keep the text first, then ask; if it could not be kept, the
 * question says so. True to quit. */
static bool
ask_interrupted(struct ui_app *app, struct editview *v)
{
	struct cb_err err = {0};
	const char *q = _("Quit casebook?");

	if (v->ed.changed) {
		if (write_draft(app, v, true, &err) == 0)
			q = _("Quit casebook? The text is kept as a draft and offered back next time.");
		else
			q = _("Quit casebook? The text could NOT be kept as a draft, and quitting "
			      "loses it.");
	}
	return ui_confirm_quit(app, q);
}

/* The help screen, over the editor until it is closed; the draft keeps
 * its clock meanwhile. */
static void
show_help(struct ui_app *app, struct editview *v)
{
	int key;

	ui_open_help(app, NULL);
	while (ui_top(app) != NULL && ui_top(app)->ops->id == UI_SCR_HELP && !app->quit) {
		enum ui_action a;
		int r;

		ui_redraw(app);
		key = ui_getkey(app, wait_ms(v));
		if (draft_due(v))
			keep_draft(app, v, false);
		if (app->interrupted) {
			ui_pop(app); /* the help; the quit question follows */
			break;
		}
		if (key == ERR || key == KEY_RESIZE)
			continue;
		a = ui_keys_lookup(UI_SCR_HELP, key);
		r = ui_top(app)->ops->on_key(app, ui_top(app), a, key);
		if ((r & UI_CLOSE) || (!(r & UI_HANDLED) && a == UI_BACK))
			ui_pop(app);
	}
}

void
ui_edit_keep_all(struct ui_app *app)
{
	struct editview *v;

	for (v = app->editing; v != NULL; v = v->below) {
		struct cb_err err = {0};

		if (v->ed.changed)
			write_draft(app, v, true, &err);
	}
}

int
ui_edit_text(struct ui_app *app, const struct ui_edit *e)
{
	struct editview v;
	int key, rc = -1;
	bool saved_initial_equal;
	char buf[4];
	size_t len;

	/* Nothing typed here could be saved or drafted. */
	if (app->readonly) {
		ui_say_readonly(app);
		return -1;
	}
	memset(&v, 0, sizeof v);
	v.e = e;
	v.show_example = e->example != NULL;
	ui_editor_init(&v.ed, e->initial);
	v.ed.changed = false;
	if (e->base_row != NULL) {
		snprintf(v.base_row, sizeof v.base_row, "%s", e->base_row);
		v.base_label = cb_strdup(e->base_label != NULL ? e->base_label : "");
	} else if (e->base_rev != NULL && e->base_rev->version > 0) {
		memcpy(v.base_row, e->base_rev->row_id, CB_UUID_LEN);
		v.base_label = ui_rev_label(e->base_rev);
	}
	v.below = app->editing;
	app->editing = &v;
	if (!offer_draft(app, &v))
		goto done;
	saved_initial_equal = cb_streq(ui_editor_text(&v.ed), e->initial != NULL ? e->initial : "");
	v.ed.changed = !saved_initial_equal;
	for (;;) {
		enum ui_action action;

		if (app->interrupted) {
			/* Ctrl-C, here or in a dialog it closed. */
			if (ask_interrupted(app, &v)) {
				app->quit = true;
				goto done;
			}
			continue;
		}
		draw(app, &v);
		key = ui_getkey(app, wait_ms(&v));
		/* The draft is due whether or not typing pauses. */
		if (draft_due(&v))
			keep_draft(app, &v, false);
		if (key == ERR || key == KEY_RESIZE)
			continue;
		action = ui_keys_lookup(UI_SCR_EDITOR, key);
		if (app->too_small) {
			/* Typing that was on its way when the window shrank is
			 * still typing; commands wait for a screen to see. */
			if (action == UI_NONE && ui_key_text(key, buf, &len)) {
				ui_editor_insert(&v.ed, buf, len);
				mark_changed(&v);
			}
			continue;
		}
		app->status[0] = '\0';
		if (e->single_paragraph && (key == '\n' || key == KEY_ENTER))
			action = UI_SAVE;
		switch (action) {
		case UI_SAVE:
			switch (try_save(app, &v)) {
			case SAVE_DONE:
				rc = 0;
				goto done;
			case SAVE_REFUSED_KEPT:
				goto done;
			default:
				continue;
			}
		case UI_BACK:
			if (!v.ed.changed) {
				drop_draft(app, &v);
				goto done;
			}
			if (ask_leave(app, &v)) {
				/* Saved on the way out is saved, as with Ctrl-S. */
				rc = v.saved ? 0 : -1;
				goto done;
			}
			continue;
		case UI_QUIT:
			/* Quitting: -1 whatever was saved, so that no caller
			 * goes on to a next editor. */
			if (ask_leave(app, &v)) {
				app->quit = true;
				goto done;
			}
			continue;
		case UI_HELP:
			show_help(app, &v);
			continue;
		case UI_GUIDE:
			v.show_example = !v.show_example;
			continue;
		case UI_READ_ON:
			if (v.show_example)
				v.ex_scroll = ui_read_on(v.ex_scroll, v.ex_page, v.ex_total);
			continue;
		case UI_UNDO:
			if (!ui_editor_undo(&v.ed))
				ui_say(app, _("Nothing to undo."));
			break;
		case UI_EXTERNAL:
			external_editor(app, &v);
			break;
		case UI_UP: ui_editor_up(&v.ed, 1); continue;
		case UI_DOWN: ui_editor_down(&v.ed, 1); continue;
		case UI_LEFT: ui_editor_left(&v.ed); continue;
		case UI_RIGHT: ui_editor_right(&v.ed); continue;
		case UI_HOME: ui_editor_home(&v.ed); continue;
		case UI_END: ui_editor_end(&v.ed); continue;
		case UI_PGUP: ui_editor_up(&v.ed, (size_t)(app->rows > 10 ? app->rows - 8 : 2)); continue;
		case UI_PGDN: ui_editor_down(&v.ed, (size_t)(app->rows > 10 ? app->rows - 8 : 2)); continue;
		case UI_WORD_LEFT: ui_editor_word_left(&v.ed); continue;
		case UI_WORD_RIGHT: ui_editor_word_right(&v.ed); continue;
		case UI_TOP: ui_editor_top(&v.ed); continue;
		case UI_BOTTOM: ui_editor_bottom(&v.ed); continue;
		case UI_DELETE_WORD: ui_editor_delete_word_back(&v.ed); break;
		default:
			if (key == KEY_BACKSPACE) {
				ui_editor_backspace(&v.ed);
			} else if (key == KEY_DC) {
				ui_editor_delete(&v.ed);
			} else if (key == '\n' || key == KEY_ENTER) {
				ui_editor_insert(&v.ed, "\n", 1);
			} else if (key == '\t') {
				ui_editor_insert(&v.ed, "    ", 4);
			} else if (ui_key_text(key, buf, &len)) {
				ui_editor_insert(&v.ed, buf, len);
			} else {
				continue;
			}
			break;
		}
		/* The text changed. */
		mark_changed(&v);
		if (draft_due(&v))
			keep_draft(app, &v, false);
	}
done:
	app->editing = v.below;
	curs_set(0);
	ui_editor_free(&v.ed);
	free(v.base_label);
	return rc;
}
