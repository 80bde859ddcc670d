/* SPDX-License-Identifier: MIT */
/* The terminal at the door and while the workbook runs. What cannot work
 * (no terminal, no UTF-8, a terminal type that cannot place text) is
 * refused with one line of casebook's own before anything is opened;
 * newterm() rather than initscr(), so that a failure is ours to report
 * and not curses' exit; line drawing the terminal can show; and Ctrl-Z
 * handing the terminal back to the shell until `fg`, as calcurse and
 * mutt do. */
#include "config.h"

#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <term.h>
#include <unistd.h>

#include "casebook/err.h"
#include "casebook/i18n.h"
#include "casebook/ui.h"
#include "ui.h"

static SCREEN *screen;

static bool
codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}

/* The terminal description, loaded to look at and dropped again. */
static int
check_term_type(struct cb_err *err)
{
	const char *term = getenv("TERM");
	const char *cup;
	int status = 0;

	if (term == NULL || *term == '\0')
		return cb_err_set(err, CB_EINVAL,
		                  _("TERM is not set, so casebook cannot tell what the terminal can "
		                    "do: set it to the terminal's type (such as xterm-256color), or "
		                    "use the commands for scripts (casebook --help)"));
	if (setupterm(NULL, STDOUT_FILENO, &status) != OK) {
		if (status == -1)
			return cb_err_set(err, CB_EINVAL,
			                  _("the terminal descriptions (terminfo) are missing: install "
			                    "ncurses-base, or use the commands for scripts (casebook "
			                    "--help)"));
		return cb_err_set(err, CB_EINVAL,
		                  _("the terminal type '%s' is not known here: set TERM to one that "
		                    "is (such as xterm-256color), or install ncurses-term"),
		                  term);
	}
	/* The screens need the cursor placed anywhere; "dumb" and paper
	 * terminals cannot. */
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1 || tigetflag("hc") > 0) {
		del_curterm(cur_term);
		return cb_err_set(err, CB_EINVAL,
		                  _("the terminal type '%s' cannot place text on the screen, which "
		                    "the workbook needs: set TERM to the terminal's type (such as "
		                    "xterm-256color), or use the commands for scripts (casebook "
		                    "--help)"),
		                  term);
	}
	del_curterm(cur_term);
	return 0;
}

int
cb_ui_terminal_check(struct cb_err *err)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return cb_err_set(err, CB_EINVAL,
		                  _("the workbook needs a terminal, and standard input or output is "
		                    "not one: scripts use the commands, such as 'casebook list "
		                    "families' (see casebook --help)"));
	if (!codeset_is_utf8())
		return cb_err_set(err, CB_EINVAL,
		                  _("the workbook needs a UTF-8 locale, and neither this one (%s) nor "
		                    "C.UTF-8 is available: set LANG to a UTF-8 locale from 'locale "
		                    "-a', such as en_GB.UTF-8"),
		                  nl_langinfo(CODESET));
	return check_term_type(err);
}

/* Whether the terminal can draw lines: the line pieces in its alternate
 * character set, or the U8 flag of terminals that draw UTF-8 lines. */
static bool
has_line_drawing(void)
{
	const char *acsc = tigetstr("acsc");
	static const char pieces[] = "qxlkmj";
	size_t i;

	if (tigetnum("U8") > 0)
		return true;
	if (acsc == NULL || acsc == (char *)-1)
		return false;
	for (i = 0; pieces[i] != '\0'; i++) {
		const char *p;
		bool found = false;

		for (p = acsc; p[0] != '\0' && p[1] != '\0'; p += 2)
			if (p[0] == pieces[i])
				found = true;
		if (!found)
			return false;
	}
	return true;
}

int
ui_term_open(struct cb_err *err)
{
	screen = newterm(NULL, stdout, stdin);
	if (screen == NULL)
		return cb_err_set(err, CB_EINVAL,
		                  _("the terminal could not be set up (TERM=%s): set TERM to the "
		                    "terminal's type, or use the commands for scripts (casebook "
		                    "--help)"),
		                  getenv("TERM") != NULL ? getenv("TERM") : "");
	set_term(screen);
	ui_lines_ascii(!has_line_drawing());
	return 0;
}

void
ui_term_close(void)
{
	if (screen == NULL)
		return;
	if (!isendwin())
		endwin();
	delscreen(screen);
	screen = NULL;
}

/* The size may have changed while the shell had the terminal; the
 * SIGWINCH then went to the shell, not to us. */
static void
refit(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 &&
	    (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
}

void
ui_suspend(struct ui_app *app)
{
	struct sigaction dfl, old;

	sigaction(SIGTSTP, NULL, &old);
	if (old.sa_handler == SIG_IGN) {
		/* Whoever started casebook said not to stop it: there would
		 * be no `fg` to bring it back. */
		ui_error(app, _("casebook cannot be suspended here (the shell has no job "
		                "control): Ctrl-C quits"));
		return;
	}
	def_prog_mode();
	endwin();
	fflush(stdout);
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, NULL);
	/* Stops here until `fg` (SIGCONT). A process group with no shell to
	 * resume it is not stopped at all, and carries straight on. */
	raise(SIGTSTP);
	sigaction(SIGTSTP, &old, NULL);
	reset_prog_mode();
	refit();
	clearok(curscr, TRUE);
	getmaxyx(stdscr, app->rows, app->cols);
}
